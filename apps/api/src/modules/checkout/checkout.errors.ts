// Why a checkout cannot be completed as it is (the quote's problems), and the
// error codes of checkoutComplete (those plus its own).

export const CheckoutProblemCode = {
  CART_EMPTY: 'CART_EMPTY',
  CART_HAS_WARNINGS: 'CART_HAS_WARNINGS',
  ADDRESS_REQUIRED: 'ADDRESS_REQUIRED',
  NO_DELIVERY_TO_COUNTRY: 'NO_DELIVERY_TO_COUNTRY',
  PICKUP_STORE_INVALID: 'PICKUP_STORE_INVALID',
  COUPON_INVALID: 'COUPON_INVALID',
  COUPON_EXPIRED: 'COUPON_EXPIRED',
  COUPON_USED_UP: 'COUPON_USED_UP',
  COUPON_MIN_SUBTOTAL: 'COUPON_MIN_SUBTOTAL',
  PAYMENT_METHOD_UNAVAILABLE: 'PAYMENT_METHOD_UNAVAILABLE',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
} as const;
export type CheckoutProblemCode = (typeof CheckoutProblemCode)[keyof typeof CheckoutProblemCode];

export const CheckoutCompleteCodes = {
  ...CheckoutProblemCode,
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  TOTAL_CHANGED: 'TOTAL_CHANGED',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
} as const;
export type CheckoutCompleteCode = keyof typeof CheckoutCompleteCodes;
