import { afterEach } from 'vitest';
import {
  createSessionManager,
  type SessionGrant,
  type SessionManager,
} from '../shared/auth/session-manager';

export type TestSessionState = 'signedIn' | 'signedOut';

/** A grant valid for 15 minutes, like the API's. */
export function testGrant(accessToken = 'access-token-1'): SessionGrant {
  return { accessToken, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() };
}

const managers = new Set<SessionManager>();
afterEach(() => {
  for (const manager of managers) manager.dispose();
  managers.clear();
});

/**
 * A session manager whose start-up refresh answers at once: with a session (the
 * refresh cookie was valid) or without one. No network: the API is mocked.
 */
export function testSession(state: TestSessionState): SessionManager {
  const manager = createSessionManager({
    refresh: async () => (state === 'signedIn' ? testGrant() : null),
  });
  managers.add(manager);
  return manager;
}
