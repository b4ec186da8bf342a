// Shipping methods per seller (SELLER_MANAGE within the seller) and the
// platform's tax rates (SETTINGS_MANAGE platform-wide). The arithmetic lives
// in delivery.quote.ts.
import type { Prisma, ShippingMethod, TaxRate } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { isCountryCode } from '../../common/address/postal-address.js';
import { can } from '../../common/auth/session.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import { isCurrency, isPriceAmount } from '../../common/money/money.js';
import type { Context } from '../../context.js';
import type { ShippingMethodCode, TaxRateCode } from './delivery.errors.js';
import type { ShippingMethodInput, TaxRateInput } from './delivery.types.js';

export const MAX_METHOD_NAME_LENGTH = 100;
export const MAX_DAYS = 365;
export const MAX_REGION_LENGTH = 100;

/** A seller's methods: active ones for everyone, all of them for its managers. */
export async function listShippingMethods(
  ctx: Context,
  sellerId: string,
): Promise<ShippingMethod[]> {
  const methods = await ctx.loaders.delivery.shippingMethodsBySeller.load(sellerId);
  if (can(ctx.session, Permission.SELLER_MANAGE, sellerId)) return methods;
  return methods.filter((method) => method.active);
}

function methodData(
  input: ShippingMethodInput,
  errors: PayloadErrors<ShippingMethodCode>,
): Omit<Prisma.ShippingMethodUncheckedCreateInput, 'sellerId'> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.add('NAME_REQUIRED', 'Name the shipping method.', 'name');
  else if (name.length > MAX_METHOD_NAME_LENGTH)
    errors.add('NAME_REQUIRED', `Use at most ${MAX_METHOD_NAME_LENGTH} characters.`, 'name');
  const currency = input.currency.trim().toUpperCase();
  if (!isCurrency(currency)) errors.add('CURRENCY_INVALID', 'Use an ISO 4217 code.', 'currency');
  const perKgFee = input.kind === 'BY_WEIGHT' ? input.perKgFee : 0;
  const freeOver = input.freeOver ?? null;
  if (!isPriceAmount(input.flatFee))
    errors.add('FEE_INVALID', 'A fee is a whole, non-negative amount.', 'flatFee');
  if (!isPriceAmount(input.perKgFee))
    errors.add('FEE_INVALID', 'A fee is a whole, non-negative amount.', 'perKgFee');
  if (freeOver !== null && !isPriceAmount(freeOver))
    errors.add('FEE_INVALID', 'The threshold is a whole, non-negative amount.', 'freeOver');
  const countries: string[] = [];
  input.countries.forEach((raw, index) => {
    const code = raw.trim().toUpperCase();
    if (!isCountryCode(code))
      errors.add('COUNTRY_INVALID', 'Use ISO 3166-1 alpha-2 codes.', `countries.${index}`);
    else if (!countries.includes(code)) countries.push(code);
  });
  const dayOk = (days: number) => Number.isInteger(days) && days >= 0 && days <= MAX_DAYS;
  if (!dayOk(input.minDays)) errors.add('DAYS_INVALID', `Use 0 to ${MAX_DAYS} days.`, 'minDays');
  if (!dayOk(input.maxDays) || input.maxDays < input.minDays)
    errors.add('DAYS_INVALID', `Use ${Math.max(input.minDays, 0)} to ${MAX_DAYS} days.`, 'maxDays');
  const position = Number.isInteger(input.position) ? Math.max(0, input.position) : 0;
  return {
    name,
    kind: input.kind,
    currency,
    flatFee: input.flatFee,
    perKgFee,
    freeOver,
    countries,
    minDays: input.minDays,
    maxDays: input.maxDays,
    active: input.active,
    position,
  };
}

