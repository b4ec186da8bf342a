// Route module for /users (lazy-loaded by app/routes.tsx).
import { UsersView } from './views/users-view';

export function Component() {
  return <UsersView />;
}
