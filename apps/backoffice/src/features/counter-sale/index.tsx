// Route module for /sellers/:sellerId/counter-sale (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { CounterSaleView } from './views/counter-sale-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <CounterSaleView sellerId={sellerId} />;
}
