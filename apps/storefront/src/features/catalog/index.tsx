import type { RouteObject } from 'react-router';

/** A category page's code: its route loads it, and app/first-page.ts on a first visit. */
export const loadCategoryView = () => import('./views/category-view');

/** Category pages and search results; views load on demand. */
export const catalogRoutes: RouteObject[] = [
  {
    path: 'c/:slug',
    lazy: async () => ({ Component: (await loadCategoryView()).CategoryView }),
  },
  {
    path: 'search',
    lazy: async () => ({ Component: (await import('./views/search-view')).SearchView }),
  },
];
