import { SessionStore, type SessionUser } from '../shared/session/session-store';

const stores = new Set<SessionStore>();

export const testUser: SessionUser = {
  id: 'u-admin',
  name: 'Ada Admin',
  email: 'ada@example.com',
};

/** A session as after a login: a token valid for an hour (its refresh timer never fires in a test). */
export function signedInSession(user: SessionUser = testUser): SessionStore {
  const store = new SessionStore();
  store.signIn({
    accessToken: 'test-access-token',
    expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    user,
  });
  stores.add(store);
  return store;
}

/** A session whose state the app still has to ask the API for (the start-up refresh). */
export function startingSession(): SessionStore {
  const store = new SessionStore();
  stores.add(store);
  return store;
}

/** Stops every store's refresh timer (called after each test). */
export function disposeSessions(): void {
  for (const store of stores) store.dispose();
  stores.clear();
}
