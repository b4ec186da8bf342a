// Error codes of payments and refunds. Service functions called inside another
// module's transaction throw PaymentError; the caller lets its transaction roll
// back and turns the code into its own payload error.

export const PaymentErrorCode = {
  STRIPE_NOT_CONFIGURED: 'STRIPE_NOT_CONFIGURED',
  PAYMENT_NOT_FOUND: 'PAYMENT_NOT_FOUND',
  /** Stripe could not be reached or refused the call; nothing was charged, try again. */
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  /** In store: the order's payment is not waiting to be collected (already paid or gone). */
  PAYMENT_NOT_PENDING: 'PAYMENT_NOT_PENDING',
  /** Refund of an order that was never paid. */
  NOT_PAID: 'NOT_PAID',
  REFUND_AMOUNT_INVALID: 'REFUND_AMOUNT_INVALID',
  /** More than what is left to refund of the order. */
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  /** The idempotency key was used for another refund (other order or amount). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;
export type PaymentErrorCode = keyof typeof PaymentErrorCode;

export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}
