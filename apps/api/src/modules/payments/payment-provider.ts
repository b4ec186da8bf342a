// A card payment provider as the payments module uses it. Stripe implements
// it (stripe.provider.ts); tests run it against a local double of Stripe's API.
import type { PaymentStatus } from './payments.types.js';

export interface ProviderIntent {
  id: string;
  /** The provider's own status (Stripe: requires_payment_method, succeeded, ...). */
  status: string;
  clientSecret: string | null;
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  metadata: Record<string, string>;
  /** The last failed attempt, if any. */
  failureCode: string | null;
  failureMessage: string | null;
}

export interface ProviderRefund {
  id: string;
  /** pending, requires_action, succeeded, failed or canceled. */
  status: string;
  amount: number;
  paymentIntentId: string | null;
  failureReason: string | null;
  metadata: Record<string, string>;
}

export interface ProviderEvent {
  id: string;
  type: string;
  /** Id of the object the event is about (PaymentIntent, Refund or Charge). */
  objectId: string;
  /** The PaymentIntent of a charge or refund event, when known. */
  paymentIntentId: string | null;
}

export interface PaymentProvider {
  readonly name: 'stripe';
  /** Same idempotency key, same intent: safe to call again after a crash. */
  createPaymentIntent(input: {
    amount: number;
    currency: string;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<ProviderIntent>;
  retrievePaymentIntent(id: string): Promise<ProviderIntent>;
  /** Nobody can pay it any more; refused once it succeeded (or is processing). */
  cancelPaymentIntent(id: string): Promise<ProviderIntent>;
  createRefund(input: {
    paymentIntentId: string;
    amount: number;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<ProviderRefund>;
  retrieveRefund(id: string): Promise<ProviderRefund>;
  /** Checks the signature of a webhook delivery; throws when it is not the provider's. */
  verifyWebhook(rawBody: Buffer, signature: string): ProviderEvent;
}

/** Our status for a provider intent status. */
export function paymentStatusOf(intent: ProviderIntent): PaymentStatus {
  switch (intent.status) {
    case 'succeeded':
      return 'SUCCEEDED';
    case 'canceled':
      return 'CANCELED';
    case 'requires_action':
      return 'REQUIRES_ACTION';
    case 'requires_payment_method':
      // After a declined attempt Stripe goes back to requires_payment_method.
      return intent.failureCode || intent.failureMessage ? 'FAILED' : 'PENDING';
    default:
      return 'PENDING';
  }
}

/** Our refund status for a provider refund status; null while it is still under way. */
export function refundStatusOf(refund: ProviderRefund): 'SUCCEEDED' | 'FAILED' | null {
  if (refund.status === 'succeeded') return 'SUCCEEDED';
  if (refund.status === 'failed' || refund.status === 'canceled') return 'FAILED';
  return null;
}
