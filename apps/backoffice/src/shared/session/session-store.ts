/**
 * The signed-in session, held in memory only: the access token is never
 * written to storage, the cache or the URL. The refresh token is an HttpOnly
 * cookie (path /graphql) this code cannot read; `sessionRefresh` trades it for
 * a new access token.
 *
 * - `start()` asks for a session once when the app opens (signed in or out).
 * - A timer refreshes shortly before `expiresAt`.
 * - The API link calls `refresh()` when a request fails with UNAUTHENTICATED.
 * - Concurrent refreshes share one request: the API rotates the refresh token
 *   and treats a reused one as theft (it revokes the whole family), so two
 *   refreshes in flight would sign the user out. Across tabs, the Web Locks
 *   API (where available) serialises them the same way.
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export interface SessionData {
  accessToken: string;
  /** ISO 8601. */
  expiresAt: string;
  user: SessionUser;
}

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';

/** Why the user is signed out: never signed in, logged out, or the session ended on its own. */
export type SignOutReason = 'initial' | 'logout' | 'expired';

export interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  reason: SignOutReason | null;
}

/**
 * Asks the API for a fresh session. Resolves to the session, or to null when
 * the API says there is none (expired, revoked, disabled); throws when the
 * API could not be asked (network), which is not a reason to sign out.
 */
export type Refresher = () => Promise<SessionData | null>;

export interface SessionStoreOptions {
  refresher?: Refresher;
  /** Refresh this long before expiry (at most a fifth of the token's lifetime). */
  refreshLeadMs?: number;
  /** After a failed (network) refresh, try again this much later. */
  retryDelayMs?: number;
  now?: () => number;
}

const LOCK_NAME = 'bazaar-backoffice-session-refresh';
/** setTimeout's largest delay; longer ones fire at once. */
const MAX_TIMEOUT = 2_147_483_647;

export class SessionStore {
  private token: string | null = null;
  private expiresAt = 0;
  private state: SessionState = { status: 'unknown', user: null, reason: null };
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  /** Bumped by every sign-in and sign-out, so a refresh answered late cannot undo them. */
  private generation = 0;
  private refresher: Refresher | null;
  private readonly refreshLeadMs: number;
  private readonly retryDelayMs: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.refresher = options.refresher ?? null;
    this.refreshLeadMs = options.refreshLeadMs ?? 60_000;
    this.retryDelayMs = options.retryDelayMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  getAccessToken(): string | null {
    return this.token;
  }

  setRefresher(refresher: Refresher): void {
    this.refresher = refresher;
  }

  /** Once per page load: find out whether the refresh cookie still holds a session. */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.state.status === 'unknown') void this.refresh();
  }

  signIn(session: SessionData): void {
    this.generation += 1;
    this.token = session.accessToken;
    this.expiresAt = Date.parse(session.expiresAt);
    this.setState({ status: 'signedIn', user: session.user, reason: null });
    this.schedule(this.refreshDelay());
  }

  signOut(reason: SignOutReason): void {
    this.generation += 1;
    this.token = null;
    this.expiresAt = 0;
    this.clearTimer();
    this.setState({ status: 'signedOut', user: null, reason });
  }

  /** Resolves to true when a new access token is in place. One request at a time. */
  refresh(): Promise<boolean> {
    if (!this.inflight) {
      this.inflight = this.runRefresh().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  /** Before a request: refresh first when the token has (almost) expired, e.g. after the laptop slept. */
  async ensureFresh(): Promise<void> {
    if (this.inflight) {
      await this.inflight;
      return;
    }
    if (this.token && this.expiresAt - this.now() < 5_000) await this.refresh();
  }

  /** Stops the timer (tests, hot reload). */
  dispose(): void {
    this.clearTimer();
  }

  private async runRefresh(): Promise<boolean> {
    const refresher = this.refresher;
    if (!refresher) throw new Error('SessionStore has no refresher yet.');
    const generation = this.generation;
    let session: SessionData | null;
    try {
      session = await withLock(refresher);
    } catch {
      // The API could not be asked. At start-up there is nothing to keep;
      // later, keep the session and try again while the token is still valid.
      if (generation !== this.generation) return false;
      if (this.state.status === 'unknown') this.signOut('initial');
      else if (this.state.status === 'signedIn') this.schedule(this.retryDelayMs);
      return false;
    }
    if (generation !== this.generation) return this.state.status === 'signedIn';
    if (session) {
      this.signIn(session);
      return true;
    }
    this.signOut(this.state.status === 'signedIn' ? 'expired' : 'initial');
    return false;
  }

  private refreshDelay(): number {
    const remaining = this.expiresAt - this.now();
    const lead = Math.min(this.refreshLeadMs, remaining / 5);
    return Math.max(0, remaining - lead);
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.refresh();
      },
      Math.min(delay, MAX_TIMEOUT),
    );
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** One refresh across all tabs of this origin, where the browser supports Web Locks. */
function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  return locks.request(LOCK_NAME, run);
}
