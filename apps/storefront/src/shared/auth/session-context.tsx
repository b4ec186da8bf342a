import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { SessionRevokeDocument } from '../../generated/graphql';
import type { SessionGrant, SessionManager } from './session-manager';
import { SessionContext } from './use-session';

export interface SessionProviderProps {
  manager: SessionManager;
  children: ReactNode;
}

/** Provides `useSession()`; inside the Apollo provider. */
export function SessionProvider({ manager, children }: SessionProviderProps) {
  const client = useApolloClient();
  const status = useSyncExternalStore(manager.subscribe, manager.getStatus, manager.getStatus);

  useEffect(() => {
    void manager.start();
  }, [manager]);

  // Private data must not outlive the session, however it ends: logged out here or in
  // another tab, expired, revoked.
  useEffect(() => {
    let last = manager.getStatus();
    return manager.subscribe(() => {
      const next = manager.getStatus();
      if (last === 'signedIn' && next === 'signedOut') void client.clearStore();
      last = next;
    });
  }, [manager, client]);

  const signIn = useCallback((grant: SessionGrant) => manager.signIn(grant), [manager]);
  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: SessionRevokeDocument, fetchPolicy: 'no-cache' });
    } catch {
      // Unreachable API: this tab forgets the session all the same.
    }
    manager.signOut();
  }, [client, manager]);

  const value = useMemo(() => ({ status, signIn, signOut }), [status, signIn, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}
