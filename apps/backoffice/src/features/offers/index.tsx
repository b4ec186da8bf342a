// Route module for /sellers/:sellerId/offers (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { OffersView } from './views/offers-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <OffersView sellerId={sellerId} />;
}
