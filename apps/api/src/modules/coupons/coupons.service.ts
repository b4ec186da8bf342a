// Coupons: a seller's (COUPONS_MANAGE within that seller) or the platform's
// (COUPONS_MANAGE platform-wide). Checkout evaluates them with coupon-rules.ts
// and takes a use with useCoupon inside its transaction.
import { type Coupon as CouponRow, Prisma } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Locale } from '../../common/i18n/locale.js';
import { isCurrency, isPriceAmount, money } from '../../common/money/money.js';
import {
  type ConnectionArgs,
  connectionFromRows,
  decodeCursor,
  isTimeIdKey,
} from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import type { CouponCode } from './coupons.errors.js';
import type { Coupon, CouponInput } from './coupons.types.js';

type Tx = Prisma.TransactionClient;
const CODE = /^[A-Za-z0-9_-]{3,40}$/;
export const MAX_DESCRIPTION_LENGTH = 200;
const MAX_LIMIT = 1_000_000_000;

export function toCoupon(row: CouponRow, locale: Locale): Coupon {
  const currency = row.currency;
  return {
    ...row,
    amountOff: row.amountOff !== null && currency ? money(row.amountOff, currency, locale) : null,
    minSubtotal: row.minSubtotal > 0 && currency ? money(row.minSubtotal, currency, locale) : null,
  };
}

/** Whether the caller manages the coupons of `sellerId` (null: the platform's). */
function managesCoupons(ctx: Context, sellerId: string | null): boolean {
  return sellerId === null
    ? ctx.session.permissions.has(Permission.COUPONS_MANAGE)
    : can(ctx.session, Permission.COUPONS_MANAGE, sellerId);
}

async function listCoupons(ctx: Context, sellerId: string | null, args: ConnectionArgs) {
  const after = args.after ? decodeCursor(args.after, isTimeIdKey) : null;
  const where: Prisma.CouponWhereInput = { sellerId };
  const rows = await ctx.db.prisma.coupon.findMany({
    where: after
      ? {
          ...where,
          OR: [
            { createdAt: { lt: new Date(after[0]) } },
            { createdAt: new Date(after[0]), id: { lt: after[1] } },
          ],
        }
      : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
    count: () => ctx.db.prisma.coupon.count({ where }),
    toNode: (row) => toCoupon(row, ctx.locale),
  });
}

export function sellerCoupons(ctx: Context, sellerId: string, args: ConnectionArgs) {
  if (!isUuid(sellerId) || !managesCoupons(ctx, sellerId)) throw new ForbiddenError();
  return listCoupons(ctx, sellerId, args);
}

export function platformCoupons(ctx: Context, args: ConnectionArgs) {
  if (!managesCoupons(ctx, null)) throw new ForbiddenError();
  return listCoupons(ctx, null, args);
}

function couponData(input: CouponInput, errors: PayloadErrors<CouponCode>) {
  const code = input.code.trim();
  if (!CODE.test(code)) errors.add('CODE_INVALID', 'Use 3 to 40 letters, digits, - or _.', 'code');
  const description = input.description?.trim() || null;
  if (description && description.length > MAX_DESCRIPTION_LENGTH)
    errors.add(
      'DESCRIPTION_TOO_LONG',
      `Use at most ${MAX_DESCRIPTION_LENGTH} characters.`,
      'description',
    );
  const currency = input.currency?.trim().toUpperCase() || null;
  if (currency && !isCurrency(currency))
    errors.add('CURRENCY_INVALID', 'Use an ISO 4217 code.', 'currency');
  const percentBp = input.kind === 'PERCENTAGE' ? (input.percentBp ?? null) : null;
  const amountOff = input.kind === 'FIXED' ? (input.amountOff ?? null) : null;
  if (
    input.kind === 'PERCENTAGE' &&
    !(Number.isInteger(percentBp) && percentBp! >= 1 && percentBp! <= 10000)
  )
    errors.add('VALUE_INVALID', 'A percentage is 1 to 10000 basis points.', 'percentBp');
  if (input.kind === 'FIXED') {
    if (amountOff === null || !isPriceAmount(amountOff) || amountOff <= 0)
      errors.add('VALUE_INVALID', 'The amount off is a whole, positive amount.', 'amountOff');
    if (!currency) errors.add('CURRENCY_INVALID', 'A fixed amount needs a currency.', 'currency');
  }
  const minSubtotal = input.minSubtotal ?? 0;
  if (!isPriceAmount(minSubtotal))
    errors.add('MIN_SUBTOTAL_INVALID', 'A whole, non-negative amount.', 'minSubtotal');
  else if (minSubtotal > 0 && !currency)
    errors.add('CURRENCY_INVALID', 'A minimum subtotal needs a currency.', 'currency');
  const startsAt = input.startsAt ?? new Date();
  const endsAt = input.endsAt ?? null;
  if (endsAt && endsAt <= startsAt)
    errors.add('WINDOW_INVALID', 'The end must come after the start.', 'endsAt');
  const limitOk = (n: number | null | undefined) =>
    n === null || n === undefined || (Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT);
  if (!limitOk(input.usageLimit))
    errors.add('LIMIT_INVALID', 'A usage limit is a positive whole number.', 'usageLimit');
  if (!limitOk(input.perCustomerLimit))
    errors.add('LIMIT_INVALID', 'A usage limit is a positive whole number.', 'perCustomerLimit');
  return {
    code,
    description,
    kind: input.kind,
    percentBp,
    amountOff,
    currency,
    minSubtotal,
    startsAt,
    endsAt,
    usageLimit: input.usageLimit ?? null,
    perCustomerLimit: input.perCustomerLimit ?? null,
    active: input.active ?? true,
  };
}

