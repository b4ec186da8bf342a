import { useApolloClient } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';

import { clientRefresher } from './refresher';
import { SessionContext } from './session-context';
import type { SessionStore } from './session-store';

/**
 * Gives the app its session and asks the API, once, whether the refresh
 * cookie still holds one. The store refreshes through the client in context.
 */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const client = useApolloClient();
  useEffect(() => {
    store.setRefresher(clientRefresher(client));
    store.start();
  }, [store, client]);
  return <SessionContext value={store}>{children}</SessionContext>;
}
