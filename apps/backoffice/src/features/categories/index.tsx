// Route module for /categories (lazy-loaded by app/routes.tsx).
import { CategoriesView } from './views/categories-view';

export function Component() {
  return <CategoriesView />;
}