/** P2002: unique violation; P2003: foreign key violation. */
function isPrismaError(error: unknown, code: 'P2002' | 'P2003'): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

export async function createCoupon(ctx: Context, input: CouponInput) {
  const errors = new PayloadErrors<CouponCode>();
  const fail = () => ({ coupon: null, errors: errors.list });
  const sellerId = input.sellerId ?? null;
  if (sellerId !== null && !isUuid(sellerId))
    return (errors.add('NOT_FOUND', 'This seller does not exist.', 'sellerId'), fail());
  if (!managesCoupons(ctx, sellerId))
    return (errors.add('FORBIDDEN', 'You cannot manage these coupons.', 'sellerId'), fail());
  const data = couponData(input, errors);
  if (errors.any) return fail();
  try {
    const row = await ctx.db.prisma.coupon.create({ data: { ...data, sellerId } });
    return { coupon: toCoupon(row, ctx.locale), errors: [] };
  } catch (error) {
    // A platform manager may name any seller; one that does not exist fails the foreign key.
    if (isPrismaError(error, 'P2003'))
      return (errors.add('NOT_FOUND', 'This seller does not exist.', 'sellerId'), fail());
    if (!isPrismaError(error, 'P2002')) throw error;
    return (errors.add('CODE_TAKEN', 'This code is already used.', 'code'), fail());
  }
}

export async function updateCoupon(ctx: Context, id: string, input: CouponInput) {
  const errors = new PayloadErrors<CouponCode>();
  const fail = () => ({ coupon: null, errors: errors.list });
  const existing = isUuid(id) ? await ctx.db.prisma.coupon.findUnique({ where: { id } }) : null;
  if (!existing) return (errors.add('NOT_FOUND', 'This coupon does not exist.', 'id'), fail());
  if (!managesCoupons(ctx, existing.sellerId))
    return (errors.add('FORBIDDEN', 'You cannot manage this coupon.', 'id'), fail());
  if ((input.sellerId ?? null) !== existing.sellerId)
    return (
      errors.add('SELLER_CHANGE_NOT_ALLOWED', 'A coupon stays with its seller.', 'sellerId'),
      fail()
    );
  const data = couponData(input, errors);
  if (data.usageLimit !== null && data.usageLimit < existing.usedCount)
    errors.add('LIMIT_INVALID', `Already used ${existing.usedCount} times.`, 'usageLimit');
  if (errors.any) return fail();
  try {
    // The usage limit is re-checked against used_count by the row's CHECK.
    const row = await ctx.db.prisma.coupon.update({ where: { id }, data });
    return { coupon: toCoupon(row, ctx.locale), errors: [] };
  } catch (error) {
    if (!isPrismaError(error, 'P2002')) throw error;
    return (errors.add('CODE_TAKEN', 'This code is already used.', 'code'), fail());
  }
}

// ---------------------------------------------------------------------------
// For checkout

/** The coupon of a code (any case), or null. */
export function findCouponByCode(
  client: Pick<Tx, 'coupon'>,
  code: string,
): Promise<CouponRow | null> {
  const trimmed = code.trim();
  if (!CODE.test(trimmed)) return Promise.resolve(null);
  return client.coupon.findUnique({ where: { code: trimmed } });
}

/** The customer's redemptions of a coupon not given back. */
export function customerUses(
  client: Pick<Tx, 'couponRedemption'>,
  couponId: string,
  customerId: string,
): Promise<number> {
  return client.couponRedemption.count({ where: { couponId, customerId, releasedAt: null } });
}

/**
 * Takes one use of the coupon (atomic: only while active, within its window
 * and under its usage limit) and records the redemption. False when the
 * coupon cannot be used any more; the caller rolls back.
 */
export async function useCoupon(
  tx: Tx,
  input: {
    couponId: string;
    purchaseId: string;
    customerId: string | null;
    discount: number;
    perCustomerLimit: number | null;
  },
): Promise<boolean> {
  const taken = await tx.$executeRaw`
    WITH used AS (
      UPDATE coupons SET used_count = used_count + 1, updated_at = now()
       WHERE id = ${input.couponId}::uuid AND active AND starts_at <= now()
         AND (ends_at IS NULL OR ends_at > now())
         AND (usage_limit IS NULL OR used_count < usage_limit)
      RETURNING id)
    INSERT INTO coupon_redemptions (id, coupon_id, purchase_id, customer_id, discount)
    SELECT gen_random_uuid(), used.id, ${input.purchaseId}::uuid, ${input.customerId}::uuid,
           ${input.discount}::int
      FROM used`;
  if (taken !== 1) return false;
  if (input.perCustomerLimit === null || !input.customerId) return true;
  // Counted after the UPDATE: the coupon row is locked, so the same customer's
  // concurrent checkouts queue here and each sees the uses committed before it.
  const uses = await tx.couponRedemption.count({
    where: { couponId: input.couponId, customerId: input.customerId, releasedAt: null },
  });
  return uses <= input.perCustomerLimit;
}
