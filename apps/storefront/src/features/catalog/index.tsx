import type { RouteObject } from 'react-router';

/** Category pages and search results; views load on demand. */
export const catalogRoutes: RouteObject[] = [
  {
    path: 'c/:slug',
    lazy: async () => ({ Component: (await import('./views/category-view')).CategoryView }),
  },
  {
    path: 'search',
    lazy: async () => ({ Component: (await import('./views/search-view')).SearchView }),
  },
];
