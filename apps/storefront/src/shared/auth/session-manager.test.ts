import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSessionManager,
  type SessionChannel,
  type SessionGrant,
  type SessionMessage,
} from './session-manager';

const MINUTE = 60_000;

function grant(accessToken: string, lifetimeMs = 15 * MINUTE): SessionGrant {
  return { accessToken, expiresAt: new Date(Date.now() + lifetimeMs).toISOString() };
}

/** A refresh whose answers the test hands out one by one. */
function controlledRefresh() {
  const pending: Array<{
    resolve: (grant: SessionGrant | null) => void;
    reject: (error: Error) => void;
  }> = [];
  const refresh = vi.fn(
    () => new Promise<SessionGrant | null>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return {
    refresh,
    answer: (value: SessionGrant | null) => pending.shift()!.resolve(value),
    fail: () => pending.shift()!.reject(new TypeError('Failed to fetch')),
  };
}

describe('session manager (token refresher)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once on start: a session means signed in, none means signed out', async () => {
    const signedIn = createSessionManager({ refresh: async () => grant('a') });
    expect(signedIn.getStatus()).toBe('loading');
    await Promise.all([signedIn.start(), signedIn.start()]);
    expect(signedIn.getStatus()).toBe('signedIn');
    expect(signedIn.currentToken()).toBe('a');

    const refresh = vi.fn(async () => null);
    const signedOut = createSessionManager({ refresh });
    await signedOut.start();
    await signedOut.start();
    expect(signedOut.getStatus()).toBe('signedOut');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('counts as signed out when the first refresh cannot reach the API', async () => {
    const manager = createSessionManager({
      refresh: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await manager.start();
    expect(manager.getStatus()).toBe('signedOut');
  });

  it('deduplicates concurrent refreshes into one request', async () => {
    const { refresh, answer } = controlledRefresh();
    const manager = createSessionManager({ refresh });
    manager.signIn(grant('old'));

    const results = Promise.all([manager.refresh(), manager.refresh(), manager.getToken()]);
    expect(refresh).toHaveBeenCalledTimes(1);
    answer(grant('new'));
    expect(await results).toEqual(['new', 'new', 'new']);

    // Once answered, the next refresh is a new request.
    void manager.refresh();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes shortly (60 s) before the token expires, and again before the next one does', async () => {
    const { refresh, answer } = controlledRefresh();
    const manager = createSessionManager({ refresh });
    manager.signIn(grant('first', 15 * MINUTE));

    await vi.advanceTimersByTimeAsync(14 * MINUTE - 1_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(manager.currentToken()).toBe('first'); // still valid while the refresh runs

    answer(grant('second', 15 * MINUTE));
    await vi.advanceTimersByTimeAsync(0);
    expect(manager.currentToken()).toBe('second');

    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('signs out when the API says the session is over (expired, revoked)', async () => {
    const { refresh, answer } = controlledRefresh();
    const manager = createSessionManager({ refresh });
    manager.signIn(grant('a'));
    const listener = vi.fn();
    manager.subscribe(listener);

    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    answer(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(manager.getStatus()).toBe('signedOut');
    expect(manager.currentToken()).toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it('keeps a still-valid token when a scheduled refresh fails, and tries again later', async () => {
    const { refresh, answer, fail } = controlledRefresh();
    const manager = createSessionManager({ refresh, retryMs: 30_000 });
    manager.signIn(grant('a'));

    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(manager.getStatus()).toBe('signedIn');
    expect(manager.currentToken()).toBe('a');

    await vi.advanceTimersByTimeAsync(30_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    answer(grant('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(manager.currentToken()).toBe('b');
  });

  it('renews an expired token before a request uses it (timers are late after sleep)', async () => {
    const { refresh, answer } = controlledRefresh();
    const manager = createSessionManager({ refresh });
    manager.signIn(grant('stale', 15 * MINUTE));
    // The clock jumps past expiry without the timer having run (a laptop lid closed).
    vi.setSystemTime(Date.now() + 20 * MINUTE);

    const token = manager.getToken();
    expect(refresh).toHaveBeenCalledTimes(1);
    answer(grant('fresh'));
    expect(await token).toBe('fresh');
  });

  it('after a rejection, refreshes once for all requests, and not when a newer token exists', async () => {
    const { refresh, answer } = controlledRefresh();
    const manager = createSessionManager({ refresh });
    manager.signIn(grant('rejected'));

    const first = manager.renewRejected('rejected');
    const second = manager.renewRejected('rejected');
    expect(refresh).toHaveBeenCalledTimes(1);
    answer(grant('renewed'));
    expect(await Promise.all([first, second])).toEqual(['renewed', 'renewed']);

    // A request that went out with the old token and fails late: the new one is ready.
    expect(await manager.renewRejected('rejected')).toBe('renewed');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('does not let a refresh that was under way undo a sign-out', async () => {
    const { refresh, answer } = controlledRefresh();
    const manager = createSessionManager({ refresh });
    manager.signIn(grant('a'));

    const refreshing = manager.refresh();
    manager.signOut();
    answer(grant('b'));
    await refreshing;
    expect(manager.getStatus()).toBe('signedOut');
    expect(manager.currentToken()).toBeNull();
    // And no timer is left to refresh a session that is over.
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('tells other tabs about sign-in and sign-out, and follows theirs', async () => {
    const sent: SessionMessage[] = [];
    let deliver: (message: unknown) => void = () => undefined;
    const channel: SessionChannel = {
      post: (message) => sent.push(message),
      listen: (listener) => {
        deliver = listener;
        return () => undefined;
      },
    };
    const refresh = vi.fn(async () => grant('from-other-tab'));
    const manager = createSessionManager({ refresh, channel });
    await manager.start();
    expect(refresh).toHaveBeenCalledTimes(1);

    deliver('signed-out');
    expect(manager.getStatus()).toBe('signedOut');
    deliver('signed-in');
    await vi.advanceTimersByTimeAsync(0);
    expect(manager.getStatus()).toBe('signedIn');
    expect(manager.currentToken()).toBe('from-other-tab');

    manager.signOut();
    manager.signIn(grant('mine'));
    expect(sent).toEqual(['signed-out', 'signed-in']);
  });
});
