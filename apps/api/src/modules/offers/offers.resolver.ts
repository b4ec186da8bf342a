import type {
  Offer as OfferRow,
  PriceHistory as PriceHistoryRow,
  PriceSchedule as PriceScheduleRow,
  Product as ProductRow,
  Variant as VariantRow,
} from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Allow } from '../../common/auth/access.js';
import { can } from '../../common/auth/session.js';
import { Money, money } from '../../common/money/money.js';
import {
  ConnectionArgs,
  connectionFromRows,
  decodeCursor,
  isTimeIdKey,
} from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import { Product, Variant } from '../catalog/catalog.types.js';
import { Seller } from '../sellers/sellers.types.js';
import * as offerPrices from './offer-prices.service.js';
import * as offerQueries from './offer-query.service.js';
import * as offers from './offers.service.js';
import {
  Offer,
  OfferConnection,
  OfferCreateInput,
  OfferCreatePayload,
  OfferPricesBulkUpdateInput,
  OfferPricesBulkUpdatePayload,
  OfferUpdateInput,
  OfferUpdatePayload,
  PriceChange,
  PriceHistoryConnection,
  PriceRange,
  PriceSchedule,
  PriceScheduleCancelPayload,
  PriceScheduleCreateInput,
  PriceScheduleCreatePayload,
  PriceScheduleState,
  SellerOffersArgs,
} from './offers.types.js';

@Resolver()
export class OffersResolver {
  @Query(() => OfferConnection, { description: 'products:read for the seller.' })
  @Allow(Permission.PRODUCTS_READ)
  sellerOffers(@Args(() => SellerOffersArgs) args: SellerOffersArgs, @Ctx() ctx: Context) {
    return offerQueries.listSellerOffers(ctx, args);
  }

  @Query(() => Offer, {
    nullable: true,
    description:
      "products:read for the offer's seller: one offer in any status (the back-office offer page); null when unknown.",
  })
  @Allow(Permission.PRODUCTS_READ)
  offer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return offerQueries.findOffer(ctx, id);
  }

  @Mutation(() => OfferCreatePayload, { description: 'offers:manage for input.sellerId.' })
  @Allow(Permission.OFFERS_MANAGE)
  offerCreate(@Arg('input', () => OfferCreateInput) input: OfferCreateInput, @Ctx() ctx: Context) {
    return offers.createOffer(ctx, input);
  }

  @Mutation(() => OfferUpdatePayload)
  @Allow(Permission.OFFERS_MANAGE)
  offerUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => OfferUpdateInput) input: OfferUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return offers.updateOffer(ctx, id, input);
  }

  @Mutation(() => OfferPricesBulkUpdatePayload)
  @Allow(Permission.OFFERS_MANAGE)
  offerPricesBulkUpdate(
    @Arg('input', () => OfferPricesBulkUpdateInput) input: OfferPricesBulkUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return offerPrices.bulkUpdatePrices(ctx, input);
  }

  @Mutation(() => PriceScheduleCreatePayload)
  @Allow(Permission.OFFERS_MANAGE)
  priceScheduleCreate(
    @Arg('input', () => PriceScheduleCreateInput) input: PriceScheduleCreateInput,
    @Ctx() ctx: Context,
  ) {
    return offerPrices.createSchedule(ctx, input);
  }

  @Mutation(() => PriceScheduleCancelPayload)
  @Allow(Permission.OFFERS_MANAGE)
  priceScheduleCancel(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return offerPrices.cancelSchedule(ctx, id);
  }
}

@Resolver(() => Offer)
export class OfferFieldResolver {
  @FieldResolver(() => Seller)
  async seller(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    return ctx.loaders.sellers.sellerById.load(offer.sellerId);
  }

  @FieldResolver(() => Variant)
  variant(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.variantById.load(offer.variantId);
  }

  @FieldResolver(() => Product)
  async product(@Root() offer: OfferRow & { productId?: string }, @Ctx() ctx: Context) {
    const productId =
      offer.productId ?? (await ctx.loaders.catalog.variantById.load(offer.variantId))?.productId;
    return productId ? ctx.loaders.catalog.productById.load(productId) : null;
  }

  @FieldResolver(() => Money)
  price(@Root() offer: OfferRow, @Ctx() ctx: Context): Money {
    return money(offer.price, offer.currency, ctx.locale);
  }

  @FieldResolver(() => Money, { nullable: true })
  compareAtPrice(@Root() offer: OfferRow, @Ctx() ctx: Context): Money | null {
    return offer.compareAtPrice === null
      ? null
      : money(offer.compareAtPrice, offer.currency, ctx.locale);
  }

