// Route module for /sellers/:sellerId/shipping (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { ShippingMethodsView } from './views/shipping-methods-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <ShippingMethodsView sellerId={sellerId} />;
}
