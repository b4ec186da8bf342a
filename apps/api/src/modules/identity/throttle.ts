// Login throttling, shared by every replica through PostgreSQL:
// - per IP: at most 100 failed logins an hour;
// - per e-mail address: after 3 consecutive failures each attempt waits 2^(n-3) s
//   (up to 15 min) since the last one, and 10 consecutive failures lock the
//   account until a reset (see session.service.ts).
import type { Prisma } from '@bazaar/db';

const WINDOW_MS = 60 * 60 * 1000;
const MAX_FAILURES_PER_IP_PER_HOUR = 100;
const FREE_ATTEMPTS = 3;
const MAX_DELAY_S = 15 * 60;

type Db = Prisma.TransactionClient;

export async function ipBlocked(db: Db, ip: string): Promise<boolean> {
  const row = await db.loginThrottle.findUnique({ where: { key: `ip:${ip}` } });
  return Boolean(
    row &&
    Date.now() - row.windowStart.getTime() < WINDOW_MS &&
    row.failures >= MAX_FAILURES_PER_IP_PER_HOUR,
  );
}

/** Seconds to wait before this account may try again; 0 when it may now. */
export async function accountWait(db: Db, key: string): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  if (!row || row.failures < FREE_ATTEMPTS) return 0;
  const delay = Math.min(2 ** (row.failures - FREE_ATTEMPTS), MAX_DELAY_S);
  const waited = (Date.now() - row.lastFailure.getTime()) / 1000;
  return waited >= delay ? 0 : Math.ceil(delay - waited);
}

/** Counts a failure against a key, starting a new hour-long window when the last one ended. */
export async function recordFailure(db: Db, key: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO login_throttles (key, window_start, failures, last_failure) VALUES (${key}, now(), 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttles.window_start < now() - interval '1 hour' THEN 1 ELSE login_throttles.failures + 1 END,
      window_start = CASE WHEN login_throttles.window_start < now() - interval '1 hour' THEN now() ELSE login_throttles.window_start END,
      last_failure = now()`;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
