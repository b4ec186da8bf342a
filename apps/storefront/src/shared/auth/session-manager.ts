/**
 * The signed-in session, kept in memory only: the access token never touches
 * storage. The API keeps the real session in an HttpOnly refresh cookie this code
 * cannot read; `refresh` trades that cookie for a new access token.
 *
 * - `start()` asks once on app start: a session means signed in, an answer without
 *   one means signed out.
 * - A timer refreshes `leewayMs` before the token expires.
 * - Concurrent refreshes share one request (`refresh()` is deduplicated).
 * - `renewRejected(token)` is for a request the API rejected as UNAUTHENTICATED: it
 *   refreshes unless a newer token already exists.
 * - Signing in or out while a refresh is on its way wins over the refresh's answer.
 */

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

/** What the API returns as `AuthSession` (only these two fields are needed here). */
export interface SessionGrant {
  accessToken: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface SessionManagerOptions {
  /**
   * Trades the refresh cookie for a new grant. Resolves `null` when the API says
   * there is no session (NO_SESSION, SESSION_EXPIRED, ...); rejects when it could
   * not tell (network down, server error): the session is then kept while valid.
   */
  refresh: () => Promise<SessionGrant | null>;
  /** Refresh this long before expiry. */
  leewayMs?: number;
  /** After a failed scheduled refresh, try again this much later. */
  retryMs?: number;
  /** Never schedule refreshes closer together than this (guards against clock skew). */
  minDelayMs?: number;
  /** Tells other tabs about sign-in and sign-out (a BroadcastChannel in the browser). */
  channel?: SessionChannel;
  now?: () => number;
}

export interface SessionChannel {
  post(message: SessionMessage): void;
  listen(listener: (message: unknown) => void): () => void;
}

export type SessionMessage = 'signed-in' | 'signed-out';

export interface SessionManager {
  getStatus(): SessionStatus;
  /** The current access token, or null; does not wait or refresh. */
  currentToken(): string | null;
  subscribe(listener: () => void): () => void;
  /** The first refresh; later calls return the same promise. */
  start(): Promise<void>;
  signIn(grant: SessionGrant): void;
  /** Forgets the session locally (the caller revokes it on the API first). */
  signOut(): void;
  /** Refreshes now, or joins the refresh already on its way; resolves the token then held. */
  refresh(): Promise<string | null>;
  /** The token to send with a request: waits for a refresh on its way, refreshes an expired one. */
  getToken(): Promise<string | null>;
  /** After the API rejected `rejected`: a newer token if one exists, else a refreshed one. */
  renewRejected(rejected: string): Promise<string | null>;
  dispose(): void;
}

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const {
    leewayMs = 60_000,
    retryMs = 30_000,
    minDelayMs = 10_000,
    channel,
    now = () => Date.now(),
  } = options;

  let status: SessionStatus = 'loading';
  let token: string | null = null;
  let expiresAt = 0;
  let lastGrantAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<string | null> | null = null;
  let started: Promise<void> | null = null;
  /** Bumped by every sign-in and sign-out: a refresh begun before one does not apply. */
  let generation = 0;
  const listeners = new Set<() => void>();

  function setStatus(next: SessionStatus) {
    if (next === status) return;
    status = next;
    for (const listener of [...listeners]) listener();
  }

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), Math.max(delay, minDelayMs));
  }

  function apply(grant: SessionGrant) {
    token = grant.accessToken;
    expiresAt = Date.parse(grant.expiresAt);
    lastGrantAt = now();
    schedule(expiresAt - leewayMs - now());
    setStatus('signedIn');
  }

  function clear() {
    clearTimeout(timer);
    token = null;
    expiresAt = 0;
    setStatus('signedOut');
  }

  function refresh(): Promise<string | null> {
    if (inflight) return inflight;
    const startedIn = generation;
    inflight = options
      .refresh()
      .then(
        (grant) => {
          if (startedIn !== generation) return token;
          if (grant) apply(grant);
          else clear();
          return token;
        },
        () => {
          if (startedIn !== generation) return token;
          if (status === 'loading' || !token || now() >= expiresAt) {
            // Could not tell, and nothing valid is left: signed out for now.
            clear();
          } else {
            schedule(Math.min(retryMs, expiresAt - now()));
          }
          return token;
        },
      )
      .finally(() => {
        inflight = null;
      });
    return inflight;
  }

  // Another tab signed out (its session, shared through the cookie, is gone) or in.
  const stopListening = channel?.listen((message) => {
    if (message === 'signed-out') {
      generation++;
      clear();
    } else if (message === 'signed-in' && status !== 'signedIn') {
      void refresh();
    }
  });

  return {
    getStatus: () => status,
    currentToken: () => token,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      started ??= refresh().then(() => undefined);
      return started;
    },
    signIn(grant) {
      generation++;
      apply(grant);
      channel?.post('signed-in');
    },
    signOut() {
      generation++;
      clear();
      channel?.post('signed-out');
    },
    refresh,
    async getToken() {
      if (inflight) return inflight;
      // Expired (a laptop woke from sleep, a timer ran late): renew before sending,
      // unless the API just granted it (then the clocks disagree; send it anyway).
      if (token && now() >= expiresAt && now() - lastGrantAt > minDelayMs) return refresh();
      return token;
    },
    async renewRejected(rejected) {
      if (inflight) return inflight;
      // A newer token (another request already refreshed), or none (signed out since).
      if (token !== rejected) return token;
      return refresh();
    },
    dispose() {
      clearTimeout(timer);
      listeners.clear();
      stopListening?.();
    },
  };
}
