// Accounts: sign-up, e-mail verification, password reset and change, profile.
import type { Prisma, User, UserTokenPurpose } from '@bazaar/db';
import type { Context } from '../../context.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { enqueueMail } from '../../common/mail/outbox.js';
import { notifyAuthzChanged } from '../access/authz.js';
import { recordAudit } from '../audit/audit.service.js';
import type { PublicProfile, Viewer } from './identity.types.js';
import { PASSWORD_MESSAGES, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { hashToken, randomToken } from './secrets.js';
import { openSession } from './session.service.js';
import { clearFailures, recordFailure } from './throttle.js';
import { isHttpUrl, normaliseEmail, normaliseName } from './validation.js';

const TOKEN_TTL_MS: Record<UserTokenPurpose, number> = {
  EMAIL_VERIFY: 48 * 3_600_000,
  PASSWORD_RESET: 3_600_000,
};
/** Reset e-mails one address may receive per hour. */
const RESET_REQUESTS_PER_HOUR = 5;

async function issueToken(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<string> {
  const token = randomToken();
  // A new link replaces any earlier one for the same purpose.
  await tx.userToken.updateMany({
    where: { userId, purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
  await tx.userToken.create({
    data: {
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    },
  });
  return token;
}

export async function sendVerificationMail(
  ctx: Context,
  tx: Prisma.TransactionClient,
  user: User,
): Promise<void> {
  const token = await issueToken(tx, user.id, 'EMAIL_VERIFY');
  await enqueueMail(tx, {
    to: user.email,
    subject: 'Confirm your e-mail address',
    text: `Hello ${user.name},\n\nConfirm your e-mail address for Bazaar by opening this link within 48 hours:\n\n${ctx.services.env.PUBLIC_URL}/verify-email?token=${token}\n\nIf you did not sign up, ignore this message.`,
  });
}

/** Sends a set-password link to an account that staff created, or a reset link. */
export async function sendPasswordMail(
  ctx: Context,
  tx: Prisma.TransactionClient,
  user: User,
  reason: 'reset' | 'invite',
): Promise<void> {
  const token = await issueToken(tx, user.id, 'PASSWORD_RESET');
  const link = `${ctx.services.env.PUBLIC_URL}/reset-password?token=${token}`;
  await enqueueMail(tx, {
    to: user.email,
    subject: reason === 'invite' ? 'Your Bazaar account is ready' : 'Reset your Bazaar password',
    text:
      reason === 'invite'
        ? `Hello ${user.name},\n\nAn account was created for you on Bazaar. Choose your password within the hour:\n\n${link}\n\nAfter that, ask for a new link on the "Forgot password" page.`
        : `Hello ${user.name},\n\nChoose a new password within the hour:\n\n${link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.`,
  });
}

type SignUpCode =
  'EMAIL_INVALID' | 'EMAIL_TAKEN' | 'NAME_REQUIRED' | 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON';

export async function signUp(
  ctx: Context,
  input: { email: string; password: string; name: string },
) {
  const errors = new PayloadErrors<SignUpCode>();
  const email = normaliseEmail(input.email);
  const name = normaliseName(input.name);
  if (!email) errors.add('EMAIL_INVALID', 'Enter a valid e-mail address.', 'email');
  if (!name) errors.add('NAME_REQUIRED', 'Enter your name (up to 100 characters).', 'name');
  const problem = passwordProblem(input.password);
  if (problem) errors.add(problem, PASSWORD_MESSAGES[problem], 'password');
  if (errors.any) return { session: null, errors: errors.list };
  if (await ctx.db.prisma.user.findUnique({ where: { email: email! } })) {
    return {
      session: null,
      errors: errors.add(
        'EMAIL_TAKEN',
        'An account with this e-mail exists: log in instead.',
        'email',
      ).list,
    };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const session = await ctx.db.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: email!, name: name!, passwordHash } });
      await sendVerificationMail(ctx, tx, user);
      await recordAudit(tx, ctx, { type: 'SIGN_UP', actorId: user.id, subjectId: user.id });
      return openSession(ctx, tx, user);
    });
    return { session, errors: [] };
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      return {
        session: null,
        errors: errors.add(
          'EMAIL_TAKEN',
          'An account with this e-mail exists: log in instead.',
          'email',
        ).list,
      };
    }
    throw error;
  }
}