  @FieldResolver(() => PriceHistoryConnection, {
    description: 'Seller staff only (products:read); newest first.',
  })
  async priceHistory(
    @Root() offer: OfferRow,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    const empty = () => Promise.resolve(0);
    if (!can(ctx.session, Permission.PRODUCTS_READ, offer.sellerId))
      return connectionFromRows<PriceHistoryRow>([], args, { cursorOf: () => null, count: empty });
    const after = args.after ? decodeCursor(args.after, isTimeIdKey) : null;
    const rows = await ctx.loaders.offers.priceHistoryPage.load({
      offerId: offer.id,
      limit: args.first + 1,
      after: after ? { changedAt: new Date(after[0]), id: after[1] } : null,
    });
    return connectionFromRows(rows, args, {
      cursorOf: (row) => [row.changedAt.toISOString(), row.id],
      count: () => ctx.loaders.offers.priceHistoryCount.load(offer.id),
    });
  }

  @FieldResolver(() => [PriceSchedule], {
    description: 'Seller staff only (products:read): pending and running schedules.',
  })
  priceSchedules(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    if (!can(ctx.session, Permission.PRODUCTS_READ, offer.sellerId)) return [];
    return ctx.loaders.offers.openSchedulesByOffer.load(offer.id);
  }
}

@Resolver(() => PriceChange)
export class PriceChangeFieldResolver {
  @FieldResolver(() => Money)
  price(@Root() change: PriceHistoryRow, @Ctx() ctx: Context): Money {
    return money(change.price, change.currency, ctx.locale);
  }

  @FieldResolver(() => Money, { nullable: true })
  compareAtPrice(@Root() change: PriceHistoryRow, @Ctx() ctx: Context): Money | null {
    return change.compareAtPrice === null
      ? null
      : money(change.compareAtPrice, change.currency, ctx.locale);
  }
}

@Resolver(() => PriceSchedule)
export class PriceScheduleFieldResolver {
  private async currency(schedule: PriceScheduleRow, ctx: Context) {
    return (await ctx.loaders.offers.offerById.load(schedule.offerId))?.currency ?? 'USD';
  }

  @FieldResolver(() => Money)
  async price(@Root() schedule: PriceScheduleRow, @Ctx() ctx: Context): Promise<Money> {
    return money(schedule.price, await this.currency(schedule, ctx), ctx.locale);
  }

  @FieldResolver(() => Money, { nullable: true })
  async compareAtPrice(
    @Root() schedule: PriceScheduleRow,
    @Ctx() ctx: Context,
  ): Promise<Money | null> {
    return schedule.compareAtPrice === null
      ? null
      : money(schedule.compareAtPrice, await this.currency(schedule, ctx), ctx.locale);
  }

  @FieldResolver(() => PriceScheduleState)
  state(@Root() schedule: PriceScheduleRow): PriceScheduleState {
    if (schedule.cancelledAt) return PriceScheduleState.CANCELLED;
    if (schedule.endedAt) return PriceScheduleState.ENDED;
    if (schedule.startedAt) return PriceScheduleState.RUNNING;
    return PriceScheduleState.PENDING;
  }
}

@Resolver(() => Product)
export class ProductOffersFieldResolver {
  @FieldResolver(() => [Offer], {
    description: 'Every active offer of every variant, cheapest first.',
  })
  offers(@Root() product: ProductRow, @Ctx() ctx: Context) {
    return ctx.loaders.offers.activeOffersByProduct.load(product.id);
  }

  @FieldResolver(() => Int)
  async offerCount(@Root() product: ProductRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.offers.activeOffersByProduct.load(product.id)).length;
  }

  @FieldResolver(() => Offer, {
    nullable: true,
    description:
      'The default offer: the lowest landed price in stock (price + the fee of the\ncheapest delivery, which is 0 until shipping methods exist).',
  })
  buyBox(@Root() product: ProductRow, @Ctx() ctx: Context) {
    return offerQueries.buyBox(ctx, product.id);
  }

  @FieldResolver(() => PriceRange, { nullable: true })
  async priceRange(@Root() product: ProductRow, @Ctx() ctx: Context): Promise<PriceRange | null> {
    const list = await ctx.loaders.offers.activeOffersByProduct.load(product.id);
    const currency = list[0]?.currency;
    if (!currency) return null;
    const prices = list.filter((offer) => offer.currency === currency).map((offer) => offer.price);
    return {
      min: money(Math.min(...prices), currency, ctx.locale),
      max: money(Math.max(...prices), currency, ctx.locale),
    };
  }
}

@Resolver(() => Variant)
export class VariantOffersFieldResolver {
  @FieldResolver(() => [Offer], { description: 'Active offers for this variant, cheapest first.' })
  async offers(@Root() variant: VariantRow, @Ctx() ctx: Context) {
    // The product's list serves every variant of it: one query for a whole product page.
    const list = await ctx.loaders.offers.activeOffersByProduct.load(variant.productId);
    return list.filter((offer) => offer.variantId === variant.id);
  }
}
