// The checkout quote: the viewer's cart priced per seller with their choices,
// the address, the coupon and the payment methods on offer. checkoutComplete
// places exactly what this quotes (checkout-complete.service.ts).
import type { Address, ShippingMethod, Store } from '@bazaar/db';
import { cleanPostalAddress, cleanText } from '../../common/address/postal-address.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import { money } from '../../common/money/money.js';
import type { Context } from '../../context.js';
import * as carts from '../cart/cart.service.js';
import { customerUses, findCouponByCode } from '../coupons/coupons.service.js';
import type { PaymentMethod } from '../payments/payments.types.js';
import { balanceOf, wallet } from '../wallet/ledger.js';
import { type CheckoutLine, loadCheckoutLines } from './checkout.data.js';
import type { Checkout, CheckoutInput } from './checkout.types.js';
import {
  type Choice,
  type Priced,
  type Problem,
  type ShipTo,
  priceCheckout,
} from './checkout.pricing.js';

export interface Quote {
  lines: CheckoutLine[];
  currency: string | null;
  address: ShipTo | null;
  priced: Priced;
  paymentMethods: PaymentMethod[];
}

type Db = Context['db']['prisma'];

/** The address to ship to: given, from the book, or the book's default; a problem when invalid. */
async function resolveAddress(
  ctx: Context,
  input: CheckoutInput,
  problems: Problem[],
): Promise<ShipTo | null> {
  const problem = (message: string) =>
    problems.push({ code: 'ADDRESS_REQUIRED', message, sellerId: null, lineId: null });
  if (input.shippingAddress) {
    const errors = new PayloadErrors<'FIELD_REQUIRED' | 'COUNTRY_INVALID'>();
    const clean = cleanPostalAddress(input.shippingAddress, errors);
    const recipient = cleanText(input.shippingAddress.recipient);
    if (!recipient) errors.add('FIELD_REQUIRED', 'Fill this in.', 'recipient');
    if (errors.any) {
      problem(`Complete the address: ${errors.list.map((e) => e.field).join(', ')}.`);
      return null;
    }
    return { ...clean, recipient: recipient!, phone: cleanText(input.shippingAddress.phone) };
  }
  const book: Address[] = await ctx.loaders.identity.addressesByUser.load(ctx.session.userId!);
  if (input.shippingAddressId) {
    const found = isUuid(input.shippingAddressId)
      ? book.find((a) => a.id === input.shippingAddressId)
      : undefined;
    if (!found) problem('This address is not in your address book.');
    return found ? fromBook(found) : null;
  }
  const fallback = book.find((a) => a.isDefault) ?? book[0];
  return fallback ? fromBook(fallback) : null;
}

function fromBook(a: Address): ShipTo {
  return {
    recipient: a.recipient,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
  };
}

/** Tax rates of the countries involved (the address's and the pick-up stores'). */
function loadTaxRates(db: Db, countries: string[]) {
  return countries.length
    ? db.taxRate.findMany({ where: { country: { in: [...new Set(countries)] } } })
    : Promise.resolve([]);
}

/**
 * Prices the viewer's cart. `db` is the client to read with (the checkout
 * transaction re-reads nothing it does not lock: see checkout-complete).
 */
