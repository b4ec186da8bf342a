import type { RouteObject } from 'react-router';

/** The signed-in user's own pages; both send anyone else to log in first. */
export const accountRoutes: RouteObject[] = [
  {
    path: 'account',
    lazy: async () => ({ Component: (await import('./views/account-view')).AccountView }),
  },
  {
    path: 'open-a-shop',
    lazy: async () => ({ Component: (await import('./views/open-shop-view')).OpenShopView }),
  },
];
