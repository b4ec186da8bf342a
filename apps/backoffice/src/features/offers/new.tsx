// Route module for /sellers/:sellerId/offers/new (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { NewOfferView } from './views/new-offer-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <NewOfferView sellerId={sellerId} />;
}
