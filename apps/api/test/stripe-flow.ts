// Stripe payments in tests: the local double, an Env pointing at it, and a
// purchase paid by card up to the created PaymentIntent.
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { type Env, loadEnv } from '../src/env.js';
import type { PaymentDeps } from '../src/modules/payments/payment-deps.js';
import {
  openPurchasePayments,
  startStripePayment,
} from '../src/modules/payments/purchase-payments.js';
import { db } from './api.js';
import { type OrderSpec, createPurchase, tx } from './payments.js';
import { type StripeDouble, startStripeDouble } from './stripe-double.js';

export async function stripeSetup(): Promise<{
  double: StripeDouble;
  env: Env;
  deps: PaymentDeps;
}> {
  const double = await startStripeDouble();
  afterAll(() => double.close());
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...double.env });
  const log = { warn: () => {}, error: () => {}, info: () => {}, debug: () => {} } as never;
  return { double, env, deps: { db, env, log } };
}

/** A purchase paid by card: PENDING payment with its PaymentIntent created in the double. */
export async function cardPurchase(env: Env, customerId: string, orders: OrderSpec[]) {
  const p = await createPurchase({ customerId, method: 'STRIPE', orders });
  const [payment] = await tx((t) =>
    openPurchasePayments(t, {
      purchaseId: p.purchase.id,
      payerId: customerId,
      method: 'STRIPE',
      currency: p.currency,
      amount: p.amount,
      orders: p.shares,
    }),
  );
  const session = await startStripePayment({ db, services: { env } as never }, payment!.id);
  const stored = await db.prisma.payment.findUniqueOrThrow({ where: { id: payment!.id } });
  return {
    ...p,
    payment: stored,
    clientSecret: session.clientSecret,
    intentId: stored.providerRef!,
  };
}

/** Delivers a signed webhook to the server, as Stripe does. */
export async function deliver(app: FastifyInstance, hook: { payload: string; signature: string }) {
  const response = await app.inject({
    method: 'POST',
    url: '/webhooks/stripe',
    headers: { 'content-type': 'application/json', 'stripe-signature': hook.signature },
    payload: hook.payload,
  });
  return response.statusCode;
}
