// Route module for /sellers/:sellerId/inventory/locations (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { LocationsView } from './views/locations-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <LocationsView sellerId={sellerId} />;
}