/** Always answers the same, whether or not the address has an account. */
export async function requestPasswordReset(ctx: Context, input: { email: string }) {
  const email = normaliseEmail(input.email);
  if (!email)
    return {
      requested: null,
      errors: [
        {
          code: 'EMAIL_INVALID' as const,
          field: 'email',
          message: 'Enter a valid e-mail address.',
        },
      ],
    };
  await ctx.db.prisma.$transaction(async (tx) => {
    const key = `reset:${email.toLowerCase()}`;
    const throttle = await tx.loginThrottle.findUnique({ where: { key } });
    if (
      throttle &&
      throttle.failures >= RESET_REQUESTS_PER_HOUR &&
      Date.now() - throttle.windowStart.getTime() < 3_600_000
    )
      return;
    await recordFailure(tx, key);
    const user = await tx.user.findUnique({ where: { email } });
    if (user && user.status === 'ACTIVE') await sendPasswordMail(ctx, tx, user, 'reset');
  });
  return { requested: true, errors: [] };
}

type TokenCode = 'TOKEN_INVALID' | 'TOKEN_EXPIRED';

async function findToken(
  ctx: Context,
  token: string,
  purpose: UserTokenPurpose,
): Promise<{ error: TokenCode } | { userId: string; id: string }> {
  const row = await ctx.db.prisma.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose || row.usedAt) return { error: 'TOKEN_INVALID' };
  if (row.expiresAt <= new Date()) return { error: 'TOKEN_EXPIRED' };
  return { userId: row.userId, id: row.id };
}

const TOKEN_MESSAGES: Record<TokenCode, string> = {
  TOKEN_INVALID: 'This link is not valid or was already used. Ask for a new one.',
  TOKEN_EXPIRED: 'This link has expired. Ask for a new one.',
};

