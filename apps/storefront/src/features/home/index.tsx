import type { RouteObject } from 'react-router';

/** Routes of the home feature; views load on demand. */
export const homeRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./views/home-view')).HomeView }),
  },
];
