import type { RouteObject } from 'react-router';

import { AppLayout, type RouteHandle } from '../shared/layout/app-layout';
import { FullPageLoader } from '../shared/states/loading';
import { NotFoundPage } from '../shared/states/not-found-page';
import { RouteError } from '../shared/states/route-error';

/**
 * The route tree. Features are route modules loaded on demand (`lazy`): each
 * exports `Component` (and later `loader`, `ErrorBoundary`...) from its
 * features/<feature>/index.tsx. Paths are relative to the /admin basename.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
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
            path: '*',
            handle: { title: 'Page not found' } satisfies RouteHandle,
            element: <NotFoundPage />,
          },
        ],
      },
    ],
  },
];
