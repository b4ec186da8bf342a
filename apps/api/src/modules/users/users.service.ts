// Account administration for platform admins.
import type { Prisma } from '@bazaar/db';
import { PayloadErrors } from '../../common/errors/payload.js';
import { connectionFromRows, decodeCursor } from '../../common/pagination/connection.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { assignRole } from '../access/access.service.js';
import { notifyAuthzChanged } from '../access/authz.js';
import { recordAudit } from '../audit/audit.service.js';
import { sendPasswordMail } from '../identity/account.service.js';
import { clearFailures } from '../identity/throttle.js';
import { normaliseEmail, normaliseName } from '../identity/validation.js';
import type { UserCreateInput, UsersArgs } from './users.types.js';

type Code =
  | 'NOT_FOUND'
  | 'EMAIL_INVALID'
  | 'EMAIL_TAKEN'
  | 'NAME_REQUIRED'
  | 'ROLE_NOT_FOUND'
  | 'SELLER_REQUIRED'
  | 'SELLER_NOT_FOUND'
  | 'SELLER_NOT_ALLOWED'
  | 'STORE_REQUIRED'
  | 'STORE_NOT_FOUND'
  | 'FORBIDDEN'
  | 'CANNOT_DISABLE_SELF';

type Key = { createdAt: string; id: string };
const isKey = (value: unknown): value is Key =>
  typeof (value as Key | null)?.id === 'string' &&
  !Number.isNaN(Date.parse((value as Key).createdAt));

/** Newest accounts first; keyset on (createdAt, id). */
export async function listUsers(ctx: Context, args: UsersArgs) {
  const search = args.search?.trim();
  const where: Prisma.UserWhereInput = {
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' } },
            { name: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.roleId ? { roleAssignments: { some: { roleId: args.roleId } } } : {}),
  };
  const after = args.after ? decodeCursor(args.after, isKey) : null;
  const afterWhere: Prisma.UserWhereInput | null = after
    ? {
        OR: [
          { createdAt: { lt: new Date(after.createdAt) } },
          { createdAt: new Date(after.createdAt), id: { lt: after.id } },
        ],
      }
    : null;
  const rows = await ctx.db.prisma.user.findMany({
    where: afterWhere ? { AND: [where, afterWhere] } : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
    count: () => ctx.db.prisma.user.count({ where }),
  });
}

export async function createUser(ctx: Context, input: UserCreateInput) {
  const errors = new PayloadErrors<Code>();
  const email = normaliseEmail(input.email);
  const name = normaliseName(input.name);
  if (!email) errors.add('EMAIL_INVALID', 'Enter a valid e-mail address.', 'email');
  if (!name) errors.add('NAME_REQUIRED', 'Enter their name.', 'name');
  if (errors.any) return { user: null, errors: errors.list };
  if (await ctx.db.prisma.user.findUnique({ where: { email: email! } })) {
    return {
      user: null,
      errors: errors.add(
        'EMAIL_TAKEN',
        'An account with this e-mail exists: assign it a role instead.',
        'email',
      ).list,
    };
  }
  return ctx.db.prisma
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: email!, name: name!, passwordResetRequired: true },
      });
      const { assignment, errors: assignErrors } = await assignRole(ctx, tx, {
        userId: user.id,
        roleId: input.roleId,
        sellerId: input.sellerId ?? null,
        storeId: input.storeId ?? null,
      });
      if (!assignment)
        throw new Refused(assignErrors.list.map((e) => ({ ...e, code: e.code as Code })));
      await sendPasswordMail(ctx, tx, user, 'invite');
      await recordAudit(tx, ctx, {
        type: 'USER_CREATED',
        actorId: ctx.session.userId,
        subjectId: user.id,
      });
      return { user, errors: [] };
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return { user: null, errors: error.errors };
      throw error;
    });
}

class Refused extends Error {
  constructor(readonly errors: { code: Code; field: string | null; message: string }[]) {
    super('refused');
  }
}

async function change(
  ctx: Context,
  id: string,
  type: 'USER_DISABLED' | 'USER_ENABLED' | 'USER_RESET',
  data: Prisma.UserUpdateInput,
  after?: (
    tx: Prisma.TransactionClient,
    user: Awaited<ReturnType<Prisma.TransactionClient['user']['update']>>,
  ) => Promise<void>,
) {
  const errors = new PayloadErrors<Code>();
  if (!(isUuid(id) && (await ctx.db.prisma.user.findUnique({ where: { id } }))))
    return { user: null, errors: errors.add('NOT_FOUND', 'This account does not exist.').list };
  const user = await ctx.db.prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id }, data });
    if (type !== 'USER_ENABLED')
      await tx.session.updateMany({
        where: { userId: id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    await after?.(tx, updated);
    await recordAudit(tx, ctx, { type, actorId: ctx.session.userId, subjectId: id });
    await notifyAuthzChanged(ctx, tx, id);
    return updated;
  });
  return { user, errors: [] };
}

export async function disableUser(ctx: Context, id: string) {
  if (id === ctx.session.userId)
    return {
      user: null,
      errors: [
        {
          code: 'CANNOT_DISABLE_SELF' as const,
          field: null,
          message: 'You cannot disable your own account.',
        },
      ],
    };
  return change(ctx, id, 'USER_DISABLED', { status: 'DISABLED' });
}

export function enableUser(ctx: Context, id: string) {
  return change(ctx, id, 'USER_ENABLED', { status: 'ACTIVE' });
}

/** Forces a new password (by e-mailed link), ends every session and unlocks the account. */
export function resetUser(ctx: Context, id: string) {
  return change(
    ctx,
    id,
    'USER_RESET',
    { passwordHash: null, passwordResetRequired: true, lockedAt: null, failedLogins: 0 },
    async (tx, user) => {
      await clearFailures(tx, `email:${user.email.toLowerCase()}`);
      await sendPasswordMail(ctx, tx, user, 'reset');
    },
  );
}
