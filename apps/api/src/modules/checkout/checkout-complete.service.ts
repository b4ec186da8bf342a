// checkoutComplete: the quote placed as a purchase in ONE short transaction
// (purchase row first, so a concurrent double submit waits on its unique key;
// prices re-checked; stock held per order; coupon use taken; orders, lines and
// transitions inserted in batches; payments opened; bought cart lines
// removed). A wallet payment is booked in that transaction and the orders are
// PAID at once; Stripe is called only after commit.
import { type Payment, Prisma, type Purchase as PurchaseRow } from '@bazaar/db';
import { transactionGate } from '../../common/db/transaction-gate.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import type { Context } from '../../context.js';
import { createAddress } from '../identity/address.service.js';
import { uuidv7 } from '../../common/ids/uuidv7.js';
import { StockShortError, reserveStock } from '../inventory/reservations.service.js';
import { useCoupon } from '../coupons/coupons.service.js';
import { purchasePaid } from '../orders/payment-outcomes.js';
import { toPurchase } from '../orders/orders.view.js';
import {
  PaymentError,
  WalletShortError,
  openPurchasePayments,
  startStripePayment,
} from '../payments/purchase-payments.js';
import type { PaymentSession } from '../payments/payments.types.js';
import type { CheckoutCompleteCode } from './checkout.errors.js';
import { type CheckoutLine, changedOffers } from './checkout.data.js';
import type { PricedGroup } from './checkout.pricing.js';
import { quote } from './checkout.service.js';
import type { CheckoutCompleteInput } from './checkout.types.js';

type Tx = Prisma.TransactionClient;

/** A hold outlives the payment deadline a little, so the unpaid-order job releases it first. */
export const HOLD_GRACE_MS = 2 * 60_000;

