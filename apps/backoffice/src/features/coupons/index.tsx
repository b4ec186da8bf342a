// Route module for /coupons, the platform's coupons (lazy-loaded by app/routes.tsx).
import { CouponsView } from './views/coupons-view';

export function Component() {
  return <CouponsView sellerId={null} />;
}
