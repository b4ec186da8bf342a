import type {
  CouponForm_CouponFragment,
  CouponInput,
  CouponKind,
} from '../../../generated/graphql';
import { localDateTimeToIso } from '../../offers/datetime';
import {
  fromMinorUnits,
  isKnownCurrency,
  percentToBasisPoints,
  toMinorUnits,
} from '../../offers/money';
import { basisPointsToPercent } from '../../tax-rates/components/tax-rate-values';

/** The coupon form's values, as typed; the API wants minor units, basis points and instants. */
export interface CouponFormValues {
  code: string;
  description: string;
  kind: CouponKind;
  /** PERCENTAGE: "10" or "12.5". */
  percent: string;
  /** FIXED: "5.00" in `currency`. */
  amountOff: string;
  currency: string;
  /** Empty: no minimum. */
  minSubtotal: string;
  /** datetime-local values; empty start = now, empty end = open-ended. */
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  active: boolean;
}

/** Input paths the form names differently. */
export const COUPON_FIELD_MAP = {
  percentBp: 'percent',
  'input.percentBp': 'percent',
} as const;

/** An ISO instant as a datetime-local value (local wall time). */
export function isoToLocalDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function toFormValues(
  coupon: CouponForm_CouponFragment | null,
  defaultCurrency: string,
): CouponFormValues {
  const currency = coupon?.currency ?? defaultCurrency;
  return {
    code: coupon?.code ?? '',
    description: coupon?.description ?? '',
    kind: coupon?.kind ?? 'PERCENTAGE',
    percent: coupon?.percentBp != null ? basisPointsToPercent(coupon.percentBp) : '',
    amountOff: coupon?.amountOff ? fromMinorUnits(coupon.amountOff.amount, currency) : '',
    currency,
    minSubtotal: coupon?.minSubtotal ? fromMinorUnits(coupon.minSubtotal.amount, currency) : '',
    startsAt: isoToLocalDateTime(coupon?.startsAt),
    endsAt: isoToLocalDateTime(coupon?.endsAt),
    usageLimit: coupon?.usageLimit != null ? String(coupon.usageLimit) : '',
    perCustomerLimit: coupon?.perCustomerLimit != null ? String(coupon.perCustomerLimit) : '',
    active: coupon?.active ?? true,
  };
}

const LIMIT = /^\d{1,9}$/;

export function validateCoupon(values: CouponFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[A-Za-z0-9_-]{3,40}$/.test(values.code.trim()))
    errors['code'] = '3 to 40 letters, digits, - or _.';
  if (values.description.length > 500) errors['description'] = 'At most 500 characters.';
  const currencyNeeded = values.kind === 'FIXED' || values.minSubtotal.trim() !== '';
  const currencyOk = isKnownCurrency(values.currency);
  if (currencyNeeded && !currencyOk) errors['currency'] = 'A three-letter ISO 4217 code.';
  const currency = currencyOk ? values.currency : 'EUR';
  if (values.kind === 'PERCENTAGE') {
    const bp = percentToBasisPoints(values.percent);
    if (!bp.ok) errors['percent'] = bp.message;
    else if (bp.value < 1 || bp.value > 10_000) errors['percent'] = 'Between 0.01 and 100 %.';
  } else {
    const amount = toMinorUnits(values.amountOff, currency, { unit: 'amount' });
    if (!amount.ok) errors['amountOff'] = amount.message;
    else if (amount.value <= 0) errors['amountOff'] = 'More than zero.';
  }
  if (values.minSubtotal.trim()) {
    const min = toMinorUnits(values.minSubtotal, currency, { unit: 'amount' });
    if (!min.ok) errors['minSubtotal'] = min.message;
  }
  const starts = values.startsAt ? localDateTimeToIso(values.startsAt) : null;
  const ends = values.endsAt ? localDateTimeToIso(values.endsAt) : null;
  if (values.startsAt && !starts) errors['startsAt'] = 'A date and time.';
  if (values.endsAt && !ends) errors['endsAt'] = 'A date and time.';
  else if (starts && ends && ends <= starts) errors['endsAt'] = 'After the start.';
  if (values.usageLimit.trim() && !LIMIT.test(values.usageLimit.trim()))
    errors['usageLimit'] = 'A whole number, or empty for unlimited.';
  if (values.perCustomerLimit.trim() && !LIMIT.test(values.perCustomerLimit.trim()))
    errors['perCustomerLimit'] = 'A whole number, or empty for unlimited.';
  return errors;
}

/** Call after validateCoupon passed. `sellerId` null: a platform coupon. */
export function toCouponInput(values: CouponFormValues, sellerId: string | null): CouponInput {
  const currency = values.currency.trim().toUpperCase();
  const minor = (text: string) => {
    const parsed = toMinorUnits(text, currency);
    return parsed.ok ? parsed.value : null;
  };
  const bp = percentToBasisPoints(values.percent);
  const limit = (text: string) => (text.trim() ? Number(text.trim()) : null);
  return {
    sellerId,
    code: values.code.trim().toUpperCase(),
    description: values.description.trim() || null,
    kind: values.kind,
    percentBp: values.kind === 'PERCENTAGE' && bp.ok ? bp.value : null,
    amountOff: values.kind === 'FIXED' ? minor(values.amountOff) : null,
    // A percentage without a minimum applies in any currency.
    currency: values.kind === 'FIXED' || values.minSubtotal.trim() ? currency || null : null,
    minSubtotal: values.minSubtotal.trim() ? minor(values.minSubtotal) : null,
    startsAt: values.startsAt ? localDateTimeToIso(values.startsAt) : null,
    endsAt: values.endsAt ? localDateTimeToIso(values.endsAt) : null,
    usageLimit: limit(values.usageLimit),
    perCustomerLimit: limit(values.perCustomerLimit),
    active: values.active,
  };
}
