// Route module for /login (lazy-loaded by app/routes.tsx, outside the shell).
import { LoginView } from './views/login-view';

export function Component() {
  return <LoginView />;
}
