import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { useSession } from '../../shared/session/use-session';
import { FullPageLoader } from '../../shared/states/loading';
import { loginPath } from './next-path';

/**
 * Everything but the login page needs a session. While the start-up refresh
 * runs, a loader; without a session, the login page with the way back.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status, reason } = useSession();
  const { pathname, search } = useLocation();
  if (status === 'unknown') return <FullPageLoader />;
  if (status === 'signedOut') {
    // After an explicit log-out, start over from the dashboard.
    const to = reason === 'logout' ? '/login' : loginPath(pathname + search);
    return <Navigate to={to} replace />;
  }
  return children;
}
