// Route module for /sellers/:sellerId/inventory/reports (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { StockReportsView } from './views/stock-reports-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <StockReportsView sellerId={sellerId} />;
}