/** Sets a new password from an e-mailed link: unlocks the account and ends every session. */
export async function resetPassword(ctx: Context, input: { token: string; newPassword: string }) {
  const errors = new PayloadErrors<TokenCode | 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON'>();
  const found = await findToken(ctx, input.token, 'PASSWORD_RESET');
  if ('error' in found)
    return {
      user: null,
      errors: errors.add(found.error, TOKEN_MESSAGES[found.error], 'token').list,
    };
  const problem = passwordProblem(input.newPassword);
  if (problem)
    return {
      user: null,
      errors: errors.add(problem, PASSWORD_MESSAGES[problem], 'newPassword').list,
    };
  const passwordHash = await hashPassword(input.newPassword);
  const user = await ctx.db.prisma.$transaction(async (tx) => {
    const claimed = await tx.userToken.updateMany({
      where: { id: found.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) return null;
    const before = await tx.user.findUniqueOrThrow({ where: { id: found.userId } });
    // The link reached the mailbox: that confirms the address too.
    const updated = await tx.user.update({
      where: { id: before.id },
      data: {
        passwordHash,
        passwordResetRequired: false,
        lockedAt: null,
        failedLogins: 0,
        emailVerifiedAt: before.emailVerifiedAt ?? new Date(),
      },
    });
    await clearFailures(tx, `email:${updated.email.toLowerCase()}`);
    await tx.session.updateMany({
      where: { userId: updated.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      type: 'PASSWORD_RESET',
      actorId: updated.id,
      subjectId: updated.id,
    });
    await notifyAuthzChanged(ctx, tx, updated.id);
    return updated;
  });
  if (!user)
    return {
      user: null,
      errors: errors.add('TOKEN_INVALID', TOKEN_MESSAGES.TOKEN_INVALID, 'token').list,
    };
  return { user, errors: [] };
}

export async function verifyEmail(ctx: Context, input: { token: string }) {
  const found = await findToken(ctx, input.token, 'EMAIL_VERIFY');
  if ('error' in found)
    return {
      user: null,
      errors: [{ code: found.error, field: 'token', message: TOKEN_MESSAGES[found.error] }],
    };
  const user = await ctx.db.prisma.$transaction(async (tx) => {
    await tx.userToken.update({ where: { id: found.id }, data: { usedAt: new Date() } });
    const updated = await tx.user.update({
      where: { id: found.userId },
      data: { emailVerifiedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      type: 'EMAIL_VERIFIED',
      actorId: updated.id,
      subjectId: updated.id,
    });
    return updated;
  });
  return { user, errors: [] };
}

export async function resendVerification(ctx: Context) {
  const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.session.userId! } });
  if (user.emailVerifiedAt)
    return {
      sent: null,
      errors: [
        {
          code: 'ALREADY_VERIFIED' as const,
          field: null,
          message: 'Your e-mail address is already confirmed.',
        },
      ],
    };
  await ctx.db.prisma.$transaction((tx) => sendVerificationMail(ctx, tx, user));
  return { sent: true, errors: [] };
}

export async function changePassword(
  ctx: Context,
  input: { currentPassword: string; newPassword: string },
) {
  const errors = new PayloadErrors<
    'WRONG_PASSWORD' | 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON'
  >();
  const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.session.userId! } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return {
      user: null,
      errors: errors.add('WRONG_PASSWORD', 'Your current password is wrong.', 'currentPassword')
        .list,
    };
  }
  const problem = passwordProblem(input.newPassword);
  if (problem)
    return {
      user: null,
      errors: errors.add(problem, PASSWORD_MESSAGES[problem], 'newPassword').list,
    };
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await ctx.db.prisma.$transaction(async (tx) => {
    const changed = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordResetRequired: false },
    });
    // Other devices are signed out; this one keeps its session.
    await tx.session.updateMany({
      where: {
        userId: user.id,
        revokedAt: null,
        ...(ctx.session.sessionId ? { id: { not: ctx.session.sessionId } } : {}),
      },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, ctx, { type: 'PASSWORD_CHANGED', actorId: user.id, subjectId: user.id });
    await notifyAuthzChanged(ctx, tx, user.id);
    return changed;
  });
  return { user: updated, errors: [] };
}

export async function updateProfile(
  ctx: Context,
  input: { name: string; avatarUrl?: string | null | undefined },
) {
  const errors = new PayloadErrors<'NAME_REQUIRED' | 'AVATAR_URL_INVALID'>();
  const name = normaliseName(input.name);
  const avatarUrl = input.avatarUrl?.trim() || null;
  if (!name) errors.add('NAME_REQUIRED', 'Enter your name (up to 100 characters).', 'name');
  if (avatarUrl && !isHttpUrl(avatarUrl))
    errors.add('AVATAR_URL_INVALID', 'Enter a web address starting with https://.', 'avatarUrl');
  if (errors.any) return { user: null, errors: errors.list };
  const user = await ctx.db.prisma.user.update({
    where: { id: ctx.session.userId! },
    data: { name: name!, avatarUrl },
  });
  return { user, errors: [] };
}

/** The signed-in user and what they may do; null when signed out. */
export async function viewer(ctx: Context): Promise<Viewer | null> {
  const { userId, permissions, sellerPermissions } = ctx.session;
  if (!userId) return null;
  const user = await ctx.loaders.identity.userById.load(userId);
  if (!user) return null;
  return {
    user: user as Viewer['user'],
    permissions: [...permissions],
    canUseBackoffice: permissions.size > 0 || sellerPermissions.size > 0,
  };
}

/** What anyone may see of an active user. */
export async function publicProfile(ctx: Context, id: string): Promise<PublicProfile | null> {
  const user = await ctx.loaders.identity.userById.load(id).catch(() => null);
  if (!user || user.status !== 'ACTIVE') return null;
  return { id: user.id, name: user.name, avatarUrl: user.avatarUrl, memberSince: user.createdAt };
}
