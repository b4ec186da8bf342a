// GraphQL types of purchases (what the shopper bought in one checkout) and
// orders (one seller's part of it). Money fields are built by toPurchase /
// toOrder; relations resolve through loaders (order.field-resolver.ts).
import type { Order as OrderRow, Purchase as PurchaseRow } from '@bazaar/db';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CartLineAddInput } from '../cart/cart.types.js';
import {
  MutationPayload,
  type PayloadErrorShape,
  PayloadErrorType,
} from '../../common/errors/payload.js';
import { PostalAddress } from '../../common/address/postal-address.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { Money } from '../../common/money/money.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { PaymentMethod, PaymentSession, Refund } from '../payments/payments.types.js';
import {
  OfflineOrderCodes,
  OrderCodes,
  OrderRefundCodes,
  PurchasePaymentStartCodes,
} from './orders.errors.js';

export const OrderStatus = {
  PLACED: 'PLACED',
  PAID: 'PAID',
  ACCEPTED: 'ACCEPTED',
  PACKED: 'PACKED',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesConfig: {
    PLACED: { description: 'Waiting for payment (stock reserved until paymentDueAt).' },
    PAID: { description: 'Paid; waiting for the seller to accept.' },
    DELIVERED: { description: 'Delivered, collected at the store, or handed over at the counter.' },
    COMPLETED: { description: 'Closed by the seller; the money is released to the seller.' },
  },
});

export const SalesChannel = { ONLINE: 'ONLINE', OFFLINE: 'OFFLINE' } as const;
export type SalesChannel = (typeof SalesChannel)[keyof typeof SalesChannel];
registerEnumType(SalesChannel, {
  name: 'SalesChannel',
  valuesConfig: { OFFLINE: { description: 'Placed at a store counter for a walk-in customer.' } },
});

export const Fulfilment = { DELIVERY: 'DELIVERY', PICKUP: 'PICKUP' } as const;
export type Fulfilment = (typeof Fulfilment)[keyof typeof Fulfilment];
registerEnumType(Fulfilment, { name: 'Fulfilment' });

export const OrderAction = {
  ACCEPT: 'ACCEPT',
  PACK: 'PACK',
  SHIP: 'SHIP',
  DELIVER: 'DELIVER',
  COMPLETE: 'COMPLETE',
  CANCEL: 'CANCEL',
  MARK_PAID: 'MARK_PAID',
  REFUND: 'REFUND',
} as const;
export type OrderAction = (typeof OrderAction)[keyof typeof OrderAction];
registerEnumType(OrderAction, { name: 'OrderAction' });

@ObjectType({ description: 'The address an order ships to (a snapshot taken at checkout).' })
export class OrderAddress extends PostalAddress {
  @Field(() => String)
  recipient!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType()
export class OrderLine {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String, { description: 'The product title when bought.' })
  title!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => Money, { description: 'Coupon discount allocated to this line.' })
  discount!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money, { description: 'unitPrice x quantity - discount + tax.' })
  total!: Money;

  productId!: string | null;
  offerId!: string | null;
}

@ObjectType({ description: 'One move of an order: who, when, why. from is null when created.' })
export class OrderTransition {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatus, { nullable: true })
  from!: OrderStatus | null;

  @Field(() => OrderStatus)
  to!: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Null for the system.' })
  actorName!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  at!: Date;
}

@ObjectType({ description: 'Who bought; every field null for an anonymous walk-in customer.' })
export class OrderCustomer {
  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType({ description: "One seller's part of a purchase." })
export class Order {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => ID)
  purchaseId!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => PaymentMethod)
  paymentMethod!: PaymentMethod;

  @Field(() => Boolean, { description: 'Paid (or further along), and not cancelled before.' })
  paid!: boolean;

  @Field(() => DateTimeScalar)
  placedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'PLACED orders are cancelled when unpaid by then.',
  })
  paymentDueAt!: Date | null;

  @Field(() => Fulfilment)
  fulfilment!: Fulfilment;

  @Field(() => String, { nullable: true })
  shippingMethodName!: string | null;

  @Field(() => OrderAddress, { nullable: true })
  shippingAddress!: OrderAddress | null;

  @Field(() => Money)
  itemsSubtotal!: Money;

  @Field(() => Money)
  discountTotal!: Money;

  @Field(() => Money)
  shippingFee!: Money;

  @Field(() => Money)
  taxTotal!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => Money)
  refundedTotal!: Money;

  @Field(() => String, { nullable: true })
  carrier!: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  /** The row, for field resolvers (seller, customer, lines, allowedActions...). */
  row!: OrderRow;
}

