// Stripe's webhook: POST /webhooks/stripe with the raw body (the signature is
// over its exact bytes, so this route alone skips JSON parsing). An event is
// recorded in webhook_events in the same transaction as its effect: a replay
// finds it and changes nothing. The objects are re-read from Stripe before
// the transaction opens (no row lock waits on the network), so the current
// state is applied whatever order events arrive in.
//
// Events to enable: payment_intent.succeeded, payment_intent.payment_failed,
// payment_intent.canceled, payment_intent.requires_action, charge.refunded,
// refund.created, refund.updated, refund.failed (charge.refund.updated).
import type { FastifyInstance } from 'fastify';
import type { PaymentDeps } from './payment-deps.js';
import { applyIntent } from './payment-events.js';
import type { ProviderEvent, ProviderIntent, ProviderRefund } from './payment-provider.js';
import { applyProviderRefund, sendRefunds } from './refunds.service.js';
import { stripeProvider } from './stripe.provider.js';

const MAX_BODY = 1024 * 1024;

/** Fetches the event's objects, then records the event and applies them in one transaction. */
export async function handleStripeEvent(deps: PaymentDeps, event: ProviderEvent): Promise<void> {
  const provider = stripeProvider(deps.env);
  if (!provider) return;
  const prisma = deps.db.prisma;
  const seen = await prisma.webhookEvent.findUnique({
    where: { provider_eventId: { provider: 'stripe', eventId: event.id } },
  });
  if (seen) return;

  let intent: ProviderIntent | null = null;
  const refunds: { id: string; remote: ProviderRefund }[] = [];
  if (event.type.startsWith('payment_intent.')) {
    intent = await provider.retrievePaymentIntent(event.objectId);
  } else if (event.type.startsWith('refund.') || event.type === 'charge.refund.updated') {
    const remote = await provider.retrieveRefund(event.objectId);
    const local = await prisma.refund.findFirst({
      where: {
        OR: [
          { providerRef: remote.id },
          ...(remote.metadata['refundId'] ? [{ id: remote.metadata['refundId'] }] : []),
        ],
      },
      select: { id: true },
    });
    if (local) refunds.push({ id: local.id, remote });
  } else if (event.type === 'charge.refunded' && event.paymentIntentId) {
    const pending = await prisma.refund.findMany({
      where: {
        status: 'PENDING',
        providerRef: { not: null },
        payment: { providerRef: event.paymentIntentId },
      },
      select: { id: true, providerRef: true },
    });
    for (const refund of pending)
      refunds.push({ id: refund.id, remote: await provider.retrieveRefund(refund.providerRef!) });
  }

  const toSend = await prisma.$transaction(async (tx) => {
    const recorded = await tx.$executeRaw`
      INSERT INTO webhook_events (provider, event_id, type) VALUES ('stripe', ${event.id}, ${event.type})
      ON CONFLICT DO NOTHING`;
    if (!recorded) return [];
    for (const refund of refunds) await applyProviderRefund(tx, refund.id, refund.remote);
    return intent ? applyIntent(tx, intent) : [];
  });
  await sendRefunds(deps, toSend);
}

export async function registerStripeWebhook(
  app: FastifyInstance,
  deps: PaymentDeps,
): Promise<void> {
  await app.register(async (scope) => {
    // This scope only: keep the body as bytes for the signature check.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_BODY },
      (_request, body, done) => done(null, body),
    );
    scope.post('/webhooks/stripe', async (request, reply) => {
      const provider = stripeProvider(deps.env);
      if (!provider)
        return reply
          .code(404)
          .send({ code: 'NOT_CONFIGURED', message: 'Stripe is not configured.' });
      const signature = request.headers['stripe-signature'];
      const body = request.body;
      if (typeof signature !== 'string' || !Buffer.isBuffer(body))
        return reply
          .code(400)
          .send({ code: 'BAD_REQUEST', message: 'Send the raw event with Stripe-Signature.' });
      let event: ProviderEvent;
      try {
        event = provider.verifyWebhook(body, signature);
      } catch {
        return reply
          .code(400)
          .send({ code: 'BAD_SIGNATURE', message: 'The signature does not match.' });
      }
      try {
        await handleStripeEvent(deps, event);
      } catch (error) {
        // Nothing was recorded: Stripe delivers the event again later.
        request.log.error({ err: error, eventId: event.id }, 'Stripe event not applied');
        return reply.code(500).send({ code: 'RETRY_LATER', message: 'Try again later.' });
      }
      return reply.code(200).send({ received: true });
    });
  });
}
