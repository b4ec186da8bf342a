import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { signIn } from '../../../test/accounts.js';
import {
  createShop,
  createShopper,
  fillCart,
  resetCheckout,
  stockOf,
} from '../../../test/checkout.js';
import { deliver, stripeSetup } from '../../../test/stripe-flow.js';
import { runUnpaidOrderExpiry } from '../orders/unpaid-expiry.job.js';

const CHECKOUT = `query($input: CheckoutInput) { checkout(input: $input) {
  currency paymentMethods stripePublishableKey grandTotal { amount } problems { code }
  groups { seller { slug } fulfilment lines { id quantity } shippingMethodId pickupStores { id }
    deliveryOptions { shippingMethod { name } fee { amount } minDays maxDays } total { amount } }
} }`;
const COMPLETE = `mutation($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) {
  purchase { id paymentMethod paymentStatus grandTotal { amount } orders { id status paymentDueAt allowedActions } }
  payment { paymentId method status clientSecret }
  errors { code field message }
} }`;

describe('checkout by card through the API (Stripe double)', async () => {
  const { double } = await stripeSetup();
  const api = await startApi(double.env);
  await resetCheckout();
  const a = await createShop('card-a');
  const b = await createShop('card-b');

  async function cartOfTwo(email: string) {
    const offerA = await a.offer({ warehouse: 3 }, 2_500);
    const offerB = await b.offer({ warehouse: 3 }, 1_200);
    const user = await createShopper(0, email);
    await fillCart(user.id, [
      { offer: offerA, quantity: 1 },
      { offer: offerB, quantity: 2 },
    ]);
    const client = await signIn(api, email);
    const quote = (await client.graphql(CHECKOUT, { input: { paymentMethod: 'STRIPE' } })).data!
      .checkout;
    const placed = (
      await client.graphql(COMPLETE, {
        input: {
          paymentMethod: 'STRIPE',
          idempotencyKey: randomUUID(),
          expectedGrandTotal: quote.grandTotal.amount,
        },
      })
    ).data!.checkoutComplete;
    return { client, quote, placed, offerA, offerB };
  }

  it('quotes, places PLACED orders with stock held, and the webhook pays them', async () => {
    const { client, quote, placed, offerA } = await cartOfTwo('card1@checkout.test');
    expect(quote).toMatchObject({
      currency: 'USD',
      paymentMethods: ['STRIPE', 'WALLET'],
      stripePublishableKey: double.env.STRIPE_PUBLISHABLE_KEY,
      problems: [],
    });
    expect(
      quote.groups.map((g: any) => [
        g.seller.slug,
        g.lines.length,
        g.deliveryOptions[0].shippingMethod.name,
      ]),
    ).toEqual([
      ['card-a', 1, 'Standard'],
      ['card-b', 1, 'Standard'],
    ]);
    expect(placed.errors).toEqual([]);
    expect(placed.payment).toMatchObject({ method: 'STRIPE', status: 'PENDING' });
    expect(placed.payment.clientSecret).toMatch(/_secret_/);
    expect(placed.purchase.orders.map((o: any) => [o.status, o.allowedActions])).toEqual([
      ['PLACED', ['CANCEL']],
      ['PLACED', ['CANCEL']],
    ]);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 3, reserved: 1 });
    const restart = await client.graphql(
      `mutation($id: ID!) { purchasePaymentStart(purchaseId: $id) { payment { clientSecret } errors { code } } }`,
      { id: placed.purchase.id },
    );
    expect(restart.data!.purchasePaymentStart.payment.clientSecret).toBe(
      placed.payment.clientSecret,
    );

    const payment = await db.prisma.payment.findUniqueOrThrow({
      where: { id: placed.payment.paymentId },
    });
    const intent = double.succeed(payment.providerRef!);
    expect(await deliver(api.app, double.webhook('payment_intent.succeeded', intent))).toBe(200);
    const orders = await db.prisma.order.findMany({ where: { purchaseId: placed.purchase.id } });
    expect(orders.map((o) => o.status)).toEqual(['PAID', 'PAID']);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('a canceled PaymentIntent cancels the orders and releases the stock', async () => {
    const { placed, offerB } = await cartOfTwo('card2@checkout.test');
    expect(await stockOf(offerB.levelIds[0]!)).toEqual({ onHand: 3, reserved: 2 });
    const payment = await db.prisma.payment.findUniqueOrThrow({
      where: { id: placed.payment.paymentId },
    });
    const intent = double.cancel(payment.providerRef!);
    expect(await deliver(api.app, double.webhook('payment_intent.canceled', intent))).toBe(200);
    const orders = await db.prisma.order.findMany({ where: { purchaseId: placed.purchase.id } });
    expect(orders.map((o) => o.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await stockOf(offerB.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('the shopper cancels an unpaid card purchase: every order of it, stock released', async () => {
    const { client, placed, offerA } = await cartOfTwo('card3@checkout.test');
    const result = await client.graphql(
      `mutation($input: OrderCancelInput!) { orderCancel(input: $input) { order { status cancelReason } errors { code } } }`,
      { input: { id: placed.purchase.orders[0].id, reason: 'found it cheaper' } },
    );
    expect(result.data!.orderCancel).toEqual({
      order: { status: 'CANCELLED', cancelReason: 'found it cheaper' },
      errors: [],
    });
    const orders = await db.prisma.order.findMany({ where: { purchaseId: placed.purchase.id } });
    expect(orders.map((o) => o.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('an unpaid card purchase expires after the reservation TTL; a late payment is then refunded', async () => {
    const { placed, offerA } = await cartOfTwo('card4@checkout.test');
    expect(await runUnpaidOrderExpiry(db.prisma, new Date(Date.now() + 5 * 60_000))).toBe(0);
    expect(await runUnpaidOrderExpiry(db.prisma, new Date(Date.now() + 16 * 60_000))).toBe(2);
    const orders = await db.prisma.order.findMany({ where: { purchaseId: placed.purchase.id } });
    expect(orders.map((o) => [o.status, o.cancelReason])).toEqual([
      ['CANCELLED', 'payment not received in time'],
      ['CANCELLED', 'payment not received in time'],
    ]);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    const payment = await db.prisma.payment.findUniqueOrThrow({
      where: { id: placed.payment.paymentId },
    });
    const intent = double.succeed(payment.providerRef!);
    expect(await deliver(api.app, double.webhook('payment_intent.succeeded', intent))).toBe(200);
    expect(
      (await db.prisma.order.findMany({ where: { purchaseId: placed.purchase.id } })).map(
        (o) => o.status,
      ),
    ).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await stockOf(offerA.levelIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    expect(await db.prisma.refund.count({ where: { paymentId: payment.id } })).toBeGreaterThan(0);
  });
});
