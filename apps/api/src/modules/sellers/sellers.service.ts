// Seller shops, their stores and staff. Any user may open a shop and becomes
// its owner; everything else is checked against the caller's permissions
// within that seller.
import type { Prisma, Seller } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { cleanPostalAddress, cleanText } from '../../common/address/postal-address.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import { connectionFromRows, decodeCursor } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import { assignRole } from '../access/access.service.js';
import { notifyAuthzChanged } from '../access/authz.js';
import { recordAudit } from '../audit/audit.service.js';
import { sendPasswordMail } from '../identity/account.service.js';
import { isHttpUrl, normaliseEmail, normaliseName } from '../identity/validation.js';
import type {
  OpeningHoursInput,
  SellerCreateInput,
  SellersArgs,
  SellerUpdateInput,
  StaffMemberAddInput,
  StoreInput,
} from './sellers.types.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

type SellerCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'NAME_REQUIRED'
  | 'SLUG_INVALID'
  | 'SLUG_TAKEN'
  | 'EMAIL_INVALID'
  | 'URL_INVALID';

function sellerProfile(input: SellerUpdateInput, errors: PayloadErrors<SellerCode>) {
  const name = normaliseName(input.name);
  if (!name) errors.add('NAME_REQUIRED', 'Name the shop (up to 100 characters).', 'name');
  const contactEmail = input.contactEmail?.trim() ? normaliseEmail(input.contactEmail) : null;
  if (input.contactEmail?.trim() && !contactEmail)
    errors.add('EMAIL_INVALID', 'Enter a valid e-mail address.', 'contactEmail');
  const logoUrl = input.logoUrl?.trim() || null;
  if (logoUrl && !isHttpUrl(logoUrl))
    errors.add('URL_INVALID', 'Enter a web address starting with https://.', 'logoUrl');
  return {
    name: name ?? '',
    description: input.description?.trim().slice(0, 5_000) || null,
    contactEmail,
    contactPhone: input.contactPhone?.trim().slice(0, 40) || null,
    logoUrl,
  };
}

export async function createSeller(ctx: Context, input: SellerCreateInput) {
  const errors = new PayloadErrors<SellerCode>();
  const profile = sellerProfile(input, errors);
  const slug = input.slug.trim().toLowerCase();
  if (!SLUG.test(slug))
    errors.add('SLUG_INVALID', 'Use 3 to 50 lowercase letters, digits and dashes.', 'slug');
  if (errors.any) return { seller: null, errors: errors.list };
  const userId = ctx.session.userId!;
  try {
    const seller = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.seller.create({ data: { ...profile, slug, ownerId: userId } });
      const owner = await tx.role.findUniqueOrThrow({ where: { builtInKey: 'seller_owner' } });
      await tx.roleAssignment.create({
        data: { userId, roleId: owner.id, sellerId: created.id, createdById: userId },
      });
      await recordAudit(tx, ctx, {
        type: 'ROLE_ASSIGNED',
        actorId: userId,
        subjectId: userId,
        details: { role: owner.name, sellerId: created.id },
      });
      await notifyAuthzChanged(ctx, tx, userId);
      return created;
    });
    return { seller, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        seller: null,
        errors: errors.add('SLUG_TAKEN', 'Another shop uses this address.', 'slug').list,
      };
    throw error;
  }
}

export async function updateSeller(ctx: Context, id: string, input: SellerUpdateInput) {
  const errors = new PayloadErrors<SellerCode>();
  if (!(isUuid(id) && (await ctx.db.prisma.seller.findUnique({ where: { id } }))))
    return { seller: null, errors: errors.add('NOT_FOUND', 'This shop does not exist.').list };
  if (!can(ctx.session, Permission.SELLER_MANAGE, id))
    return { seller: null, errors: errors.add('FORBIDDEN', 'You cannot edit this shop.').list };
  const profile = sellerProfile(input, errors);
  if (errors.any) return { seller: null, errors: errors.list };
  return {
    seller: await ctx.db.prisma.seller.update({ where: { id }, data: profile }),
    errors: [],
  };
}

type StoreCode =
  | 'NOT_FOUND'
  | 'IN_USE'
  | 'FORBIDDEN'
  | 'FIELD_REQUIRED'
  | 'COUNTRY_INVALID'
  | 'COORDINATES_INVALID'
  | 'OPENING_HOURS_INVALID';

function storeData(input: StoreInput, errors: PayloadErrors<StoreCode>) {
  const name = cleanText(input.name);
  if (!name) errors.add('FIELD_REQUIRED', 'Fill this in.', 'name');
  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  if (
    (latitude === null) !== (longitude === null) ||
    (latitude !== null && Math.abs(latitude) > 90) ||
    (longitude !== null && Math.abs(longitude) > 180)
  ) {
    errors.add(
      'COORDINATES_INVALID',
      'Give both latitude (-90 to 90) and longitude (-180 to 180), or neither.',
      'latitude',
    );
  }
  const openingHours = input.openingHours.map((h: OpeningHoursInput) => ({
    day: h.day,
    opens: h.opens,
    closes: h.closes,
  }));
  openingHours.forEach((h, i) => {
    if (
      !Number.isInteger(h.day) ||
      h.day < 1 ||
      h.day > 7 ||
      !TIME.test(h.opens) ||
      !TIME.test(h.closes) ||
      h.opens >= h.closes
    ) {
      errors.add(
        'OPENING_HOURS_INVALID',
        'Each day needs 1-7 and opening before closing (HH:MM).',
        `openingHours.${i}`,
      );
    }
  });
  return {
    ...cleanPostalAddress(input, errors),
    name: name ?? '',
    latitude,
    longitude,
    openingHours,
  };
}

