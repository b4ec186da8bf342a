// Route module for /audit (lazy-loaded by app/routes.tsx).
import { AuditView } from './views/audit-view';

export function Component() {
  return <AuditView />;
}
