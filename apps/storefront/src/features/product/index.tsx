import type { RouteObject } from 'react-router';

/** Product pages; the view (with its Markdown renderer) loads on demand. */
export const productRoutes: RouteObject[] = [
  {
    path: 'p/:slug',
    lazy: async () => ({ Component: (await import('./views/product-view')).ProductView }),
  },
];
