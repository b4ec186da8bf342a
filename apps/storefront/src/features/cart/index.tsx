import type { RouteObject } from 'react-router';

/** The shopper's cart; the view loads on demand. */
export const cartRoutes: RouteObject[] = [
  {
    path: 'cart',
    lazy: async () => ({ Component: (await import('./views/cart-view')).CartView }),
  },
];
