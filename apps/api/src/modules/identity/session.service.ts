// Sign-in sessions: a short-lived access token (JWT, signed by the current
// key) and a refresh token in an HttpOnly cookie that rotates on every use.
// A refresh token used twice means it was stolen: the whole session (token
// family) is revoked.
import type { Prisma, User } from '@bazaar/db';
import type { Context } from '../../context.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { notifyAuthzChanged } from '../access/authz.js';
import { recordAudit } from '../audit/audit.service.js';
import { mergeGuestCartOnSignIn } from '../cart/cart.service.js';
import { signAccessToken } from './access-token.js';
import type { AuthSession } from './identity.types.js';
import { verifyPassword } from './password.js';
import { randomToken, hashToken } from './secrets.js';
import { accountWait, clearFailures, ipBlocked, recordFailure } from './throttle.js';
import { normaliseEmail } from './validation.js';

export const REFRESH_COOKIE = 'bazaar_refresh';
/** Consecutive failed logins that lock an account until a reset. */
export const LOCK_AFTER_FAILURES = 10;
/** A second use of a refresh token this soon after the first is a concurrent tab, not a thief. */
const CONCURRENT_REFRESH_MS = 10_000;

type SessionCreateCode =
  'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED' | 'TOO_MANY_ATTEMPTS';
type SessionRefreshCode = 'NO_SESSION' | 'SESSION_EXPIRED' | 'SESSION_REVOKED' | 'ACCOUNT_DISABLED';

/** Opens a session for a user who just proved who they are, and sets the refresh cookie. */
export async function openSession(
  ctx: Context,
  tx: Prisma.TransactionClient,
  user: User,
): Promise<AuthSession> {
  const { env } = ctx.services;
  const refreshToken = randomToken();
  const session = await tx.session.create({
    data: {
      userId: user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 512) ?? null,
      expiresAt: new Date(Date.now() + env.SESSION_TTL_DAYS * 86_400_000),
      tokens: { create: { tokenHash: hashToken(refreshToken) } },
    },
  });
  ctx.http.setCookie(REFRESH_COOKIE, refreshToken, env.SESSION_TTL_DAYS * 86_400);
  await mergeGuestCartOnSignIn(ctx, tx, user.id);
  return accessFor(ctx, user, session.id);
}

async function accessFor(ctx: Context, user: User, sessionId: string): Promise<AuthSession> {
  const { token, expiresAt } = await signAccessToken(
    ctx.services.keyRing,
    { userId: user.id, sessionId },
    ctx.services.env.ACCESS_TOKEN_TTL_SECONDS,
  );
  return { accessToken: token, expiresAt, user };
}

export async function logIn(ctx: Context, input: { email: string; password: string }) {
  const errors = new PayloadErrors<SessionCreateCode>();
  const fail = (code: SessionCreateCode, message: string) => ({
    session: null,
    errors: errors.add(code, message).list,
  });
  const invalid = () => fail('INVALID_CREDENTIALS', 'The e-mail or password is wrong.');
  const { prisma } = ctx.db;

  if (await ipBlocked(prisma, ctx.ip))
    return fail(
      'TOO_MANY_ATTEMPTS',
      'Too many failed attempts from this network. Try again later.',
    );
  const email = normaliseEmail(input.email);
  if (!email) return invalid();
  // Keyed by the address typed, not the account, so the delay tells nothing about whether it exists.
  const accountKey = `email:${email.toLowerCase()}`;
  const wait = await accountWait(prisma, accountKey);
  if (wait > 0)
    return fail('TOO_MANY_ATTEMPTS', `Too many failed attempts. Try again in ${wait} seconds.`);
  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);

  if (!user || !passwordOk) {
    await prisma.$transaction(async (tx) => {
      await recordFailure(tx, `ip:${ctx.ip}`);
      await recordFailure(tx, accountKey);
      if (!user)
        return recordAudit(tx, ctx, {
          type: 'LOGIN_FAILED',
          details: { reason: 'unknown e-mail' },
        });
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { failedLogins: { increment: 1 } },
      });
      await recordAudit(tx, ctx, {
        type: 'LOGIN_FAILED',
        subjectId: user.id,
        details: { reason: 'wrong password' },
      });
      if (updated.failedLogins >= LOCK_AFTER_FAILURES && !updated.lockedAt) {
        await tx.user.update({ where: { id: user.id }, data: { lockedAt: new Date() } });
        await recordAudit(tx, ctx, { type: 'ACCOUNT_LOCKED', subjectId: user.id });
      }
    });
    return invalid();
  }
  // Only someone who knows the password learns that the account is locked or disabled.
  if (user.lockedAt)
    return fail(
      'ACCOUNT_LOCKED',
      'This account is locked after too many failed attempts. Reset your password to unlock it.',
    );
  if (user.status === 'DISABLED')
    return fail('ACCOUNT_DISABLED', 'This account is disabled. Contact support.');

  const session = await prisma.$transaction(async (tx) => {
    if (user.failedLogins > 0)
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0 } });
    await clearFailures(tx, accountKey);
    await recordAudit(tx, ctx, { type: 'LOGIN_SUCCEEDED', actorId: user.id, subjectId: user.id });
    return openSession(ctx, tx, user);
  });
  return { session, errors: [] };
}

