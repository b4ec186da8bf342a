// Coupon arithmetic and eligibility, pure (no I/O): used by the checkout quote
// and, for the usage limit, backed by an atomic UPDATE in the checkout
// transaction (coupons.service.ts useCoupon).
import type { Coupon as CouponRow } from '@bazaar/db';
import type { CouponProblem } from './coupons.errors.js';

export interface CouponUse {
  now: Date;
  /** The cart's currency. */
  currency: string;
  /** What the coupon applies to: the seller's items (seller coupon) or every item. */
  eligibleSubtotal: number;
  /** The customer's unreleased redemptions of this coupon. */
  customerUses: number;
}

/** Why the coupon cannot be used now, or null when it can. */
export function couponProblem(coupon: CouponRow, use: CouponUse): CouponProblem | null {
  if (!coupon.active || coupon.startsAt > use.now) return 'COUPON_INVALID';
  if (coupon.currency && coupon.currency !== use.currency) return 'COUPON_INVALID';
  if (use.eligibleSubtotal <= 0) return 'COUPON_INVALID';
  if (coupon.endsAt && coupon.endsAt <= use.now) return 'COUPON_EXPIRED';
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit) return 'COUPON_USED_UP';
  if (coupon.perCustomerLimit !== null && use.customerUses >= coupon.perCustomerLimit)
    return 'COUPON_USED_UP';
  if (use.eligibleSubtotal < coupon.minSubtotal) return 'COUPON_MIN_SUBTOTAL';
  return null;
}

/** The discount on `eligibleSubtotal`, never more than it; a percentage rounds half-up. */
export function couponDiscount(
  coupon: Pick<CouponRow, 'kind' | 'percentBp' | 'amountOff'>,
  eligibleSubtotal: number,
): number {
  const off =
    coupon.kind === 'PERCENTAGE'
      ? Math.floor((eligibleSubtotal * (coupon.percentBp ?? 0) + 5000) / 10000)
      : (coupon.amountOff ?? 0);
  return Math.max(0, Math.min(off, eligibleSubtotal));
}

/**
 * Splits `total` over `weights` in proportion, in whole units (largest
 * remainder: floors first, the rest one by one to the largest fractions, ties
 * to the earlier weight). The parts sum to `total`; all weights 0 gives all to
 * none (zeros).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const big = (n: number) => BigInt(n);
  const parts = weights.map((w) => {
    const exact = big(total) * big(w);
    return { floor: Number(exact / big(sum)), rest: exact % big(sum) };
  });
  let left = total - parts.reduce((a, p) => a + p.floor, 0);
  const order = parts
    .map((p, index) => ({ rest: p.rest, index }))
    .sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  const result = parts.map((p) => p.floor);
  for (const { index } of order) {
    if (left <= 0) break;
    result[index]! += 1;
    left -= 1;
  }
  return result;
}
