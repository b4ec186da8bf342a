import type { RouteObject } from 'react-router';

/** The catch-all route; keep it last among the shell's children. */
export const notFoundRoutes: RouteObject[] = [
  {
    path: '*',
    lazy: async () => ({ Component: (await import('./views/not-found-view')).NotFoundView }),
  },
];
