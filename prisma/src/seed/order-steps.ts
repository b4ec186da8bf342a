// The steps of an order's life as the API takes them (checkout-complete,
// payment-outcomes, order-actions, order-cancel, reservations.service), each
// writing the same rows, stock moves and ledger bookings, dated by the caller.
// The seed cannot import the API, so they are restated here; the seed test
// checks the result with the fault suite's invariants.
import type { Faker } from '@faker-js/faker';
import type { OrderStatus, Prisma } from '../generated/client/client.js';
import { book } from './ledger.js';

type Tx = Prisma.TransactionClient;

/** A hold outlives the payment deadline a little (the API's HOLD_GRACE_MS). */
const HOLD_GRACE_MS = 2 * 60_000;

export interface DemoLine {
  offerId: string;
  /** The stock level the line's units are held at. */
  stockLevelId: string;
  productId: string;
  categoryId: string | null;
  sku: string;
  title: string;
  unitPrice: number;
  quantity: number;
  taxRateBp: number;
}

export interface PlaceInput {
  customerId: string;
  sellerId: string;
  currency: string;
  idempotencyKey: string;
  at: Date;
  paymentDueAt: Date;
  paymentMethod: 'WALLET' | 'IN_STORE';
  delivery:
    | { fulfilment: 'DELIVERY'; method: { id: string; name: string }; fee: number; address: object }
    | { fulfilment: 'PICKUP'; storeId: string };
  lines: DemoLine[];
}

/** An order as the later steps need it. */
export interface PlacedOrder {
  id: string;
  number: number;
  purchaseId: string;
  sellerId: string;
  customerId: string;
  currency: string;
  total: number;
  status: OrderStatus;
}

/** Tax on a line's amount, rounded half-up (the API's taxFor). */
const taxOf = (amount: number, rateBp: number) => Math.floor((amount * rateBp + 5000) / 10000);

/** The amounts of an order as checkout prices them: tax per line, shipping untaxed. */
export function priceOrder(lines: readonly DemoLine[], delivery: PlaceInput['delivery']) {
  const priced = lines.map((line) => {
    const lineSubtotal = line.unitPrice * line.quantity;
    const tax = taxOf(lineSubtotal, line.taxRateBp);
    return { ...line, lineSubtotal, tax, total: lineSubtotal + tax };
  });
  const itemsSubtotal = priced.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const taxTotal = priced.reduce((sum, line) => sum + line.tax, 0);
  const shippingFee = delivery.fulfilment === 'DELIVERY' ? delivery.fee : 0;
  return {
    lines: priced,
    itemsSubtotal,
    taxTotal,
    shippingFee,
    total: itemsSubtotal + shippingFee + taxTotal,
  };
}

/**
 * Checkout: the purchase, its one order with lines and the PLACED transition,
 * and the stock held per line (reserved moves with its HELD reservation).
 */
export async function placeOrder(tx: Tx, faker: Faker, input: PlaceInput): Promise<PlacedOrder> {
  const { lines, itemsSubtotal, taxTotal, shippingFee, total } = priceOrder(
    input.lines,
    input.delivery,
  );
  const purchase = await tx.purchase.create({
    data: {
      id: faker.string.uuid(),
      customerId: input.customerId,
      placedById: input.customerId,
      idempotencyKey: input.idempotencyKey,
      paymentMethod: input.paymentMethod,
      currency: input.currency,
      itemsSubtotal,
      shippingTotal: shippingFee,
      taxTotal,
      grandTotal: total,
      createdAt: input.at,
    },
  });
  const delivery = input.delivery;
  const order = await tx.order.create({
    data: {
      id: faker.string.uuid(),
      purchaseId: purchase.id,
      sellerId: input.sellerId,
      customerId: input.customerId,
      paymentMethod: input.paymentMethod,
      fulfilment: delivery.fulfilment,
      ...(delivery.fulfilment === 'DELIVERY'
        ? {
            shippingMethodId: delivery.method.id,
            shippingMethodName: delivery.method.name,
            shippingAddress: delivery.address as Prisma.InputJsonValue,
          }
        : { pickupStoreId: delivery.storeId }),
      currency: input.currency,
      itemsSubtotal,
      shippingFee,
      taxTotal,
      total,
      paymentDueAt: input.paymentDueAt,
      placedAt: input.at,
      updatedAt: input.at,
    },
  });
  await tx.orderLine.createMany({
    data: lines.map((line) => ({
      id: faker.string.uuid(),
      orderId: order.id,
      offerId: line.offerId,
      productId: line.productId,
      categoryId: line.categoryId,
      sku: line.sku,
      title: line.title,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineSubtotal: line.lineSubtotal,
      taxRateBp: line.taxRateBp,
      tax: line.tax,
      total: line.total,
    })),
  });
  await tx.orderTransition.create({
    data: {
      id: faker.string.uuid(),
      orderId: order.id,
      toStatus: 'PLACED',
      actorId: input.customerId,
      reason: 'checkout',
      createdAt: input.at,
    },
  });
  for (const line of lines) {
    // The API's atomic conditional hold: refused when the level has too little.
    const held = await tx.$executeRaw`
      UPDATE stock_levels SET reserved = reserved + ${line.quantity}::int, updated_at = ${input.at}
       WHERE id = ${line.stockLevelId}::uuid AND (backorder OR on_hand - reserved >= ${line.quantity}::int)`;
    if (held !== 1) throw new Error(`demo order: ${line.sku} is short of stock`);
    await tx.stockReservation.create({
      data: {
        id: faker.string.uuid(),
        stockLevelId: line.stockLevelId,
        quantity: line.quantity,
        reference: order.id,
        expiresAt: new Date(input.paymentDueAt.getTime() + HOLD_GRACE_MS),
        createdAt: input.at,
      },
    });
  }
  return {
    id: order.id,
    number: order.number,
    purchaseId: purchase.id,
    sellerId: input.sellerId,
    customerId: input.customerId,
    currency: input.currency,
    total,
    status: 'PLACED',
  };
}

