import type { RouteObject } from 'react-router';

/** Members' public profiles. */
export const profileRoutes: RouteObject[] = [
  {
    path: 'u/:id',
    lazy: async () => ({
      Component: (await import('./views/public-profile-view')).PublicProfileView,
    }),
  },
];
