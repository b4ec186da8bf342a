import { use, useSyncExternalStore } from 'react';

import { SessionContext } from './session-context';
import type { SessionState, SessionStore } from './session-store';

export function useSessionStore(): SessionStore {
  const store = use(SessionContext);
  if (!store) throw new Error('useSessionStore needs a <SessionProvider>.');
  return store;
}

export function useSession(): SessionState {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