/** One move of the state machine, recorded as a transition. */
export async function moveOrder(
  tx: Tx,
  faker: Faker,
  order: PlacedOrder,
  to: OrderStatus,
  move: { at: Date; actorId: string | null; reason?: string; set?: Prisma.OrderUpdateInput },
): Promise<void> {
  await tx.order.update({
    where: { id: order.id, status: order.status },
    data: { ...move.set, status: to, updatedAt: move.at },
  });
  await tx.orderTransition.create({
    data: {
      id: faker.string.uuid(),
      orderId: order.id,
      fromStatus: order.status,
      toStatus: to,
      actorId: move.actorId,
      reason: move.reason ?? null,
      createdAt: move.at,
    },
  });
  order.status = to;
}

/** A payment row as the API writes it (idempotency key from its id), dated `at`. */
async function createPayment(
  tx: Tx,
  id: string,
  at: Date,
  data: Omit<
    Prisma.PaymentUncheckedCreateInput,
    'id' | 'idempotencyKey' | 'createdAt' | 'updatedAt'
  >,
): Promise<void> {
  await tx.payment.create({
    data: { ...data, id, idempotencyKey: `payment:${id}`, createdAt: at, updatedAt: at },
  });
}

/** A card top-up of the wallet that Stripe confirmed: Stripe clearing pays the wallet. */
export async function topUpWallet(
  tx: Tx,
  faker: Faker,
  input: { userId: string; amount: number; currency: string; at: Date },
): Promise<void> {
  const id = faker.string.uuid();
  await createPayment(tx, id, input.at, {
    purpose: 'WALLET_TOP_UP',
    method: 'STRIPE',
    status: 'SUCCEEDED',
    payerId: input.userId,
    amount: input.amount,
    currency: input.currency,
    providerRef: `pi_demo_${id.replaceAll('-', '')}`,
    succeededAt: input.at,
  });
  await book(tx, faker, {
    kind: 'TOP_UP',
    reference: id,
    memo: 'Card top-up',
    actorId: input.userId,
    currency: input.currency,
    at: input.at,
    entries: [
      { account: { kind: 'STRIPE_CLEARING' }, amount: -input.amount },
      { account: { kind: 'WALLET', userId: input.userId }, amount: input.amount },
    ],
  });
}

/** An IN_STORE order's payment, collected at the counter later. */
export async function openInStorePayment(
  tx: Tx,
  faker: Faker,
  order: PlacedOrder,
  at: Date,
): Promise<void> {
  await createPayment(tx, faker.string.uuid(), at, {
    purpose: 'PURCHASE',
    method: 'IN_STORE',
    purchaseId: order.purchaseId,
    orderId: order.id,
    payerId: order.customerId,
    amount: order.total,
    currency: order.currency,
  });
}

/**
 * A wallet payment at checkout: the payment succeeds, the wallet pays the
 * seller's escrow, the order becomes PAID and its held stock is sold.
 */
