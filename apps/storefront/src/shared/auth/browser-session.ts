import { print } from 'graphql';
import { SessionRefreshDocument, type SessionRefreshMutation } from '../../generated/graphql';
import {
  createSessionManager,
  type SessionChannel,
  type SessionGrant,
  type SessionManager,
} from './session-manager';

/**
 * The browser's session manager: refreshes over plain fetch (the refresh cookie goes
 * with it), one tab at a time, and tells the other tabs when this one signs in or out.
 */
export function createBrowserSessionManager(uri: string): SessionManager {
  return createSessionManager({
    refresh: () => oneTabAtATime(() => refreshOverHttp(uri)),
    channel: broadcastChannel('bazaar:session'),
  });
}

let refreshQuery: string | undefined;

/** Resolves the new grant, or null when the API answers that there is no session. */
async function refreshOverHttp(uri: string): Promise<SessionGrant | null> {
  refreshQuery ??= print(SessionRefreshDocument);
  const response = await fetch(uri, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ operationName: 'SessionRefresh', query: refreshQuery }),
    // Requests wait for this answer: an API that does not answer must not hold the
    // pages back for long (they then go out without a token).
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`sessionRefresh: HTTP ${response.status}`);
  const body = (await response.json()) as { data?: SessionRefreshMutation | null };
  const payload = body.data?.sessionRefresh;
  if (!payload) throw new Error('sessionRefresh: no data');
  return payload.session;
}

/**
 * The refresh cookie rotates on every use, and the API revokes the whole session when
 * a spent one comes back (but for a short grace). Two tabs refreshing at once would
 * send the same cookie twice, so refreshes take a lock shared by every tab of this
 * origin, the back-office's included: it refreshes the same cookie, under this name.
 */
const REFRESH_LOCK = 'bazaar-backoffice-session-refresh';

function oneTabAtATime<T>(refresh: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(REFRESH_LOCK, refresh) : refresh();
}

function broadcastChannel(name: string): SessionChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
