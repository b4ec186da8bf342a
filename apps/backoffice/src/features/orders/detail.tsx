// Route module for /sellers/:sellerId/orders/:orderId (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { OrderDetailView } from './views/order-detail-view';

export function Component() {
  const { sellerId = '', orderId = '' } = useParams();
  return <OrderDetailView sellerId={sellerId} orderId={orderId} />;
}
