// Route module for /sellers/:sellerId/orders (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { OrdersView } from './views/orders-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <OrdersView sellerId={sellerId} />;
}
