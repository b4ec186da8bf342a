import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';

import { SessionRevokeDocument } from '../../generated/graphql';
import { useSessionStore } from './use-session';

/**
 * Ends the session: the API revokes it (and clears the refresh cookie), the
 * token leaves memory and the cache is emptied, so the next user of this
 * browser sees nothing of this one. The local sign-out happens even when the
 * API cannot be reached.
 */
export function useLogout(): () => Promise<void> {
  const client = useApolloClient();
  const store = useSessionStore();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await client.mutate({ mutation: SessionRevokeDocument, fetchPolicy: 'no-cache' });
    } catch {
      // Signed out locally anyway; the refresh token expires on its own.
    }
    store.signOut('logout');
    await navigate('/login', { replace: true });
    await client.clearStore();
  }, [client, store, navigate]);
}
