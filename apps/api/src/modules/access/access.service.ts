// Roles and their assignments. Nobody can grant what they do not hold: a new
// or edited role, or an assigned one, must carry only permissions the caller
// has platform-wide (or, for staff managers, within their seller).
import type { Prisma, Role } from '@bazaar/db';
import {
  PERMISSION_DESCRIPTIONS,
  type Permission,
  SELLER_SCOPED_PERMISSIONS,
} from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { notifyAuthzChanged } from './authz.js';
import type { RoleAssignInput, RoleInput } from './access.types.js';

type RoleCode =
  | 'NOT_FOUND'
  | 'BUILT_IN'
  | 'NAME_REQUIRED'
  | 'NAME_TAKEN'
  | 'PERMISSION_NOT_SELLER_SCOPED'
  | 'IN_USE'
  | 'FORBIDDEN';
type AssignCode =
  | 'NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'ROLE_NOT_FOUND'
  | 'SELLER_REQUIRED'
  | 'SELLER_NOT_ALLOWED'
  | 'SELLER_NOT_FOUND'
  | 'STORE_NOT_FOUND'
  | 'ALREADY_ASSIGNED'
  | 'FORBIDDEN'
  | 'LAST_SUPER_ADMIN';

export function listPermissions() {
  return Object.entries(PERMISSION_DESCRIPTIONS).map(([permission, description]) => ({
    permission: permission as Permission,
    description,
    sellerScoped: SELLER_SCOPED_PERMISSIONS.has(permission as Permission),
  }));
}

export function listRoles(ctx: Context): Promise<Role[]> {
  return ctx.db.prisma.role.findMany({
    orderBy: [{ builtInKey: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }],
  });
}

function checkRoleInput(ctx: Context, input: RoleInput, errors: PayloadErrors<RoleCode>) {
  const name = input.name.trim();
  if (!name || name.length > 60)
    errors.add('NAME_REQUIRED', 'Name the role (up to 60 characters).', 'name');
  const permissions = [...new Set(input.permissions)];
  if (input.scope === 'SELLER' && permissions.some((p) => !SELLER_SCOPED_PERMISSIONS.has(p))) {
    errors.add(
      'PERMISSION_NOT_SELLER_SCOPED',
      'A seller role can only hold permissions that apply within a seller.',
      'permissions',
    );
  }
  if (permissions.some((p) => !can(ctx.session, p))) {
    errors.add('FORBIDDEN', 'You can only grant permissions you hold yourself.', 'permissions');
  }
  return { name, description: input.description?.trim() || null, scope: input.scope, permissions };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

export async function createRole(ctx: Context, input: RoleInput) {
  const errors = new PayloadErrors<RoleCode>();
  const data = checkRoleInput(ctx, input, errors);
  if (errors.any) return { role: null, errors: errors.list };
  try {
    const role = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.role.create({ data });
      await recordAudit(tx, ctx, {
        type: 'ROLE_CREATED',
        actorId: ctx.session.userId,
        details: { roleId: created.id, name: created.name, permissions: data.permissions },
      });
      return created;
    });
    return { role, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        role: null,
        errors: errors.add('NAME_TAKEN', 'Another role has this name.', 'name').list,
      };
    throw error;
  }
}

export async function updateRole(ctx: Context, id: string, input: RoleInput) {
  const errors = new PayloadErrors<RoleCode>();
  const existing = isUuid(id) ? await ctx.db.prisma.role.findUnique({ where: { id } }) : null;
  if (!existing)
    return { role: null, errors: errors.add('NOT_FOUND', 'This role does not exist.').list };
  if (existing.builtInKey)
    return { role: null, errors: errors.add('BUILT_IN', 'Built-in roles cannot be changed.').list };
  const data = checkRoleInput(ctx, input, errors);
  if (
    input.scope !== existing.scope &&
    (await ctx.db.prisma.roleAssignment.count({ where: { roleId: id } })) > 0
  ) {
    errors.add('IN_USE', 'Withdraw this role from everyone before changing its scope.', 'scope');
  }
  if (errors.any) return { role: null, errors: errors.list };
  try {
    const role = await ctx.db.prisma.$transaction(async (tx) => {
      const updated = await tx.role.update({ where: { id }, data });
      await recordAudit(tx, ctx, {
        type: 'ROLE_UPDATED',
        actorId: ctx.session.userId,
        details: { roleId: id, permissions: data.permissions },
      });
      await notifyAuthzChanged(ctx, tx, null);
      return updated;
    });
    return { role, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        role: null,
        errors: errors.add('NAME_TAKEN', 'Another role has this name.', 'name').list,
      };
    throw error;
  }
}

export async function deleteRole(ctx: Context, id: string) {
  const errors = new PayloadErrors<RoleCode>();
  const existing = isUuid(id)
    ? await ctx.db.prisma.role.findUnique({
        where: { id },
        include: { _count: { select: { assignments: true } } },
      })
    : null;
  if (!existing)
    return { deletedId: null, errors: errors.add('NOT_FOUND', 'This role does not exist.').list };
  if (existing.builtInKey)
    return {
      deletedId: null,
      errors: errors.add('BUILT_IN', 'Built-in roles cannot be deleted.').list,
    };
  if (existing._count.assignments > 0) {
    return {
      deletedId: null,
      errors: errors.add(
        'IN_USE',
        `Withdraw this role from its ${existing._count.assignments} holder(s) first.`,
      ).list,
    };
  }
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.role.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      type: 'ROLE_DELETED',
      actorId: ctx.session.userId,
      details: { roleId: id, name: existing.name },
    });
  });
  return { deletedId: id, errors: [] };
}

