import type { RouteObject } from 'react-router';

/** Routes of the status feature; views load on demand. */
export const statusRoutes: RouteObject[] = [
  {
    path: 'status',
    lazy: async () => ({ Component: (await import('./views/status-view')).StatusView }),
  },
];
