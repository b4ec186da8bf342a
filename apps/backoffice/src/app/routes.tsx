import type { RouteObject } from 'react-router';

import { RequireSession } from '../features/auth/require-session';
import { ViewerGate } from '../features/auth/viewer-gate';
import { requirements } from '../shared/access/access';
import { AppLayout, type RouteHandle } from '../shared/layout/app-layout';
import { FullPageLoader } from '../shared/states/loading';
import { NotFoundPage } from '../shared/states/not-found-page';
import { RouteError } from '../shared/states/route-error';

/**
 * The route tree. Features are route modules loaded on demand (`lazy`): each
 * exports `Component` from its features/<feature>/index.tsx (or another route
 * module of the feature). Paths are relative to the /admin basename.
 *
 * /login stands alone; everything else needs a session (RequireSession) and a
 * viewer allowed into the back-office (ViewerGate). A route's
 * `handle.requires` names the permission its page needs: AppLayout renders a
 * "not allowed" state instead of the page when the viewer lacks it, and the
 * navbar hides its entry. Seller pages carry the seller in the URL.
 */
export const routes: RouteObject[] = [
  {
    path: '/login',
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    lazy: () => import('../features/auth'),
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <ViewerGate>
          <AppLayout />
        </ViewerGate>
      </RequireSession>
    ),
    // The shell itself failed: no frame to render into.
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      {
        // A page failed: keep the header and navbar, show the error in the main area.
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            handle: { title: 'Dashboard' } satisfies RouteHandle,
            lazy: () => import('../features/dashboard'),
          },
          {
            path: 'users',
            handle: { title: 'Users', requires: requirements.users } satisfies RouteHandle,
            lazy: () => import('../features/users'),
          },
          {
            path: 'users/:userId',
            handle: { title: 'User', requires: requirements.users } satisfies RouteHandle,
            lazy: () => import('../features/users/detail'),
          },
          {
            path: 'roles',
            handle: { title: 'Roles', requires: requirements.roles } satisfies RouteHandle,
            lazy: () => import('../features/roles'),
          },
          {
            path: 'signing-keys',
            handle: {
              title: 'Signing keys',
              requires: requirements.signingKeys,
            } satisfies RouteHandle,
            lazy: () => import('../features/signing-keys'),
          },
          {
            path: 'audit',
            handle: { title: 'Audit log', requires: requirements.audit } satisfies RouteHandle,
            lazy: () => import('../features/audit'),
          },
          {
            path: 'sellers/:sellerId/profile',
            handle: {
              title: 'Shop profile',
              requires: requirements.shopProfile,
            } satisfies RouteHandle,
            lazy: () => import('../features/shop-profile'),
          },
          {
            path: 'sellers/:sellerId/stores',
            handle: { title: 'Stores', requires: requirements.stores } satisfies RouteHandle,
            lazy: () => import('../features/stores'),
          },
          {
            path: 'sellers/:sellerId/staff',
            handle: { title: 'Staff', requires: requirements.staff } satisfies RouteHandle,
            lazy: () => import('../features/staff'),
          },
          {
            path: 'sellers/:sellerId/products',
            handle: { title: 'Products', requires: requirements.products } satisfies RouteHandle,
            lazy: () => import('../features/products'),
          },
          {
            path: 'sellers/:sellerId/products/new',
            handle: {
              title: 'New product',
              requires: requirements.productCreate,
            } satisfies RouteHandle,
            lazy: () => import('../features/products/editor'),
          },
          {
            path: 'sellers/:sellerId/products/:productId',
            handle: { title: 'Product', requires: requirements.products } satisfies RouteHandle,
            lazy: () => import('../features/products/editor'),
          },
          {
            path: 'categories',
            handle: {
              title: 'Categories',
              requires: requirements.categories,
            } satisfies RouteHandle,
            lazy: () => import('../features/categories'),
          },
          {
            path: 'sellers/:sellerId/offers',
            handle: { title: 'Offers', requires: requirements.offers } satisfies RouteHandle,
            lazy: () => import('../features/offers'),
          },
          {
            path: 'sellers/:sellerId/offers/new',
            handle: {
              title: 'New offer',
              requires: requirements.offerCreate,
            } satisfies RouteHandle,
            lazy: () => import('../features/offers/new'),
          },
          {
            path: 'sellers/:sellerId/offers/:offerId',
            handle: { title: 'Offer', requires: requirements.offers } satisfies RouteHandle,
            lazy: () => import('../features/offers/detail'),
          },
          {
            path: 'sellers/:sellerId/inventory/locations',
            handle: {
              title: 'Stock locations',
              requires: requirements.inventory,
            } satisfies RouteHandle,
            lazy: () => import('../features/inventory/locations'),
          },
          {
            path: 'sellers/:sellerId/inventory/reports',
            handle: {
              title: 'Stock reports',
              requires: requirements.inventory,
            } satisfies RouteHandle,
            lazy: () => import('../features/inventory/reports'),
          },
          {
            path: 'sellers/:sellerId/imports',
            handle: {
              title: 'Import and export',
              requires: requirements.imports,
            } satisfies RouteHandle,
            lazy: () => import('../features/imports'),
          },
          {
            path: 'sellers/:sellerId/shipping',
            handle: {
              title: 'Shipping methods',
              requires: requirements.shipping,
            } satisfies RouteHandle,
            lazy: () => import('../features/shipping'),
          },
          {
            path: 'sellers/:sellerId/orders',
            handle: { title: 'Orders', requires: requirements.orders } satisfies RouteHandle,
            lazy: () => import('../features/orders'),
          },
          {
            path: 'sellers/:sellerId/orders/:orderId',
            handle: { title: 'Order', requires: requirements.orders } satisfies RouteHandle,
            lazy: () => import('../features/orders/detail'),
          },
          {
            path: 'sellers/:sellerId/counter-sale',
            handle: {
              title: 'Counter sale',
              requires: requirements.counterSale,
            } satisfies RouteHandle,
            lazy: () => import('../features/counter-sale'),
          },
          {
            path: 'sellers/:sellerId/coupons',
            handle: {
              title: 'Coupons',
              requires: requirements.sellerCoupons,
            } satisfies RouteHandle,
            lazy: () => import('../features/coupons/seller'),
          },
          {
            path: 'coupons',
            handle: {
              title: 'Platform coupons',
              requires: requirements.platformCoupons,
            } satisfies RouteHandle,
            lazy: () => import('../features/coupons'),
          },
          {
            path: 'tax-rates',
            handle: { title: 'Tax rates', requires: requirements.taxRates } satisfies RouteHandle,
            lazy: () => import('../features/tax-rates'),
          },
          {
            path: 'wallets',
            handle: { title: 'Wallets', requires: requirements.wallets } satisfies RouteHandle,
            lazy: () => import('../features/wallets'),
          },
          {
            path: 'api-keys',
            handle: { title: 'API keys' } satisfies RouteHandle,
            lazy: () => import('../features/api-keys'),
          },
          {
            path: '*',
            handle: { title: 'Page not found' } satisfies RouteHandle,
            element: <NotFoundPage />,
          },
        ],
      },
    ],
  },
];
