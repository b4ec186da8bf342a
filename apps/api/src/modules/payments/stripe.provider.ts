// Stripe through its official SDK. STRIPE_API_URL points the SDK at another
// host (the tests' local double); no request is retried more than twice, and
// every create carries an idempotency key, so a retry never charges twice.
import Stripe from 'stripe';
import type { Env } from '../../env.js';
import type {
  PaymentProvider,
  ProviderEvent,
  ProviderIntent,
  ProviderRefund,
} from './payment-provider.js';

type StripeEnv = Pick<Env, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_URL'>;

function toIntent(pi: Stripe.PaymentIntent): ProviderIntent {
  return {
    id: pi.id,
    status: pi.status,
    clientSecret: pi.client_secret,
    amount: pi.amount,
    currency: pi.currency.toUpperCase(),
    metadata: { ...(pi.metadata ?? {}) },
    failureCode: pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? null,
    failureMessage: pi.last_payment_error?.message ?? null,
  };
}

function toRefund(refund: Stripe.Refund): ProviderRefund {
  const pi = refund.payment_intent;
  return {
    id: refund.id,
    status: refund.status ?? 'pending',
    amount: refund.amount,
    paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
    failureReason: refund.failure_reason ?? null,
    metadata: { ...(refund.metadata ?? {}) },
  };
}

export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(
    secretKey: string,
    private readonly webhookSecret: string,
    apiUrl?: string,
  ) {
    const url = apiUrl ? new URL(apiUrl) : null;
    this.stripe = new Stripe(secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(url
        ? {
            host: url.hostname,
            port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)),
            protocol: url.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
  }

  async createPaymentIntent(input: {
    amount: number;
    currency: string;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<ProviderIntent> {
    const pi = await this.stripe.paymentIntents.create(
      {
        amount: input.amount,
        currency: input.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        metadata: input.metadata,
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return toIntent(pi);
  }

  async retrievePaymentIntent(id: string): Promise<ProviderIntent> {
    return toIntent(await this.stripe.paymentIntents.retrieve(id));
  }

  async cancelPaymentIntent(id: string): Promise<ProviderIntent> {
    return toIntent(await this.stripe.paymentIntents.cancel(id));
  }

  async createRefund(input: {
    paymentIntentId: string;
    amount: number;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<ProviderRefund> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: input.paymentIntentId, amount: input.amount, metadata: input.metadata },
      { idempotencyKey: input.idempotencyKey },
    );
    return toRefund(refund);
  }

  async retrieveRefund(id: string): Promise<ProviderRefund> {
    return toRefund(await this.stripe.refunds.retrieve(id));
  }

  verifyWebhook(rawBody: Buffer, signature: string): ProviderEvent {
    const event = this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
    const object = event.data.object as { id?: string; object?: string; payment_intent?: unknown };
    const pi = object.payment_intent;
    return {
      id: event.id,
      type: event.type,
      objectId: object.id ?? '',
      paymentIntentId:
        object.object === 'payment_intent'
          ? (object.id ?? null)
          : typeof pi === 'string'
            ? pi
            : ((pi as { id?: string } | null)?.id ?? null),
    };
  }
}

const providers = new WeakMap<object, StripeProvider | null>();

/** The configured provider (one per Env), or null when Stripe is not configured. */
export function stripeProvider(env: StripeEnv): StripeProvider | null {
  if (!providers.has(env))
    providers.set(
      env,
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? new StripeProvider(env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET, env.STRIPE_API_URL)
        : null,
    );
  return providers.get(env) ?? null;
}
