// Route module for /sellers/:sellerId/imports (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { ImportsView } from './views/imports-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <ImportsView sellerId={sellerId} />;
}