export async function payFromWallet(
  tx: Tx,
  faker: Faker,
  order: PlacedOrder,
  at: Date,
): Promise<void> {
  const id = faker.string.uuid();
  await createPayment(tx, id, at, {
    purpose: 'PURCHASE',
    method: 'WALLET',
    status: 'SUCCEEDED',
    purchaseId: order.purchaseId,
    payerId: order.customerId,
    amount: order.total,
    currency: order.currency,
    succeededAt: at,
  });
  await book(tx, faker, {
    kind: 'PURCHASE_PAYMENT',
    reference: id,
    memo: 'Purchase payment',
    currency: order.currency,
    at,
    entries: [
      { account: { kind: 'WALLET', userId: order.customerId }, amount: -order.total },
      { account: { kind: 'SELLER_ESCROW', sellerId: order.sellerId }, amount: order.total },
    ],
  });
  await moveOrder(tx, faker, order, 'PAID', {
    at,
    actorId: null,
    reason: 'payment succeeded',
    set: { paymentDueAt: null },
  });
  await consumeHeldStock(tx, faker, order.id, at);
}

/** HELD → CONSUMED: the units leave on-hand with the hold, a SOLD movement per level. */
async function consumeHeldStock(tx: Tx, faker: Faker, orderId: string, at: Date): Promise<void> {
  const held = await tx.stockReservation.findMany({
    where: { reference: orderId, status: 'HELD' },
    orderBy: { id: 'asc' },
  });
  for (const hold of held) {
    await tx.stockReservation.update({
      where: { id: hold.id },
      data: { status: 'CONSUMED', consumedAt: at },
    });
    const level = await tx.stockLevel.update({
      where: { id: hold.stockLevelId },
      data: {
        onHand: { decrement: hold.quantity },
        reserved: { decrement: hold.quantity },
        updatedAt: at,
      },
    });
    await tx.stockMovement.create({
      data: {
        id: faker.string.uuid(),
        stockLevelId: level.id,
        delta: -hold.quantity,
        onHandAfter: level.onHand,
        reason: 'SOLD',
        note: `Reservation ${orderId}`,
        createdAt: at,
      },
    });
  }
}

/** DELIVERED → COMPLETED: what escrow holds for the order becomes the seller's available balance. */
export async function completeOrder(
  tx: Tx,
  faker: Faker,
  order: PlacedOrder,
  move: { at: Date; actorId: string },
): Promise<void> {
  await moveOrder(tx, faker, order, 'COMPLETED', move);
  await book(tx, faker, {
    kind: 'ORDER_SETTLEMENT',
    reference: order.id,
    memo: 'Order completed',
    currency: order.currency,
    at: move.at,
    entries: [
      { account: { kind: 'SELLER_ESCROW', sellerId: order.sellerId }, amount: -order.total },
      { account: { kind: 'SELLER_AVAILABLE', sellerId: order.sellerId }, amount: order.total },
    ],
  });
}

/**
 * A paid wallet order cancelled: the sold units go back on hand (a RECEIVED
 * movement), and the whole total is refunded from escrow to the wallet.
 */
export async function cancelPaidOrder(
  tx: Tx,
  faker: Faker,
  order: PlacedOrder,
  cancel: { at: Date; actorId: string; reason: string },
): Promise<void> {
  await moveOrder(tx, faker, order, 'CANCELLED', {
    ...cancel,
    set: { cancelReason: cancel.reason, paymentDueAt: null, refundedTotal: order.total },
  });
  const sold = await tx.stockReservation.findMany({
    where: { reference: order.id, status: 'CONSUMED' },
    orderBy: { id: 'asc' },
  });
  for (const hold of sold) {
    const level = await tx.stockLevel.update({
      where: { id: hold.stockLevelId },
      data: { onHand: { increment: hold.quantity }, updatedAt: cancel.at },
    });
    await tx.stockMovement.create({
      data: {
        id: faker.string.uuid(),
        stockLevelId: level.id,
        delta: hold.quantity,
        onHandAfter: level.onHand,
        reason: 'RECEIVED',
        note: `Order #${order.number} cancelled`,
        actorId: cancel.actorId,
        createdAt: cancel.at,
      },
    });
  }
  const payment = await tx.payment.findFirstOrThrow({
    where: { purchaseId: order.purchaseId, method: 'WALLET' },
  });
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedAmount: { increment: order.total }, updatedAt: cancel.at },
  });
  const refundId = faker.string.uuid();
  await tx.refund.create({
    data: {
      id: refundId,
      paymentId: payment.id,
      orderId: order.id,
      amount: order.total,
      status: 'SUCCEEDED',
      idempotencyKey: `${order.id}:cancellation`,
      reason: cancel.reason,
      actorId: cancel.actorId,
      createdAt: cancel.at,
      updatedAt: cancel.at,
    },
  });
  await book(tx, faker, {
    kind: 'REFUND',
    reference: refundId,
    memo: cancel.reason,
    actorId: cancel.actorId,
    currency: order.currency,
    at: cancel.at,
    entries: [
      { account: { kind: 'SELLER_ESCROW', sellerId: order.sellerId }, amount: -order.total },
      { account: { kind: 'WALLET', userId: order.customerId }, amount: order.total },
    ],
  });
}
