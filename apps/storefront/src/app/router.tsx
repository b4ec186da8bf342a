import { createBrowserRouter } from 'react-router';
import { routes } from './routes';

/** The browser's router. Tests build their own with createMemoryRouter(routes). */
export function createRouter() {
  return createBrowserRouter(routes);
}
