// Route module for /sellers/:sellerId/staff (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { StaffView } from './views/staff-view';

export function Component() {
  const { sellerId = '' } = useParams();
  return <StaffView sellerId={sellerId} />;
}
