import type { RouteObject } from 'react-router';

/** A product page's code: its route loads it, and app/first-page.ts on a first visit. */
export const loadProductView = () => import('./views/product-view');

/** Product pages; the view (with its Markdown renderer) loads on demand. */
export const productRoutes: RouteObject[] = [
  {
    path: 'p/:slug',
    lazy: async () => ({ Component: (await loadProductView()).ProductView }),
  },
];
