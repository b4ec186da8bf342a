import type { RouteObject } from 'react-router';

/** The home page's code: its route loads it, and app/first-page.ts on a first visit. */
export const loadHomeView = () => import('./views/home-view');

/** Routes of the home feature; views load on demand. */
export const homeRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await loadHomeView()).HomeView }),
  },
];
