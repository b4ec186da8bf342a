// Route module for /wallets (lazy-loaded by app/routes.tsx).
import { WalletsView } from './views/wallets-view';

export function Component() {
  return <WalletsView />;
}
