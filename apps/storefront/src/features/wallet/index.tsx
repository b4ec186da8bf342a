import type { RouteObject } from 'react-router';

/** The signed-in shopper's wallet; the view loads on demand. */
export const walletRoutes: RouteObject[] = [
  {
    path: 'account/wallet',
    lazy: async () => ({ Component: (await import('./views/wallet-view')).WalletView }),
  },
];