export async function createStore(ctx: Context, sellerId: string, input: StoreInput) {
  const errors = new PayloadErrors<StoreCode>();
  if (!(isUuid(sellerId) && (await ctx.db.prisma.seller.findUnique({ where: { id: sellerId } }))))
    return { store: null, errors: errors.add('NOT_FOUND', 'This shop does not exist.').list };
  if (!can(ctx.session, Permission.STORES_MANAGE, sellerId))
    return {
      store: null,
      errors: errors.add('FORBIDDEN', "You cannot manage this shop's stores.").list,
    };
  const data = storeData(input, errors);
  if (errors.any) return { store: null, errors: errors.list };
  return { store: await ctx.db.prisma.store.create({ data: { ...data, sellerId } }), errors: [] };
}

async function ownStore(ctx: Context, id: string, errors: PayloadErrors<StoreCode>) {
  const store = isUuid(id) ? await ctx.db.prisma.store.findUnique({ where: { id } }) : null;
  if (!store) return errors.add('NOT_FOUND', 'This store does not exist.') && null;
  if (!can(ctx.session, Permission.STORES_MANAGE, store.sellerId))
    return errors.add('FORBIDDEN', "You cannot manage this shop's stores.") && null;
  return store;
}

export async function updateStore(ctx: Context, id: string, input: StoreInput) {
  const errors = new PayloadErrors<StoreCode>();
  if (!(await ownStore(ctx, id, errors))) return { store: null, errors: errors.list };
  const data = storeData(input, errors);
  if (errors.any) return { store: null, errors: errors.list };
  return { store: await ctx.db.prisma.store.update({ where: { id }, data }), errors: [] };
}

export async function deleteStore(ctx: Context, id: string) {
  const errors = new PayloadErrors<StoreCode>();
  if (!(await ownStore(ctx, id, errors))) return { deletedId: null, errors: errors.list };
  try {
    await ctx.db.prisma.store.delete({ where: { id } });
  } catch (error) {
    // Its stock levels and pick-up orders keep the store (foreign keys RESTRICT).
    if ((error as { code?: string }).code === 'P2003')
      return {
        deletedId: null,
        errors: errors.add(
          'IN_USE',
          'This store holds stock or has orders: close it instead of deleting it.',
        ).list,
      };
    throw error;
  }
  return { deletedId: id, errors: [] };
}

export function findSeller(ctx: Context, slug: string): Promise<Seller | null> {
  return ctx.db.prisma.seller.findUnique({ where: { slug } });
}

type SellerKey = { name: string; id: string };
const isSellerKey = (value: unknown): value is SellerKey =>
  typeof (value as SellerKey | null)?.name === 'string' &&
  typeof (value as SellerKey).id === 'string';

/** Every shop by name, for pickers and directories. */
export async function listSellers(ctx: Context, args: SellersArgs) {
  const search = args.search?.trim();
  const where: Prisma.SellerWhereInput = search
    ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { slug: { contains: search } }] }
    : {};
  const after = args.after ? decodeCursor(args.after, isSellerKey) : null;
  const rows = await ctx.db.prisma.seller.findMany({
    where: after
      ? {
          AND: [
            where,
            { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] },
          ],
        }
      : where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => ({ name: row.name, id: row.id }),
    count: () => ctx.db.prisma.seller.count({ where }),
  });
}

type StaffCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'EMAIL_INVALID'
  | 'NAME_REQUIRED'
  | 'ROLE_NOT_ASSIGNABLE'
  | 'STORE_REQUIRED'
  | 'STORE_NOT_FOUND'
  | 'ALREADY_STAFF'
  | 'CANNOT_REMOVE_OWNER';

export async function listStaff(ctx: Context, sellerId: string) {
  if (!can(ctx.session, Permission.STAFF_READ, sellerId)) throw new ForbiddenError();
  const assignments = await ctx.db.prisma.roleAssignment.findMany({
    where: { sellerId },
    include: { user: true },
    orderBy: { createdAt: 'asc' },
  });
  const byUser = new Map<
    string,
    { user: (typeof assignments)[number]['user']; assignments: typeof assignments }
  >();
  for (const assignment of assignments) {
    const entry =
      byUser.get(assignment.userId) ??
      byUser
        .set(assignment.userId, { user: assignment.user, assignments: [] })
        .get(assignment.userId)!;
    entry.assignments.push(assignment);
  }
  return [...byUser.values()];
}

