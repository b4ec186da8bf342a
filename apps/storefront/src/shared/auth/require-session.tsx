import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../ui/loading-state';
import { logInPath } from './next-path';
import { useSession } from './use-session';

/** Renders `children` for a signed-in user; sends anyone else to log in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const { pathname, search } = useLocation();
  if (status === 'loading') return <LoadingState label="Checking your session" />;
  if (status === 'signedOut') return <Navigate to={logInPath(pathname + search)} replace />;
  return children;
}