/**
 * Checks and writes one assignment inside the caller's transaction. Used by
 * roleAssign, and by account creation and staff invitations.
 */
export async function assignRole(
  ctx: Context,
  tx: Prisma.TransactionClient,
  input: RoleAssignInput,
): Promise<{
  assignment: Awaited<ReturnType<typeof tx.roleAssignment.create>> | null;
  errors: PayloadErrors<AssignCode>;
}> {
  const errors = new PayloadErrors<AssignCode>();
  const fail = (code: AssignCode, message: string, field: string | null = null) => ({
    assignment: null,
    errors: errors.add(code, message, field),
  });
  const role = isUuid(input.roleId)
    ? await tx.role.findUnique({ where: { id: input.roleId } })
    : null;
  if (!role) return fail('ROLE_NOT_FOUND', 'This role does not exist.', 'roleId');
  const sellerId = input.sellerId ?? null;
  if (role.scope === 'SELLER' && !sellerId)
    return fail('SELLER_REQUIRED', 'Choose the seller this role applies to.', 'sellerId');
  if (role.scope === 'PLATFORM' && sellerId !== null)
    return fail(
      'SELLER_NOT_ALLOWED',
      'This role applies platform-wide, not within a seller.',
      'sellerId',
    );
  // Grant only what you hold: platform-wide, or within this seller for seller roles.
  if (role.permissions.some((p) => !can(ctx.session, p as Permission, sellerId))) {
    return fail(
      'FORBIDDEN',
      'You can only give roles whose permissions you hold yourself.',
      'roleId',
    );
  }
  if (
    sellerId !== null &&
    !(isUuid(sellerId) && (await tx.seller.findUnique({ where: { id: sellerId } })))
  )
    return fail('SELLER_NOT_FOUND', 'This seller does not exist.', 'sellerId');
  const storeId = input.storeId ?? null;
  if (role.builtInKey === 'store_counter' && !storeId)
    return fail('STORE_NOT_FOUND', 'A store counter belongs to one store: choose it.', 'storeId');
  if (
    storeId !== null &&
    !(
      isUuid(storeId) &&
      (await tx.store.findFirst({ where: { id: storeId, sellerId: sellerId ?? undefined } }))
    )
  ) {
    return fail('STORE_NOT_FOUND', "This store does not exist or is not this seller's.", 'storeId');
  }
  if (!(isUuid(input.userId) && (await tx.user.findUnique({ where: { id: input.userId } }))))
    return fail('USER_NOT_FOUND', 'This user does not exist.', 'userId');
  const existing = await tx.roleAssignment.findFirst({
    where: { userId: input.userId, roleId: role.id, sellerId },
  });
  if (existing)
    return fail('ALREADY_ASSIGNED', 'This user already holds this role here.', 'roleId');
  const assignment = await tx.roleAssignment.create({
    data: {
      userId: input.userId,
      roleId: role.id,
      sellerId,
      storeId,
      createdById: ctx.session.userId,
    },
  });
  await recordAudit(tx, ctx, {
    type: 'ROLE_ASSIGNED',
    actorId: ctx.session.userId,
    subjectId: input.userId,
    details: { role: role.name, sellerId, storeId },
  });
  await notifyAuthzChanged(ctx, tx, input.userId);
  return { assignment, errors };
}

export async function assign(ctx: Context, input: RoleAssignInput) {
  try {
    return await ctx.db.prisma.$transaction(async (tx) => {
      const { assignment, errors } = await assignRole(ctx, tx, input);
      return { assignment, errors: errors.list };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        assignment: null,
        errors: [
          {
            code: 'ALREADY_ASSIGNED' as const,
            field: 'roleId',
            message: 'This user already holds this role here.',
          },
        ],
      };
    throw error;
  }
}

export async function withdraw(ctx: Context, assignmentId: string) {
  const errors = new PayloadErrors<AssignCode>();
  const assignment = isUuid(assignmentId)
    ? await ctx.db.prisma.roleAssignment.findUnique({
        where: { id: assignmentId },
        include: { role: true },
      })
    : null;
  if (!assignment)
    return {
      withdrawnId: null,
      errors: errors.add('NOT_FOUND', 'This assignment does not exist.').list,
    };
  const allowed = assignment.role.permissions.every((p) =>
    can(ctx.session, p as Permission, assignment.sellerId),
  );
  if (!allowed)
    return {
      withdrawnId: null,
      errors: errors.add(
        'FORBIDDEN',
        'You can only withdraw roles whose permissions you hold yourself.',
      ).list,
    };
  const done = await ctx.db.prisma.$transaction(async (tx) => {
    if (
      assignment.role.builtInKey === 'super_admin' &&
      (await tx.roleAssignment.count({ where: { roleId: assignment.roleId } })) <= 1
    ) {
      return false;
    }
    await tx.roleAssignment.delete({ where: { id: assignmentId } });
    await recordAudit(tx, ctx, {
      type: 'ROLE_WITHDRAWN',
      actorId: ctx.session.userId,
      subjectId: assignment.userId,
      details: { role: assignment.role.name, sellerId: assignment.sellerId },
    });
    await notifyAuthzChanged(ctx, tx, assignment.userId);
    return true;
  });
  if (!done)
    return {
      withdrawnId: null,
      errors: errors.add('LAST_SUPER_ADMIN', 'Keep at least one super admin.').list,
    };
  return { withdrawnId: assignmentId, errors: [] };
}
