// One contract, two Stripes: the provider's calls against the local double
// (always) and against Stripe's real test mode when STRIPE_SECRET_KEY is set
// in the test environment (with STRIPE_WEBHOOK_SECRET; skipped otherwise).
// Real Stripe confirms with the test card pm_card_visa; the double is told to.
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { type StripeDouble, startStripeDouble } from '../../../test/stripe-double.js';
import { loadEnv } from '../../env.js';
import { paymentStatusOf, refundStatusOf } from './payment-provider.js';
import { StripeProvider } from './stripe.provider.js';

const testEnv = loadEnv();
const realKey = testEnv.STRIPE_SECRET_KEY;
let double: StripeDouble | null = null;
afterAll(async () => {
  await double?.close();
});

interface Target {
  name: string;
  skip: boolean;
  make: () => Promise<{
    provider: StripeProvider;
    webhookSecret: string;
    /** Pays the intent with a card that works. */
    pay: (intentId: string) => Promise<void>;
  }>;
}

const TARGETS: Target[] = [
  {
    name: 'local double',
    skip: false,
    make: async () => {
      double ??= await startStripeDouble();
      const env = double.env;
      return {
        provider: new StripeProvider(
          env.STRIPE_SECRET_KEY,
          env.STRIPE_WEBHOOK_SECRET,
          env.STRIPE_API_URL,
        ),
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        pay: async (id) => void double!.succeed(id),
      };
    },
  },
  {
    name: realKey
      ? 'Stripe test mode'
      : 'Stripe test mode (skipped: set STRIPE_SECRET_KEY=sk_test_... and STRIPE_WEBHOOK_SECRET to run it)',
    skip: !realKey,
    make: async () => {
      const stripe = new Stripe(realKey!);
      const secret = testEnv.STRIPE_WEBHOOK_SECRET ?? 'whsec_contract';
      return {
        provider: new StripeProvider(realKey!, secret, testEnv.STRIPE_API_URL),
        webhookSecret: secret,
        pay: async (id) => {
          await stripe.paymentIntents.confirm(id, {
            payment_method: 'pm_card_visa',
            return_url: 'https://example.com/return',
          });
        },
      };
    },
  },
];

describe.each(TARGETS)('Stripe provider contract: $name', ({ skip, make }) => {
  const run = skip ? it.skip : it;
  const unique = `contract-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  run('creates, re-reads and pays an intent; the same key gives the same intent', async () => {
    const { provider, pay } = await make();
    const input = {
      amount: 1_234,
      currency: 'EUR',
      idempotencyKey: `${unique}-pi`,
      metadata: { paymentId: 'contract' },
    };
    const created = await provider.createPaymentIntent(input);
    expect(created).toMatchObject({
      amount: 1_234,
      currency: 'EUR',
      status: 'requires_payment_method',
      metadata: { paymentId: 'contract' },
    });
    expect(created.clientSecret).toMatch(new RegExp(`^${created.id}_secret_`));
    expect(paymentStatusOf(created)).toBe('PENDING');
    expect((await provider.createPaymentIntent(input)).id).toBe(created.id);
    await expect(provider.createPaymentIntent({ ...input, amount: 999 })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
    });

    await pay(created.id);
    const paid = await provider.retrievePaymentIntent(created.id);
    expect(paymentStatusOf(paid)).toBe('SUCCEEDED');

    const refund = await provider.createRefund({
      paymentIntentId: created.id,
      amount: 234,
      idempotencyKey: `${unique}-re`,
      metadata: { refundId: 'contract' },
    });
    expect(refund).toMatchObject({ amount: 234, paymentIntentId: created.id });
    expect(refundStatusOf(refund)).toBe('SUCCEEDED');
    const same = await provider.createRefund({
      paymentIntentId: created.id,
      amount: 234,
      idempotencyKey: `${unique}-re`,
      metadata: { refundId: 'contract' },
    });
    expect(same.id).toBe(refund.id);
    expect((await provider.retrieveRefund(refund.id)).id).toBe(refund.id);
    await expect(
      provider.createRefund({
        paymentIntentId: created.id,
        amount: 1_001,
        idempotencyKey: `${unique}-re-too-much`,
        metadata: {},
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  run('cancels an unpaid intent; a paid one cannot be cancelled', async () => {
    const { provider, pay } = await make();
    const input = { amount: 999, currency: 'EUR', metadata: { paymentId: 'contract-cancel' } };
    const open = await provider.createPaymentIntent({ ...input, idempotencyKey: `${unique}-c1` });
    const canceled = await provider.cancelPaymentIntent(open.id);
    expect(canceled).toMatchObject({ id: open.id, status: 'canceled' });
    expect(paymentStatusOf(canceled)).toBe('CANCELED');
    const paid = await provider.createPaymentIntent({ ...input, idempotencyKey: `${unique}-c2` });
    await pay(paid.id);
    await expect(provider.cancelPaymentIntent(paid.id)).rejects.toMatchObject({ statusCode: 400 });
    expect((await provider.retrievePaymentIntent(paid.id)).status).toBe('succeeded');
  });

  run('retrieving an unknown intent fails with 404', async () => {
    const { provider } = await make();
    await expect(provider.retrievePaymentIntent('pi_doesnotexist000')).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  run('verifies webhook signatures over the raw body', async () => {
    const { provider, webhookSecret } = await make();
    const payload = JSON.stringify({
      id: 'evt_contract',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_contract', object: 'payment_intent' } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    expect(provider.verifyWebhook(Buffer.from(payload), signature)).toEqual({
      id: 'evt_contract',
      type: 'payment_intent.succeeded',
      objectId: 'pi_contract',
      paymentIntentId: 'pi_contract',
    });
    expect(() => provider.verifyWebhook(Buffer.from(`${payload} `), signature)).toThrow();
  });
});
