import type { Offer as OfferRow } from '@bazaar/db';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { Offer } from '../offers/offers.types.js';
import * as carts from './cart.service.js';
import {
  Cart,
  CartLine,
  CartLineAddInput,
  CartLineUpdateInput,
  CartLinesAddPayload,
  CartLinesRemovePayload,
  CartLinesUpdatePayload,
  CartPricesAcknowledgePayload,
} from './cart.types.js';

@Resolver()
export class CartResolver {
  @Query(() => Cart, {
    nullable: true,
    description:
      "The caller's cart: the signed-in user's, else the guest cart of the cookie; null when none. Public.",
  })
  @Public()
  cart(@Ctx() ctx: Context) {
    return carts.viewer(ctx);
  }

  @Mutation(() => CartLinesAddPayload, {
    description:
      "Adds offers to the caller's cart (opening one on first use; a guest gets a cookie). Public.",
  })
  @Public()
  cartLinesAdd(
    @Arg('lines', () => [CartLineAddInput]) lines: CartLineAddInput[],
    @Ctx() ctx: Context,
  ) {
    return carts.addLines(ctx, lines);
  }

  @Mutation(() => CartLinesUpdatePayload, {
    description: "Sets quantities of lines of the caller's cart; 0 removes. Public.",
  })
  @Public()
  cartLinesUpdate(
    @Arg('lines', () => [CartLineUpdateInput]) lines: CartLineUpdateInput[],
    @Ctx() ctx: Context,
  ) {
    return carts.updateLines(ctx, lines);
  }

  @Mutation(() => CartLinesRemovePayload, {
    description: "Removes lines from the caller's cart. Public.",
  })
  @Public()
  cartLinesRemove(@Arg('lineIds', () => [ID]) lineIds: string[], @Ctx() ctx: Context) {
    return carts.removeLines(ctx, lineIds);
  }

  @Mutation(() => CartPricesAcknowledgePayload, {
    description: "Accepts the current prices of every line of the caller's cart. Public.",
  })
  @Public()
  cartPricesAcknowledge(@Ctx() ctx: Context) {
    return carts.acknowledgePrices(ctx);
  }
}

@Resolver(() => CartLine)
export class CartLineFieldResolver {
  @FieldResolver(() => Offer)
  async offer(@Root() line: CartLine, @Ctx() ctx: Context): Promise<OfferRow> {
    const offer = await ctx.loaders.offers.offerById.load(line.offerId);
    if (!offer) throw new Error(`Offer ${line.offerId} of cart line ${line.id} not found`);
    return offer;
  }
}