/** Adds staff by e-mail: an existing account gets the role; a new one is created and e-mailed a set-password link. */
export async function addStaffMember(ctx: Context, input: StaffMemberAddInput) {
  const errors = new PayloadErrors<StaffCode>();
  if (!(
    isUuid(input.sellerId) &&
    (await ctx.db.prisma.seller.findUnique({ where: { id: input.sellerId } }))
  ))
    return { staffMember: null, errors: errors.add('NOT_FOUND', 'This shop does not exist.').list };
  if (!can(ctx.session, Permission.STAFF_MANAGE, input.sellerId))
    return {
      staffMember: null,
      errors: errors.add('FORBIDDEN', "You cannot manage this shop's staff.").list,
    };
  const email = normaliseEmail(input.email);
  const name = normaliseName(input.name);
  if (!email) errors.add('EMAIL_INVALID', 'Enter a valid e-mail address.', 'email');
  if (!name) errors.add('NAME_REQUIRED', 'Enter their name.', 'name');
  const role = isUuid(input.roleId)
    ? await ctx.db.prisma.role.findUnique({ where: { id: input.roleId } })
    : null;
  if (!role || role.scope !== 'SELLER')
    errors.add('ROLE_NOT_ASSIGNABLE', 'Choose a seller role.', 'roleId');
  if (role?.builtInKey === 'store_counter' && !input.storeId)
    errors.add('STORE_REQUIRED', 'A store counter belongs to one store: choose it.', 'storeId');
  if (errors.any) return { staffMember: null, errors: errors.list };
  return ctx.db.prisma
    .$transaction(async (tx) => {
      let user = await tx.user.findUnique({ where: { email: email! } });
      if (!user) {
        user = await tx.user.create({
          data: { email: email!, name: name!, passwordResetRequired: true },
        });
        await sendPasswordMail(ctx, tx, user, 'invite');
        await recordAudit(tx, ctx, {
          type: 'USER_CREATED',
          actorId: ctx.session.userId,
          subjectId: user.id,
          details: { sellerId: input.sellerId },
        });
      }
      const result = await assignRole(ctx, tx, {
        userId: user.id,
        roleId: input.roleId,
        sellerId: input.sellerId,
        storeId: input.storeId ?? null,
      });
      if (!result.assignment) {
        const mapped = result.errors.list.map((e) => ({
          ...e,
          code: (e.code === 'ALREADY_ASSIGNED'
            ? 'ALREADY_STAFF'
            : e.code === 'STORE_NOT_FOUND'
              ? 'STORE_NOT_FOUND'
              : e.code === 'FORBIDDEN'
                ? 'FORBIDDEN'
                : 'ROLE_NOT_ASSIGNABLE') as StaffCode,
        }));
        throw new StaffRollback(mapped);
      }
      const assignments = await tx.roleAssignment.findMany({
        where: { userId: user.id, sellerId: input.sellerId },
      });
      return { staffMember: { user, assignments }, errors: [] };
    })
    .catch((error: unknown) => {
      if (error instanceof StaffRollback) return { staffMember: null, errors: error.errors };
      throw error;
    });
}

/** Thrown inside the transaction so that an account created for a refused assignment is rolled back too. */
class StaffRollback extends Error {
  constructor(readonly errors: { code: StaffCode; field: string | null; message: string }[]) {
    super('staff member refused');
  }
}

export async function removeStaffMember(ctx: Context, sellerId: string, userId: string) {
  const errors = new PayloadErrors<StaffCode>();
  const seller = isUuid(sellerId)
    ? await ctx.db.prisma.seller.findUnique({ where: { id: sellerId } })
    : null;
  if (!seller)
    return {
      removedUserId: null,
      errors: errors.add('NOT_FOUND', 'This shop does not exist.').list,
    };
  if (!can(ctx.session, Permission.STAFF_MANAGE, sellerId))
    return {
      removedUserId: null,
      errors: errors.add('FORBIDDEN', "You cannot manage this shop's staff.").list,
    };
  if (seller.ownerId === userId)
    return {
      removedUserId: null,
      errors: errors.add('CANNOT_REMOVE_OWNER', 'The owner cannot be removed from their shop.')
        .list,
    };
  if (!isUuid(userId))
    return {
      removedUserId: null,
      errors: errors.add('NOT_FOUND', 'This person is not on the staff.').list,
    };
  const removed = await ctx.db.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const deleted = await tx.roleAssignment.deleteMany({ where: { sellerId, userId } });
    if (deleted.count === 0) return false;
    await recordAudit(tx, ctx, {
      type: 'ROLE_WITHDRAWN',
      actorId: ctx.session.userId,
      subjectId: userId,
      details: { sellerId, all: true },
    });
    await notifyAuthzChanged(ctx, tx, userId);
    return true;
  });
  if (!removed)
    return {
      removedUserId: null,
      errors: errors.add('NOT_FOUND', 'This person is not on the staff.').list,
    };
  return { removedUserId: userId, errors: [] };
}
