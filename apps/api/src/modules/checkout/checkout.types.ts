// The GraphQL types of checkout: a quote of the viewer's cart (query
// `checkout`) and its completion into a purchase (checkoutComplete).
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PayloadErrorType, type PayloadErrorShape } from '../../common/errors/payload.js';
import { Money } from '../../common/money/money.js';
import { CartLine } from '../cart/cart.types.js';
import { ShippingMethod } from '../delivery/delivery.types.js';
import { AddressInput } from '../identity/identity.types.js';
import { Fulfilment, Purchase, PurchaseTotals } from '../orders/orders.types.js';
import { PaymentMethod, PaymentSession } from '../payments/payments.types.js';
import { CheckoutCompleteCodes, CheckoutProblemCode } from './checkout.errors.js';

registerEnumType(CheckoutProblemCode, { name: 'CheckoutProblemCode' });

@InputType()
export class CheckoutSellerChoice {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => Fulfilment)
  fulfilment!: Fulfilment;

  @Field(() => ID, { nullable: true, description: 'DELIVERY: default the cheapest that ships.' })
  shippingMethodId?: string | null;

  @Field(() => ID, { nullable: true, description: "PICKUP: one of the seller's stores." })
  pickupStoreId?: string | null;
}

@InputType()
export class CheckoutInput {
  @Field(() => ID, { nullable: true, description: "From the viewer's address book." })
  shippingAddressId?: string | null;

  @Field(() => AddressInput, {
    nullable: true,
    description: 'A new address. With neither, the default address of the book is used.',
  })
  shippingAddress?: AddressInput | null;

  @Field(() => [CheckoutSellerChoice], {
    nullable: true,
    description: 'Per seller; default: delivery by the cheapest method that ships there.',
  })
  choices?: CheckoutSellerChoice[] | null;

  @Field(() => String, { nullable: true })
  couponCode?: string | null;

  @Field(() => PaymentMethod, { nullable: true })
  paymentMethod?: PaymentMethod | null;
}

@InputType()
export class CheckoutCompleteInput extends CheckoutInput {
  @Field(() => PaymentMethod)
  declare paymentMethod: PaymentMethod;

  @Field(() => String, {
    description:
      'Client-generated (a uuid), 8 to 100 characters: a retry returns the same purchase.',
  })
  idempotencyKey!: string;

  @Field(() => Int, {
    description: 'The grand total (minor units) the shopper saw; a different total: TOTAL_CHANGED.',
  })
  expectedGrandTotal!: number;

  @Field(() => Boolean, { nullable: true, description: 'Add the new address to the address book.' })
  saveAddress?: boolean | null;
}

@ObjectType()
export class DeliveryOption {
  @Field(() => ShippingMethod)
  shippingMethod!: object;

  @Field(() => Money)
  fee!: Money;

  @Field(() => Int)
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;
}

@ObjectType({ description: "One seller's part of the checkout (becomes one order)." })
export class CheckoutGroup {
  sellerId!: string;

  @Field(() => [CartLine])
  lines!: CartLine[];

  @Field(() => Fulfilment)
  fulfilment!: Fulfilment;

  @Field(() => [DeliveryOption], { description: "Methods that ship to the address's country." })
  deliveryOptions!: DeliveryOption[];

  /** Store rows; resolved as Store. */
  pickupStores!: object[];

  @Field(() => ID, { nullable: true })
  shippingMethodId!: string | null;

  @Field(() => ID, { nullable: true })
  pickupStoreId!: string | null;

  @Field(() => Money)
  itemsSubtotal!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  shippingFee!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money)
  total!: Money;
}

@ObjectType()
export class CheckoutProblem {
  @Field(() => CheckoutProblemCode)
  code!: CheckoutProblemCode;

  @Field(() => String)
  message!: string;

  @Field(() => ID, { nullable: true })
  sellerId!: string | null;

  @Field(() => ID, { nullable: true })
  lineId!: string | null;
}

@ObjectType()
export class AppliedCoupon {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Money)
  discount!: Money;
}

@ObjectType({ description: "A quote of the viewer's cart: what checkoutComplete would place." })
export class Checkout extends PurchaseTotals {
  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => [CheckoutGroup])
  groups!: CheckoutGroup[];

  @Field(() => AppliedCoupon, { nullable: true })
  coupon!: AppliedCoupon | null;

  @Field(() => [CheckoutProblem], { description: 'Empty when checkoutComplete can succeed.' })
  problems!: CheckoutProblem[];

  @Field(() => [PaymentMethod], {
    description: 'STRIPE when configured; WALLET; IN_STORE only when every group is PICKUP.',
  })
  paymentMethods!: PaymentMethod[];

  @Field(() => Money, { nullable: true, description: "The viewer's wallet in the cart currency." })
  walletBalance!: Money | null;

  @Field(() => String, { nullable: true })
  stripePublishableKey!: string | null;
}

const CheckoutCompleteError = PayloadErrorType('CheckoutComplete', CheckoutCompleteCodes);

@ObjectType()
export class CheckoutCompletePayload {
  @Field(() => Purchase, { nullable: true })
  purchase!: Purchase | null;

  @Field(() => PaymentSession, {
    nullable: true,
    description: 'STRIPE: confirm with Stripe.js using clientSecret.',
  })
  payment!: PaymentSession | null;

  @Field(() => [CheckoutCompleteError], { description: 'Empty when the purchase was placed.' })
  errors!: PayloadErrorShape<string>[];
}
