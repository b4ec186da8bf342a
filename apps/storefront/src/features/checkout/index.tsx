import type { RouteObject } from 'react-router';

/** Checkout of the signed-in shopper's cart; the view loads on demand. */
export const checkoutRoutes: RouteObject[] = [
  {
    path: 'checkout',
    lazy: async () => ({ Component: (await import('./views/checkout-view')).CheckoutView }),
  },
];
