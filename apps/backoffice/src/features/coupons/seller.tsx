// Route module for /sellers/:sellerId/coupons (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { CouponsView } from './views/coupons-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <CouponsView sellerId={sellerId} />;
}