export async function refresh(ctx: Context) {
  const errors = new PayloadErrors<SessionRefreshCode>();
  const fail = (code: SessionRefreshCode, message: string) => {
    ctx.http.clearCookie(REFRESH_COOKIE);
    return { session: null, errors: errors.add(code, message).list };
  };
  const presented = ctx.http.cookie(REFRESH_COOKIE);
  if (!presented) return fail('NO_SESSION', 'Not signed in.');
  const { prisma } = ctx.db;
  const token = await prisma.refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    include: { session: { include: { user: true } } },
  });
  if (!token) return fail('NO_SESSION', 'Not signed in.');
  const { session } = token;
  if (session.revokedAt) return fail('SESSION_REVOKED', 'This session was ended. Sign in again.');
  if (session.expiresAt <= new Date())
    return fail('SESSION_EXPIRED', 'This session has expired. Sign in again.');
  if (session.user.status === 'DISABLED')
    return fail('ACCOUNT_DISABLED', 'This account is disabled.');

  if (token.usedAt) {
    if (Date.now() - token.usedAt.getTime() < CONCURRENT_REFRESH_MS) {
      // Another tab refreshed a moment ago and already holds the next cookie.
      return { session: await accessFor(ctx, session.user, session.id), errors: [] };
    }
    await prisma.$transaction(async (tx) => {
      await tx.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, ctx, {
        type: 'REFRESH_TOKEN_REUSED',
        subjectId: session.userId,
        details: { sessionId: session.id },
      });
      await notifyAuthzChanged(ctx, tx, session.userId);
    });
    return fail('SESSION_REVOKED', 'This session was ended for your safety. Sign in again.');
  }

  const next = randomToken();
  const rotated = await prisma.$transaction(async (tx) => {
    // Conditional: of two concurrent refreshes with the same token, one wins.
    const claimed = await tx.refreshToken.updateMany({
      where: { id: token.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) return false;
    await tx.refreshToken.create({ data: { sessionId: session.id, tokenHash: hashToken(next) } });
    await tx.session.update({
      where: { id: session.id },
      data: {
        lastUsedAt: new Date(),
        expiresAt: new Date(Date.now() + ctx.services.env.SESSION_TTL_DAYS * 86_400_000),
      },
    });
    return true;
  });
  if (rotated) ctx.http.setCookie(REFRESH_COOKIE, next, ctx.services.env.SESSION_TTL_DAYS * 86_400);
  return { session: await accessFor(ctx, session.user, session.id), errors: [] };
}

/** Ends the session behind the refresh cookie (or the access token): its tokens stop working at once. */
export async function logOut(ctx: Context) {
  const presented = ctx.http.cookie(REFRESH_COOKIE);
  ctx.http.clearCookie(REFRESH_COOKIE);
  const { prisma } = ctx.db;
  const sessionId =
    (presented
      ? (await prisma.refreshToken.findUnique({ where: { tokenHash: hashToken(presented) } }))
          ?.sessionId
      : null) ?? ctx.session.sessionId;
  if (!sessionId)
    return {
      revoked: null,
      errors: [{ code: 'NO_SESSION' as const, field: null, message: 'Not signed in.' }],
    };
  await prisma.$transaction(async (tx) => {
    const session = await tx.session.update({
      where: { id: sessionId },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      type: 'LOGOUT',
      actorId: session.userId,
      subjectId: session.userId,
    });
    await notifyAuthzChanged(ctx, tx, session.userId);
  });
  return { revoked: true, errors: [] };
}