async function ownMethod(
  ctx: Context,
  id: string,
  errors: PayloadErrors<ShippingMethodCode>,
): Promise<ShippingMethod | null> {
  const method = isUuid(id)
    ? await ctx.db.prisma.shippingMethod.findUnique({ where: { id } })
    : null;
  if (!method) return (errors.add('NOT_FOUND', 'This shipping method does not exist.', 'id'), null);
  if (!can(ctx.session, Permission.SELLER_MANAGE, method.sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this shop's delivery.", 'id'), null);
  return method;
}

export async function createShippingMethod(
  ctx: Context,
  sellerId: string,
  input: ShippingMethodInput,
) {
  const errors = new PayloadErrors<ShippingMethodCode>();
  const fail = () => ({ shippingMethod: null, errors: errors.list });
  if (!can(ctx.session, Permission.SELLER_MANAGE, sellerId))
    return (errors.add('FORBIDDEN', "You cannot manage this shop's delivery.", 'sellerId'), fail());
  if (!isUuid(sellerId) || !(await ctx.loaders.sellers.sellerById.load(sellerId)))
    return (errors.add('NOT_FOUND', 'This seller does not exist.', 'sellerId'), fail());
  const data = methodData(input, errors);
  if (errors.any) return fail();
  const shippingMethod = await ctx.db.prisma.shippingMethod.create({ data: { ...data, sellerId } });
  return { shippingMethod, errors: [] };
}

export async function updateShippingMethod(ctx: Context, id: string, input: ShippingMethodInput) {
  const errors = new PayloadErrors<ShippingMethodCode>();
  if (!(await ownMethod(ctx, id, errors))) return { shippingMethod: null, errors: errors.list };
  const data = methodData(input, errors);
  if (errors.any) return { shippingMethod: null, errors: errors.list };
  const shippingMethod = await ctx.db.prisma.shippingMethod.update({ where: { id }, data });
  return { shippingMethod, errors: [] };
}

export async function deleteShippingMethod(ctx: Context, id: string) {
  const errors = new PayloadErrors<ShippingMethodCode>();
  if (!(await ownMethod(ctx, id, errors))) return { deletedId: null, errors: errors.list };
  await ctx.db.prisma.shippingMethod.delete({ where: { id } });
  return { deletedId: id, errors: [] };
}

// ---------------------------------------------------------------------------
// Tax rates (platform settings)

const canSetTaxes = (ctx: Context) => can(ctx.session, Permission.SETTINGS_MANAGE);

export async function listTaxRates(ctx: Context, country?: string | null): Promise<TaxRate[]> {
  if (!canSetTaxes(ctx)) return [];
  const code = country?.trim().toUpperCase();
  return ctx.db.prisma.taxRate.findMany({
    where: code ? { country: code } : {},
    orderBy: [{ country: 'asc' }, { region: 'asc' }, { categoryId: 'asc' }, { id: 'asc' }],
  });
}

/** Creates or replaces the rate of (category or any, country, region or whole country). */
export async function setTaxRate(ctx: Context, input: TaxRateInput) {
  const errors = new PayloadErrors<TaxRateCode>();
  const fail = () => ({ taxRate: null, errors: errors.list });
  if (!canSetTaxes(ctx))
    return (errors.add('FORBIDDEN', 'Only platform administrators set taxes.'), fail());
  const categoryId = input.categoryId ?? null;
  if (
    categoryId !== null &&
    (!isUuid(categoryId) ||
      !(await ctx.db.prisma.category.findUnique({ where: { id: categoryId } })))
  )
    errors.add('NOT_FOUND', 'This category does not exist.', 'categoryId');
  const country = input.country.trim().toUpperCase();
  if (!isCountryCode(country))
    errors.add('COUNTRY_INVALID', 'Use an ISO 3166-1 alpha-2 code.', 'country');
  const region = input.region?.trim().toUpperCase() || null;
  if (region !== null && region.length > MAX_REGION_LENGTH)
    errors.add('REGION_INVALID', `Use at most ${MAX_REGION_LENGTH} characters.`, 'region');
  if (!Number.isInteger(input.rateBp) || input.rateBp < 0 || input.rateBp > 10_000)
    errors.add('RATE_INVALID', 'A rate is 0 to 10000 basis points (0-100 %).', 'rateBp');
  if (errors.any) return fail();
  const [row] = await ctx.db.prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO tax_rates (id, category_id, country, region, rate_bp, updated_at)
    VALUES (gen_random_uuid(), ${categoryId}::uuid, ${country}, ${region}, ${input.rateBp},
            CURRENT_TIMESTAMP)
    ON CONFLICT (COALESCE(category_id, '00000000-0000-0000-0000-000000000000'::uuid), country,
                 COALESCE(region, ''))
    DO UPDATE SET rate_bp = EXCLUDED.rate_bp, updated_at = CURRENT_TIMESTAMP
    RETURNING id::text AS id`;
  const taxRate = await ctx.db.prisma.taxRate.findUniqueOrThrow({ where: { id: row!.id } });
  return { taxRate, errors: [] };
}

export async function deleteTaxRate(ctx: Context, id: string) {
  const errors = new PayloadErrors<TaxRateCode>();
  const fail = () => ({ deletedId: null, errors: errors.list });
  if (!canSetTaxes(ctx))
    return (errors.add('FORBIDDEN', 'Only platform administrators set taxes.'), fail());
  const deleted = isUuid(id) ? await ctx.db.prisma.taxRate.deleteMany({ where: { id } }) : null;
  if (!deleted?.count)
    return (errors.add('NOT_FOUND', 'This tax rate does not exist.', 'id'), fail());
  return { deletedId: id, errors: [] };
}
