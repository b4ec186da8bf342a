import { createContext, useContext } from 'react';
import type { SessionGrant, SessionStatus } from './session-manager';

export interface Session {
  status: SessionStatus;
  /** After sessionCreate or accountSignUp returned a session. */
  signIn(session: SessionGrant): void;
  /** Revokes the session on the API, then forgets it here and empties the cache. */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** Who is here: 'loading' until the first refresh answers, then 'signedIn' or 'signedOut'. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it.');
  return session;
}
