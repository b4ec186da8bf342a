// Route module for /api-keys (lazy-loaded by app/routes.tsx).
import { ApiKeysView } from './views/api-keys-view';

export function Component() {
  return <ApiKeysView />;
}
