// Route module for /sellers/:sellerId/stores (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { StoresView } from './views/stores-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <StoresView sellerId={sellerId} />;
}