/** What a purchase (or a quote of one) adds up to: fields of Purchase and Checkout (never returned itself). */
@ObjectType()
export abstract class PurchaseTotals {
  @Field(() => Money)
  itemsSubtotal!: Money;

  @Field(() => Money)
  discountTotal!: Money;

  @Field(() => Money)
  shippingTotal!: Money;

  @Field(() => Money)
  taxTotal!: Money;

  @Field(() => Money)
  grandTotal!: Money;
}

@ObjectType({ description: 'What a shopper bought in one checkout: one order per seller.' })
export class Purchase extends PurchaseTotals {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => PaymentMethod)
  paymentMethod!: PaymentMethod;

  row!: PurchaseRow;
}

@ObjectType()
export class CategorySpending {
  /** Resolved into Category through the catalog loader. */
  categoryId!: string;

  @Field(() => Money)
  amount!: Money;
}

@InputType()
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true })
  status?: OrderStatus[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  placedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' })
  placedTo?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Pick-up store (offline orders: their store).' })
  storeId?: string | null;

  @Field(() => PaymentMethod, { nullable: true })
  paymentMethod?: PaymentMethod | null;

  @Field(() => SalesChannel, { nullable: true })
  channel?: SalesChannel | null;

  @Field(() => Int, { nullable: true })
  number?: number | null;
}

@ArgsType()
export class SellerOrdersArgs extends ConnectionArgs {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter | null;
}

@InputType()
export class OrderShipInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  carrier!: string;

  @Field(() => String)
  trackingNumber!: string;
}

@InputType()
export class OrderCancelInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '3 to 500 characters.' })
  reason!: string;
}

@InputType()
export class OrderRefundInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Minor units; at most what is left to refund.' })
  amount!: number;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: 'Client-generated, 8 to 100 characters.' })
  idempotencyKey!: string;
}

@InputType()
export class OfflineOrderInput {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => ID)
  storeId!: string;

  @Field(() => String, {
    nullable: true,
    description: "An existing account's e-mail; null = anonymous walk-in.",
  })
  customerEmail?: string | null;

  @Field(() => [CartLineAddInput])
  lines!: CartLineAddInput[];

  @Field(() => String, { description: 'Client-generated, 8 to 100 characters.' })
  idempotencyKey!: string;
}

export const PurchaseConnection = ConnectionType('Purchase', Purchase);
export const OrderConnection = ConnectionType('Order', Order);
export const OrderPayload = MutationPayload('Order', 'order', Order, OrderCodes);

const OrderRefundError = PayloadErrorType('OrderRefund', OrderRefundCodes);

@ObjectType()
export class OrderRefundPayload {
  @Field(() => Order, { nullable: true })
  order!: Order | null;

  @Field(() => Refund, { nullable: true })
  refund!: Refund | null;

  @Field(() => [OrderRefundError], { description: 'Empty when the mutation succeeded.' })
  errors!: PayloadErrorShape<string>[];
}

const OfflineOrderPlaceError = PayloadErrorType('OfflineOrderPlace', OfflineOrderCodes);

@ObjectType()
export class OfflineOrderPlacePayload {
  @Field(() => Purchase, { nullable: true })
  purchase!: Purchase | null;

  @Field(() => Order, { nullable: true })
  order!: Order | null;

  @Field(() => [OfflineOrderPlaceError], { description: 'Empty when the mutation succeeded.' })
  errors!: PayloadErrorShape<string>[];
}

export const PurchasePaymentStartPayload = MutationPayload(
  'PurchasePaymentStart',
  'payment',
  PaymentSession,
  PurchasePaymentStartCodes,
);
