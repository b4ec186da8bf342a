// Route module for /sellers/:sellerId/offers/:offerId (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { OfferDetailView } from './views/offer-detail-view';

export function Component() {
  const { sellerId = '', offerId = '' } = useParams();
  return <OfferDetailView key={offerId} sellerId={sellerId} offerId={offerId} />;
}