export async function quote(ctx: Context, input: CheckoutInput): Promise<Quote> {
  const db = ctx.db.prisma;
  const userId = ctx.session.userId!;
  const problems: Problem[] = [];
  const [{ lines, cartCurrency }, address] = await Promise.all([
    loadCheckoutLines(db, ctx.locale, { userId }),
    resolveAddress(ctx, input, problems),
  ]);
  const currency = cartCurrency ?? lines[0]?.currency ?? null;
  const sellerIds = [...new Set(lines.map((l) => l.sellerId).filter(Boolean))];
  const [methods, stores] = await Promise.all([
    ctx.loaders.delivery.shippingMethodsBySeller.loadMany(sellerIds),
    ctx.loaders.sellers.storesBySeller.loadMany(sellerIds),
  ]);
  const methodsBySeller = new Map<string, ShippingMethod[]>();
  const storesBySeller = new Map<string, Store[]>();
  sellerIds.forEach((id, i) => {
    const m = methods[i];
    const s = stores[i];
    // A failed read is an error, never "this seller has no delivery".
    if (m instanceof Error) throw m;
    if (s instanceof Error) throw s;
    methodsBySeller.set(id, m ?? []);
    storesBySeller.set(id, s ?? []);
  });
  const choices = new Map<string, Choice>();
  for (const choice of input.choices ?? []) choices.set(choice.sellerId, choice);
  const pickupCountries = [...choices.values()]
    .filter((c) => c.fulfilment === 'PICKUP')
    .flatMap((c) => [...storesBySeller.values()].flat().filter((s) => s.id === c.pickupStoreId))
    .map((s) => s.country);
  const code = input.couponCode?.trim();
  const [taxRates, couponRow] = await Promise.all([
    loadTaxRates(db, [...(address ? [address.country] : []), ...pickupCountries]),
    code ? findCouponByCode(db, code) : Promise.resolve(null),
  ]);
  const uses = couponRow?.perCustomerLimit ? await customerUses(db, couponRow.id, userId) : 0;
  const priced = priceCheckout({
    lines,
    currency: currency ?? 'USD',
    address,
    choices,
    methodsBySeller,
    storesBySeller,
    taxRates,
    coupon: code ? { code, row: couponRow, customerUses: uses } : null,
    now: new Date(),
  });
  priced.problems.unshift(...problems);
  const paymentMethods: PaymentMethod[] = [];
  if (ctx.services.env.STRIPE_SECRET_KEY) paymentMethods.push('STRIPE');
  paymentMethods.push('WALLET');
  if (priced.groups.length && priced.groups.every((g) => g.fulfilment === 'PICKUP'))
    paymentMethods.push('IN_STORE');
  if (input.paymentMethod && !paymentMethods.includes(input.paymentMethod))
    priced.problems.push({
      code: 'PAYMENT_METHOD_UNAVAILABLE',
      message: 'This payment method is not available for this checkout.',
      sellerId: null,
      lineId: null,
    });
  return { lines, currency, address, priced, paymentMethods };
}

/** The `checkout` query. */
export async function checkout(ctx: Context, input: CheckoutInput): Promise<Checkout> {
  const [q, cart] = await Promise.all([quote(ctx, input), carts.viewer(ctx)]);
  const { priced, currency } = q;
  const cur = currency ?? 'USD';
  const m = (amount: number) => money(amount, cur, ctx.locale);
  const walletBalance = currency
    ? await balanceOf(ctx.db.prisma, wallet(ctx.session.userId!, currency))
    : null;
  if (
    input.paymentMethod === 'WALLET' &&
    walletBalance !== null &&
    walletBalance < priced.grandTotal
  )
    priced.problems.push({
      code: 'INSUFFICIENT_FUNDS',
      message: 'Your wallet balance does not cover this purchase.',
      sellerId: null,
      lineId: null,
    });
  const cartLines = new Map((cart?.lines ?? []).map((line) => [line.id, line]));
  return {
    currency,
    groups: priced.groups.map((g) => ({
      sellerId: g.sellerId,
      lines: g.lines.flatMap((l) => cartLines.get(l.lineId) ?? []),
      fulfilment: g.fulfilment,
      deliveryOptions: g.options.map((o) => ({
        shippingMethod: o.method,
        fee: m(o.fee),
        minDays: o.method.minDays,
        maxDays: o.method.maxDays,
      })),
      pickupStores: [...g.stores],
      shippingMethodId: g.method?.id ?? null,
      pickupStoreId: g.store?.id ?? null,
      itemsSubtotal: m(g.itemsSubtotal),
      discount: m(g.discount),
      shippingFee: m(g.shippingFee),
      tax: m(g.tax),
      total: m(g.total),
    })),
    itemsSubtotal: m(priced.itemsSubtotal),
    discountTotal: m(priced.discountTotal),
    shippingTotal: m(priced.shippingTotal),
    taxTotal: m(priced.taxTotal),
    grandTotal: m(priced.grandTotal),
    coupon: priced.coupon
      ? {
          code: priced.coupon.row.code,
          description: priced.coupon.row.description,
          discount: m(priced.coupon.discount),
        }
      : null,
    problems: priced.problems,
    paymentMethods: q.paymentMethods,
    walletBalance: walletBalance === null ? null : m(walletBalance),
    stripePublishableKey: ctx.services.env.STRIPE_PUBLISHABLE_KEY ?? null,
  };
}
