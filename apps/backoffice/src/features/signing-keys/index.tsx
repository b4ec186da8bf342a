// Route module for /signing-keys (lazy-loaded by app/routes.tsx).
import { SigningKeysView } from './views/signing-keys-view';

export function Component() {
  return <SigningKeysView />;
}
