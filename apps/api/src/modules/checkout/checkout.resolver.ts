import type { Seller as SellerRow, Store as StoreRow } from '@bazaar/db';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authenticated } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { PurchasePaymentStartPayload } from '../orders/orders.types.js';
import { Seller, Store } from '../sellers/sellers.types.js';
import { completeCheckout } from './checkout-complete.service.js';
import { startPurchasePayment } from './purchase-payment-start.service.js';
import * as checkouts from './checkout.service.js';
import {
  Checkout,
  CheckoutCompleteInput,
  CheckoutCompletePayload,
  CheckoutGroup,
  CheckoutInput,
} from './checkout.types.js';

@Resolver()
export class CheckoutResolver {
  @Query(() => Checkout, {
    description:
      "A quote of the signed-in viewer's cart with the given choices: groups per seller, totals, problems to fix before checkoutComplete.",
  })
  @Authenticated()
  checkout(
    @Ctx() ctx: Context,
    @Arg('input', () => CheckoutInput, { nullable: true }) input?: CheckoutInput | null,
  ) {
    return checkouts.checkout(ctx, input ?? {});
  }

  @Mutation(() => CheckoutCompletePayload, {
    description:
      'Places the cart as a purchase (one order per seller), holding stock until paid. A retry with the same idempotencyKey returns the same purchase.',
  })
  @Authenticated()
  checkoutComplete(
    @Arg('input', () => CheckoutCompleteInput) input: CheckoutCompleteInput,
    @Ctx() ctx: Context,
  ) {
    return completeCheckout(ctx, input);
  }

  @Mutation(() => PurchasePaymentStartPayload, {
    description:
      "Re-gets the card payment's client secret of the viewer's unpaid purchase (retry after a declined card).",
  })
  @Authenticated()
  purchasePaymentStart(@Arg('purchaseId', () => ID) purchaseId: string, @Ctx() ctx: Context) {
    return startPurchasePayment(ctx, purchaseId);
  }
}

@Resolver(() => CheckoutGroup)
export class CheckoutGroupFieldResolver {
  @FieldResolver(() => Seller)
  async seller(@Root() group: CheckoutGroup, @Ctx() ctx: Context): Promise<SellerRow> {
    const seller = await ctx.loaders.sellers.sellerById.load(group.sellerId);
    if (!seller) throw new Error(`Seller ${group.sellerId} not found`);
    return seller;
  }

  @FieldResolver(() => [Store], { description: "The seller's stores to pick up from." })
  pickupStores(@Root() group: CheckoutGroup): StoreRow[] {
    return group.pickupStores as StoreRow[];
  }
}
