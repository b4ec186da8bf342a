// Route module for the dashboard (lazy-loaded by app/routes.tsx).
import { DashboardView } from './views/dashboard-view';

export function Component() {
  return <DashboardView />;
}
