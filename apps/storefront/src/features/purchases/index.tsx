import type { RouteObject } from 'react-router';

/** The shopper's purchases and orders; every view loads on demand. */
export const purchasesRoutes: RouteObject[] = [
  {
    path: 'purchases/:id',
    lazy: async () => ({ Component: (await import('./views/purchase-view')).PurchaseView }),
  },
  {
    path: 'account/purchases',
    lazy: async () => ({ Component: (await import('./views/purchases-view')).PurchasesView }),
  },
  {
    path: 'account/orders/:id',
    lazy: async () => ({ Component: (await import('./views/order-view')).OrderView }),
  },
];
