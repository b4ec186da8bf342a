// Route module for /sellers/:sellerId/profile (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { ShopProfileView } from './views/shop-profile-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <ShopProfileView sellerId={sellerId} />;
}
