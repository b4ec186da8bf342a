// The GraphQL types of the cart. A Cart is built by the service from its row,
// its lines and each line's offer re-validated (cart.service.ts viewCart).
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { Money } from '../../common/money/money.js';
import {
  CartLineWarningCode,
  CartLinesAddCodes,
  CartLinesRemoveCodes,
  CartLinesUpdateCodes,
  CartPricesAcknowledgeCodes,
} from './cart.errors.js';

/** At most this many lines per mutation. */
export const MAX_LINES_PER_CALL = 50;
/** At most this many lines in one cart. */
export const MAX_LINES_PER_CART = 100;
export const MAX_QUANTITY = 99;

registerEnumType(CartLineWarningCode, {
  name: 'CartLineWarningCode',
  valuesConfig: {
    PRICE_CHANGED: { description: 'The price differs from the one last seen (previousPrice).' },
    OUT_OF_STOCK: { description: 'None available; the line cannot be bought now.' },
    QUANTITY_REDUCED_AVAILABLE: {
      description: 'Fewer available than asked (availableQuantity); lower the quantity to buy.',
    },
    OFFER_WITHDRAWN: { description: 'The offer or its product is no longer sold.' },
  },
});

@ObjectType({ description: 'Something changed about a line since it was added.' })
export class CartLineWarning {
  @Field(() => CartLineWarningCode)
  code!: CartLineWarningCode;

  @Field(() => String)
  message!: string;

  @Field(() => Boolean, {
    description: 'True when the line cannot be bought as it is (left out of the subtotal).',
  })
  blocking!: boolean;

  @Field(() => Money, { nullable: true, description: 'PRICE_CHANGED: the price last seen.' })
  previousPrice!: Money | null;

  @Field(() => Int, {
    nullable: true,
    description: 'OUT_OF_STOCK and QUANTITY_REDUCED_AVAILABLE: how many are available.',
  })
  availableQuantity!: number | null;
}

@ObjectType()
export class CartLine {
  @Field(() => ID)
  id!: string;

  /** Resolved into Offer through the offers loaders. */
  offerId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'The current price of one unit.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'unitPrice x quantity.' })
  lineTotal!: Money;

  @Field(() => [CartLineWarning])
  warnings!: CartLineWarning[];

  @Field(() => DateTimeScalar)
  addedAt!: Date;
}

@ObjectType({ description: "The shopper's cart, re-validated against current prices and stock." })
export class Cart {
  @Field(() => ID)
  id!: string;

  @Field(() => [CartLine], { description: 'Oldest first.' })
  lines!: CartLine[];

  @Field(() => Money, {
    nullable: true,
    description: 'Sum of the lines without a blocking warning; null while the cart is empty.',
  })
  subtotal!: Money | null;

  @Field(() => Int, { description: 'Sum of the quantities of every line.' })
  itemCount!: number;
}

@InputType()
export class CartLineAddInput {
  @Field(() => ID)
  offerId!: string;

  @Field(() => Int, { description: '1 to 99; adds to the quantity already in the cart.' })
  quantity!: number;
}

@InputType()
export class CartLineUpdateInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => Int, { description: '0 to 99; 0 removes the line.' })
  quantity!: number;
}

export const CartLinesAddPayload = MutationPayload('CartLinesAdd', 'cart', Cart, CartLinesAddCodes);
export const CartLinesUpdatePayload = MutationPayload(
  'CartLinesUpdate',
  'cart',
  Cart,
  CartLinesUpdateCodes,
);
export const CartLinesRemovePayload = MutationPayload(
  'CartLinesRemove',
  'cart',
  Cart,
  CartLinesRemoveCodes,
);
export const CartPricesAcknowledgePayload = MutationPayload(
  'CartPricesAcknowledge',
  'cart',
  Cart,
  CartPricesAcknowledgeCodes,
);
