import type { RouteObject } from 'react-router';
import { accountRoutes } from '../features/account';
import { authRoutes } from '../features/auth';
import { cartRoutes } from '../features/cart';
import { catalogRoutes } from '../features/catalog';
import { checkoutRoutes } from '../features/checkout';
import { homeRoutes } from '../features/home';
import { notFoundRoutes } from '../features/not-found';
import { productRoutes } from '../features/product';
import { profileRoutes } from '../features/profile';
import { purchasesRoutes } from '../features/purchases';
import { sellerRoutes } from '../features/seller';
import { ShellView } from '../features/shell/views/shell-view';
import { statusRoutes } from '../features/status';
import { walletRoutes } from '../features/wallet';
import { AppLoading } from './app-loading';
import { RootError, RouteError } from './route-error';

/**
 * The route tree. The shell loads with the app; each feature's pages load on demand.
 * Errors in a page render inside the shell (header and navigation stay usable);
 * an error in the shell itself falls back to a standalone page.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: ShellView,
    ErrorBoundary: RootError,
    children: [
      {
        // Shown in the shell's <main> while the first page's code loads: the header
        // and footer render (and start their queries) without waiting for it.
        HydrateFallback: AppLoading,
        ErrorBoundary: RouteError,
        children: [
          ...homeRoutes,
          ...statusRoutes,
          ...authRoutes,
          ...accountRoutes,
          ...profileRoutes,
          ...sellerRoutes,
          ...catalogRoutes,
          ...productRoutes,
          ...cartRoutes,
          ...checkoutRoutes,
          ...purchasesRoutes,
          ...walletRoutes,
          ...notFoundRoutes,
        ],
      },
    ],
  },
];
