import { createBrowserRouter } from 'react-router';

import { routes } from './routes';

/** `/admin`, from Vite's `base` ('/admin/'), so the two cannot disagree. */
export const basename = import.meta.env.BASE_URL.replace(/\/+$/, '') || '/';

export function createAppRouter() {
  return createBrowserRouter(routes, { basename });
}
