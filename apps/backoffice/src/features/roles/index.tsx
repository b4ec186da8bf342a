// Route module for /roles (lazy-loaded by app/routes.tsx).
import { RolesView } from './views/roles-view';

export function Component() {
  return <RolesView />;
}
