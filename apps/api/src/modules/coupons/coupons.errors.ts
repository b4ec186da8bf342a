// Error codes of the coupon mutations.

export const CouponCodes = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CODE_INVALID: 'CODE_INVALID',
  CODE_TAKEN: 'CODE_TAKEN',
  VALUE_INVALID: 'VALUE_INVALID',
  CURRENCY_INVALID: 'CURRENCY_INVALID',
  MIN_SUBTOTAL_INVALID: 'MIN_SUBTOTAL_INVALID',
  WINDOW_INVALID: 'WINDOW_INVALID',
  LIMIT_INVALID: 'LIMIT_INVALID',
  DESCRIPTION_TOO_LONG: 'DESCRIPTION_TOO_LONG',
  SELLER_CHANGE_NOT_ALLOWED: 'SELLER_CHANGE_NOT_ALLOWED',
} as const;
export type CouponCode = keyof typeof CouponCodes;

/** Why a coupon does not apply to a checkout (a subset of the checkout problem codes). */
export type CouponProblem =
  'COUPON_INVALID' | 'COUPON_EXPIRED' | 'COUPON_USED_UP' | 'COUPON_MIN_SUBTOTAL';
