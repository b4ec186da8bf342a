import type { RouteObject } from 'react-router';

/** Sellers' public shop pages. */
export const sellerRoutes: RouteObject[] = [
  {
    path: 's/:slug',
    lazy: async () => ({
      Component: (await import('./views/seller-view')).SellerView,
    }),
  },
];
