// The checkout's arithmetic, pure and in integer minor units: per seller the
// items, the coupon's share (largest remainder, down to lines), delivery and
// tax on each line's discounted amount (shipping is not taxed).
import type { Coupon as CouponRow, ShippingMethod, Store } from '@bazaar/db';
import { allocate, couponDiscount, couponProblem } from '../coupons/coupon-rules.js';
import { type ApplicableTaxRate, quoteDelivery, taxFor } from '../delivery/delivery.quote.js';
import type { CheckoutProblemCode } from './checkout.errors.js';
import type { CheckoutLine } from './checkout.data.js';

export interface ShipTo {
  recipient: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

export interface Choice {
  fulfilment: 'DELIVERY' | 'PICKUP';
  shippingMethodId?: string | null;
  pickupStoreId?: string | null;
}

export interface PricingInput {
  lines: readonly CheckoutLine[];
  currency: string;
  address: ShipTo | null;
  choices: ReadonlyMap<string, Choice>;
  methodsBySeller: ReadonlyMap<string, readonly ShippingMethod[]>;
  storesBySeller: ReadonlyMap<string, readonly Store[]>;
  taxRates: readonly ApplicableTaxRate[];
  coupon: { code: string; row: CouponRow | null; customerUses: number } | null;
  now: Date;
}

export interface PricedLine extends CheckoutLine {
  lineSubtotal: number;
  discount: number;
  taxRateBp: number;
  tax: number;
  total: number;
}

export interface PricedGroup {
  sellerId: string;
  lines: PricedLine[];
  fulfilment: 'DELIVERY' | 'PICKUP';
  options: { method: ShippingMethod; fee: number }[];
  stores: readonly Store[];
  method: ShippingMethod | null;
  store: Store | null;
  itemsSubtotal: number;
  discount: number;
  platformDiscount: number;
  shippingFee: number;
  tax: number;
  total: number;
}

export interface Problem {
  code: CheckoutProblemCode;
  message: string;
  sellerId: string | null;
  lineId: string | null;
}

export interface Priced {
  groups: PricedGroup[];
  itemsSubtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  grandTotal: number;
  coupon: { row: CouponRow; discount: number } | null;
  problems: Problem[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const COUPON_MESSAGES: Record<string, string> = {
  COUPON_INVALID: 'This coupon code does not apply to this cart.',
  COUPON_EXPIRED: 'This coupon has expired.',
  COUPON_USED_UP: 'This coupon has been used up.',
  COUPON_MIN_SUBTOTAL: 'The cart is below the minimum for this coupon.',
};

export function priceCheckout(input: PricingInput): Priced {
  const problems: Problem[] = [];
  const problem = (
    code: CheckoutProblemCode,
    message: string,
    sellerId: string | null = null,
    lineId: string | null = null,
  ) => problems.push({ code, message, sellerId, lineId });

  if (!input.lines.length) problem('CART_EMPTY', 'The cart is empty.');
  for (const line of input.lines)
    if (line.withdrawn || line.short)
      problem(
        'CART_HAS_WARNINGS',
        line.withdrawn ? `${line.title} is no longer sold.` : `Not enough ${line.title} in stock.`,
        line.sellerId || null,
        line.lineId,
      );
  const buyable = input.lines.filter((line) => !line.withdrawn);

  // Groups by seller, in the order sellers first appear.
  const bySeller = new Map<string, CheckoutLine[]>();
  for (const line of buyable) {
    const group = bySeller.get(line.sellerId);
    if (group) group.push(line);
    else bySeller.set(line.sellerId, [line]);
  }
  const subtotals = [...bySeller.values()].map((lines) =>
    sum(lines.map((l) => l.unitPrice * l.quantity)),
  );
  const itemsSubtotal = sum(subtotals);

  // The coupon: the seller's items only, or everything (platform).
  let coupon: Priced['coupon'] = null;
  let groupDiscounts = subtotals.map(() => 0);
  let platformShares = subtotals.map(() => 0);
  if (input.coupon) {
    const row = input.coupon.row;
    const sellerIndex = row?.sellerId ? [...bySeller.keys()].indexOf(row.sellerId) : -1;
    const eligible = !row ? 0 : row.sellerId ? (subtotals[sellerIndex] ?? 0) : itemsSubtotal;
    const code = row
      ? couponProblem(row, {
          now: input.now,
          currency: input.currency,
          eligibleSubtotal: eligible,
          customerUses: input.coupon.customerUses,
        })
      : 'COUPON_INVALID';
    if (code || !row) problem(code ?? 'COUPON_INVALID', COUPON_MESSAGES[code ?? 'COUPON_INVALID']!);
    else {
      const discount = couponDiscount(row, eligible);
      coupon = { row, discount };
      if (row.sellerId)
        groupDiscounts = subtotals.map((_, i) => (i === sellerIndex ? discount : 0));
      else {
        groupDiscounts = allocate(discount, subtotals);
        platformShares = groupDiscounts;
      }
    }
  }

  const groups: PricedGroup[] = [...bySeller].map(([sellerId, lines], index) => {
    const choice = input.choices.get(sellerId) ?? { fulfilment: 'DELIVERY' as const };
    const stores = input.storesBySeller.get(sellerId) ?? [];
    const itemsSubtotal = subtotals[index]!;
    const discount = groupDiscounts[index]!;
    const weightGrams = sum(lines.map((l) => l.weightGrams * l.quantity));
    const options: PricedGroup['options'] = [];
    if (input.address)
      for (const method of input.methodsBySeller.get(sellerId) ?? []) {
        if (!method.active || method.currency !== input.currency) continue;
        const fee = quoteDelivery(method, {
          subtotal: itemsSubtotal - discount,
          weightGrams,
          country: input.address.country,
        });
        if (fee !== null) options.push({ method, fee });
      }
    let method: ShippingMethod | null = null;
    let store: Store | null = null;
    let shippingFee = 0;
    let taxPlace: { country: string; region: string | null } | null = null;
    if (choice.fulfilment === 'PICKUP') {
      store = stores.find((s) => s.id === choice.pickupStoreId) ?? null;
      if (!store)
        problem(
          'PICKUP_STORE_INVALID',
          "Choose one of this seller's stores for pick-up.",
          sellerId,
        );
      else taxPlace = { country: store.country, region: store.region };
    } else if (input.address) {
      const chosen = choice.shippingMethodId
        ? options.find((o) => o.method.id === choice.shippingMethodId)
        : [...options].sort((a, b) => a.fee - b.fee)[0];
      if (!chosen)
        problem(
          'NO_DELIVERY_TO_COUNTRY',
          choice.shippingMethodId
            ? 'This delivery method does not ship to this address.'
            : 'This seller does not deliver to this country.',
          sellerId,
        );
      else {
        method = chosen.method;
        shippingFee = chosen.fee;
      }
      taxPlace = { country: input.address.country, region: input.address.region };
    }

    const lineDiscounts = allocate(
      discount,
      lines.map((l) => l.unitPrice * l.quantity),
    );
    const priced: PricedLine[] = lines.map((line, i) => {
      const lineSubtotal = line.unitPrice * line.quantity;
      const lineDiscount = lineDiscounts[i]!;
      const taxed = taxPlace
        ? taxFor(input.taxRates, {
            categoryIds: line.categoryIds,
            country: taxPlace.country,
            region: taxPlace.region,
            amount: lineSubtotal - lineDiscount,
          })
        : { rateBp: 0, tax: 0 };
      return {
        ...line,
        lineSubtotal,
        discount: lineDiscount,
        taxRateBp: taxed.rateBp,
        tax: taxed.tax,
        total: lineSubtotal - lineDiscount + taxed.tax,
      };
    });
    const tax = sum(priced.map((l) => l.tax));
    return {
      sellerId,
      lines: priced,
      fulfilment: choice.fulfilment,
      options,
      stores,
      method,
      store,
      itemsSubtotal,
      discount,
      platformDiscount: platformShares[index]!,
      shippingFee,
      tax,
      total: itemsSubtotal - discount + shippingFee + tax,
    };
  });
  if (!input.address && groups.some((g) => g.fulfilment === 'DELIVERY'))
    problem('ADDRESS_REQUIRED', 'Give a delivery address.');

  const discountTotal = sum(groups.map((g) => g.discount));
  const shippingTotal = sum(groups.map((g) => g.shippingFee));
  const taxTotal = sum(groups.map((g) => g.tax));
  return {
    groups,
    itemsSubtotal,
    discountTotal,
    shippingTotal,
    taxTotal,
    grandTotal: itemsSubtotal - discountTotal + shippingTotal + taxTotal,
    coupon,
    problems,
  };
}
