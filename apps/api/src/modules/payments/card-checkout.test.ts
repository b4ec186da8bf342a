// The whole card journey on the server: checkout by card, the PaymentIntent
// in the Stripe double, the webhook paying the order and selling the stock,
// whether or not the browser ever comes back.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import {
  contextFor,
  createShop,
  createShopper,
  fillCart,
  resetCheckout,
  stockOf,
} from '../../../test/checkout.js';
import { balance, expectLedgerConsistent } from '../../../test/payments.js';
import { deliver, stripeSetup } from '../../../test/stripe-flow.js';
import { completeCheckout } from '../checkout/checkout-complete.service.js';
import { checkout } from '../checkout/checkout.service.js';
import type { CheckoutCompleteInput } from '../checkout/checkout.types.js';
import { runPaymentReconciliation } from './reconciliation.job.js';

describe('card checkout', async () => {
  const { double, deps } = await stripeSetup();
  const api = await startApi(double.env);

  beforeEach(resetCheckout);

  async function cardCheckout() {
    const shop = await createShop();
    const offer = await shop.offer({ warehouse: 3 }, 2_000);
    const user = await createShopper();
    await fillCart(user.id, [{ offer, quantity: 2 }]);
    const ctx = contextFor(user.id, {}, double.env);
    const quote = await checkout(ctx, { paymentMethod: 'STRIPE' });
    expect(quote.paymentMethods).toContain('STRIPE');
    expect(quote.stripePublishableKey).toBe(double.env.STRIPE_PUBLISHABLE_KEY);
    const result = await completeCheckout(ctx, {
      paymentMethod: 'STRIPE',
      idempotencyKey: randomUUID(),
      expectedGrandTotal: quote.grandTotal.amount,
    } as CheckoutCompleteInput);
    expect(result.errors).toEqual([]);
    const payment = await db.prisma.payment.findUniqueOrThrow({
      where: { id: result.payment!.paymentId },
    });
    return { shop, offer, user, result, payment, total: quote.grandTotal.amount };
  }

  it('the webhook pays the order and sells the held stock', async () => {
    const { offer, result, payment, shop, total } = await cardCheckout();
    expect(result.payment).toMatchObject({ method: 'STRIPE', status: 'PENDING' });
    expect(result.payment!.clientSecret).toBe(
      double.intents.get(payment.providerRef!)!.client_secret,
    );
    expect(double.intents.get(payment.providerRef!)!.amount).toBe(total);
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 3, reserved: 2 });

    double.succeed(payment.providerRef!);
    await deliver(
      api.app,
      double.webhook('payment_intent.succeeded', double.intents.get(payment.providerRef!)!),
    );
    const order = await db.prisma.order.findFirstOrThrow({
      where: { purchaseId: result.purchase!.id },
    });
    expect(order.status).toBe('PAID');
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 1, reserved: 0 });
    expect(await balance('SELLER_ESCROW', { sellerId: shop.seller.id }, 'USD')).toBe(total);
    await expectLedgerConsistent();
  });

  it('without any webhook, reconciliation pays it', async () => {
    const { offer, result, payment } = await cardCheckout();
    double.succeed(payment.providerRef!);
    await runPaymentReconciliation(deps, new Date(Date.now() + 10 * 60_000));
    const order = await db.prisma.order.findFirstOrThrow({
      where: { purchaseId: result.purchase!.id },
    });
    expect(order.status).toBe('PAID');
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 1, reserved: 0 });
  });

  it('a declined card keeps the stock held for a retry; a canceled intent releases it', async () => {
    const { offer, result, payment } = await cardCheckout();
    await deliver(
      api.app,
      double.webhook('payment_intent.payment_failed', double.fail(payment.providerRef!)),
    );
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 3, reserved: 2 });
    await deliver(
      api.app,
      double.webhook('payment_intent.canceled', double.cancel(payment.providerRef!)),
    );
    const order = await db.prisma.order.findFirstOrThrow({
      where: { purchaseId: result.purchase!.id },
    });
    expect(order.status).toBe('CANCELLED');
    expect(await stockOf(offer.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
  });
});