/** Thrown inside the transaction to roll it back with a checkout error. */
class Refusal extends Error {
  constructor(
    readonly code: CheckoutCompleteCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

async function findPurchase(ctx: Context, key: string): Promise<PurchaseRow | null> {
  return ctx.db.prisma.purchase.findUnique({
    where: { placedById_idempotencyKey: { placedById: ctx.session.userId!, idempotencyKey: key } },
  });
}

/** The purchase with its payment session (re-getting the Stripe client secret if needed). */
async function placed(ctx: Context, purchase: PurchaseRow, payments?: Payment[]) {
  const online =
    payments?.find((p) => p.method !== 'IN_STORE') ??
    (purchase.paymentMethod === 'IN_STORE'
      ? null
      : await ctx.db.prisma.payment.findFirst({
          where: { purchaseId: purchase.id, method: { not: 'IN_STORE' } },
        }));
  const errors = new PayloadErrors<CheckoutCompleteCode>();
  let payment: PaymentSession | null = null;
  if (online) {
    payment = {
      paymentId: online.id,
      method: online.method,
      status: online.status,
      clientSecret: null,
    };
    if (online.method === 'STRIPE' && online.status !== 'SUCCEEDED') {
      try {
        const started = await startStripePayment(ctx, online.id);
        payment = { ...payment, clientSecret: started.clientSecret, status: started.status };
      } catch (error) {
        if (!(error instanceof PaymentError)) throw error;
        ctx.log.warn({ err: error, paymentId: online.id }, 'starting the card payment failed');
        errors.add('PAYMENT_FAILED', 'The card payment could not be started; try again.');
      }
    }
  }
  return { purchase: toPurchase(purchase, ctx.locale), payment, errors: errors.list };
}

export async function completeCheckout(ctx: Context, input: CheckoutCompleteInput) {
  const errors = new PayloadErrors<CheckoutCompleteCode>();
  const fail = () => ({ purchase: null, payment: null, errors: errors.list });
  const key = input.idempotencyKey.trim();
  if (key.length < 8 || key.length > 100)
    return (
      errors.add('IDEMPOTENCY_KEY_INVALID', 'Use 8 to 100 characters.', 'idempotencyKey'),
      fail()
    );
  const q = await quote(ctx, input);
  for (const p of q.priced.problems) {
    // Short of stock at the moment of buying is OUT_OF_STOCK, as when the hold fails.
    const line = p.lineId ? q.lines.find((l) => l.lineId === p.lineId) : undefined;
    if (p.code === 'CART_HAS_WARNINGS' && line?.short && !line.withdrawn)
      errors.add('OUT_OF_STOCK', `${line.title} is out of stock.`, line.lineId);
    else errors.add(p.code, p.message, p.lineId ?? (p.sellerId ? `choices.${p.sellerId}` : null));
  }
  if (!errors.any && q.priced.grandTotal !== input.expectedGrandTotal)
    errors.add(
      'TOTAL_CHANGED',
      'The total has changed since you saw it; review the checkout.',
      'expectedGrandTotal',
    );
  if (errors.any) {
    // A retry of a purchase already placed (its cart lines are gone): answer with it.
    const existing = await findPurchase(ctx, key);
    return existing ? placed(ctx, existing) : fail();
  }

  try {
    const { purchase, payments } = await transactionGate(ctx.db, 'checkout').run(() =>
      ctx.db.prisma.$transaction((tx) => place(ctx, tx, input, key, q), {
        maxWait: 10_000,
        timeout: 20_000,
      }),
    );
    if (input.saveAddress && input.shippingAddress)
      await createAddress(ctx, input.shippingAddress).catch((err: unknown) =>
        ctx.log.warn({ err }, 'saving the checkout address failed'),
      );
    return placed(ctx, purchase, payments);
  } catch (error) {
    // A double submit: the other request placed it; answer with its purchase.
    const winner = await findPurchase(ctx, key);
    if (winner) return placed(ctx, winner);
    if (error instanceof Refusal)
      return (errors.add(error.code, error.message, error.field), fail());
    if (error instanceof StockShortError) {
      for (const offerId of error.offerIds) {
        const line = q.lines.find((l) => l.offerId === offerId);
        errors.add(
          'OUT_OF_STOCK',
          `${line?.title ?? 'An item'} is out of stock.`,
          line?.lineId ?? null,
        );
      }
      return fail();
    }
    if (error instanceof WalletShortError)
      return (
        errors.add(
          'INSUFFICIENT_FUNDS',
          'Your wallet balance does not cover this purchase.',
          'paymentMethod',
        ),
        fail()
      );
    if (isUniqueViolation(error))
      throw new Error('checkout: unique violation without a purchase', { cause: error });
    throw error;
  }
}

/** The transaction. Throws Refusal, StockShortError or WalletShortError to roll back. */
async function place(
  ctx: Context,
  tx: Tx,
  input: CheckoutCompleteInput,
  key: string,
  q: Awaited<ReturnType<typeof quote>>,
) {
  const { priced } = q;
  const userId = ctx.session.userId!;
  const currency = q.currency!;
  const now = new Date();
  const inStore = input.paymentMethod === 'IN_STORE';
  const dueAt = new Date(
    now.getTime() +
      (inStore
        ? ctx.services.env.IN_STORE_PAYMENT_HOURS * 3_600_000
        : ctx.services.env.RESERVATION_TTL_MINUTES * 60_000),
  );
  const purchase = await tx.purchase.create({
    data: {
      customerId: userId,
      placedById: userId,
      idempotencyKey: key,
      paymentMethod: input.paymentMethod,
      currency,
      itemsSubtotal: priced.itemsSubtotal,
      discountTotal: priced.discountTotal,
      shippingTotal: priced.shippingTotal,
      taxTotal: priced.taxTotal,
      grandTotal: priced.grandTotal,
      couponId: priced.coupon?.row.id ?? null,
    },
  });
  const lines = priced.groups.flatMap((g) => g.lines);
  const changed = await changedOffers(tx, lines);
  if (changed.length)
    throw new Refusal(
      'TOTAL_CHANGED',
      'A price or an item changed; review the checkout.',
      'expectedGrandTotal',
    );

  // Rows every checkout shares (a flash sale's stock level, a popular coupon,
  // sellers' and platform ledger accounts) are locked last, so they are held
  // until commit for as few statements as possible.
  const orderIds = new Map(priced.groups.map((g) => [g.sellerId, uuidv7()]));
  await insertOrders(tx, {
    purchaseId: purchase.id,
    customerId: userId,
    actorId: userId,
    channel: 'ONLINE',
    paymentMethod: input.paymentMethod,
    currency,
    dueAt,
    address: q.address,
    groups: priced.groups,
    orderIds,
  });
  await removeBoughtCartLines(tx, userId, lines);
  if (priced.coupon) {
    const used = await useCoupon(tx, {
      couponId: priced.coupon.row.id,
      purchaseId: purchase.id,
      customerId: userId,
      discount: priced.coupon.discount,
      perCustomerLimit: priced.coupon.row.perCustomerLimit,
    });
    if (!used) throw new Refusal('COUPON_USED_UP', 'This coupon has been used up.', 'couponCode');
  }
  await reserveStock(tx, {
    reference: purchase.id,
    expiresAt: new Date(dueAt.getTime() + HOLD_GRACE_MS),
    lines: lines.map((l) => ({
      offerId: l.offerId,
      quantity: l.quantity,
      reference: orderIds.get(l.sellerId)!,
    })),
  });
  // Nothing to pay (a coupon took it all) or paid from the wallet below (which
  // succeeds or rolls everything back): paid as placed.
  if (priced.grandTotal === 0 || input.paymentMethod === 'WALLET')
    await purchasePaid(tx, purchase.id);
  if (priced.grandTotal === 0) return { purchase, payments: [] as Payment[] };
  const payments = await openPurchasePayments(tx, {
    purchaseId: purchase.id,
    payerId: userId,
    method: input.paymentMethod,
    currency,
    amount: priced.grandTotal,
    orders: priced.groups.map((g) => ({
      orderId: orderIds.get(g.sellerId)!,
      sellerId: g.sellerId,
      total: g.total,
      platformDiscount: g.platformDiscount,
    })),
  });
  return { purchase, payments };
}

/** Orders, their lines and their first transitions: three batched inserts. */
export async function insertOrders(
  tx: Tx,
  input: {
    purchaseId: string;
    customerId: string | null;
    actorId: string;
    channel: 'ONLINE' | 'OFFLINE';
    paymentMethod: Payment['method'];
    currency: string;
    dueAt: Date;
    address: object | null;
    groups: readonly PricedGroup[];
    orderIds: ReadonlyMap<string, string>;
  },
) {
  await tx.order.createMany({
    data: input.groups.map((g) => ({
      id: input.orderIds.get(g.sellerId)!,
      purchaseId: input.purchaseId,
      sellerId: g.sellerId,
      customerId: input.customerId,
      channel: input.channel,
      paymentMethod: input.paymentMethod,
      fulfilment: g.fulfilment,
      shippingMethodId: g.method?.id ?? null,
      shippingMethodName: g.method?.name ?? null,
      pickupStoreId: g.store?.id ?? null,
      shippingAddress:
        g.fulfilment === 'DELIVERY' && input.address
          ? (input.address as Prisma.InputJsonValue)
          : Prisma.DbNull,
      currency: input.currency,
      itemsSubtotal: g.itemsSubtotal,
      discountTotal: g.discount,
      platformDiscount: g.platformDiscount,
      shippingFee: g.shippingFee,
      taxTotal: g.tax,
      total: g.total,
      paymentDueAt: input.dueAt,
    })),
  });
  await tx.orderLine.createMany({
    data: input.groups.flatMap((g) =>
      g.lines.map((l) => ({
        id: uuidv7(),
        orderId: input.orderIds.get(g.sellerId)!,
        offerId: l.offerId,
        productId: l.productId || null,
        categoryId: l.categoryId,
        sku: l.sku,
        title: l.title,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineSubtotal: l.lineSubtotal,
        discount: l.discount,
        taxRateBp: l.taxRateBp,
        tax: l.tax,
        total: l.total,
      })),
    ),
  });
  // The database clock, like every later move (order-transitions.ts), keeps them in order.
  await tx.$executeRaw`
    INSERT INTO order_transitions (id, order_id, from_status, to_status, actor_id, reason, created_at)
    SELECT gen_random_uuid(), id, NULL, 'PLACED', ${input.actorId}::uuid, ${
      input.channel === 'OFFLINE' ? 'placed at the counter' : 'checkout'
    }, clock_timestamp()
      FROM unnest(${[...input.orderIds.values()]}::uuid[]) AS id`;
}

/** The cart lines just bought leave the cart (lines added meanwhile stay). */
async function removeBoughtCartLines(tx: Tx, userId: string, lines: readonly CheckoutLine[]) {
  // Checkout owns this step of the cart's life; one statement, matched on line and quantity.
  await tx.$executeRaw`
    DELETE FROM cart_lines cl USING carts c
     WHERE c.id = cl.cart_id AND c.user_id = ${userId}::uuid
       AND cl.id = ANY(${lines.map((l) => l.lineId)}::uuid[])`;
}
