// Route module for /users/:userId (lazy-loaded by app/routes.tsx).
import { useParams } from 'react-router';

import { UserDetailView } from './views/user-detail-view';

export function Component() {
  const { userId = '' } = useParams();
  return <UserDetailView userId={userId} />;
}
