import type {
  Offer as OfferRow,
  Seller as SellerRow,
  StockLevel as StockLevelRow,
  StockLocation as StockLocationRow,
  StockMovement as StockMovementRow,
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
import type { Context } from '../../context.js';
import { PublicProfile } from '../identity/identity.types.js';
import { Offer, StockStatus } from '../offers/offers.types.js';
import { Seller, Store } from '../sellers/sellers.types.js';
import * as inventory from './inventory.service.js';
import {
  StockAdjustInput,
  StockAdjustPayload,
  StockLevel,
  StockLevelConnection,
  StockLocation,
  StockLocationCreatePayload,
  StockMovement,
  StockMovementConnection,
  StockMovementsArgs,
  StockReportArgs,
} from './inventory.types.js';

@Resolver()
export class InventoryResolver {
  @Query(() => StockMovementConnection, {
    description: "inventory:read for the offer's seller; newest first.",
  })
  @Allow(Permission.INVENTORY_READ)
  stockMovements(@Args(() => StockMovementsArgs) args: StockMovementsArgs, @Ctx() ctx: Context) {
    return inventory.listMovements(ctx, args);
  }

  @Query(() => StockLevelConnection, { description: 'inventory:read for the seller.' })
  @Allow(Permission.INVENTORY_READ)
  stockReport(@Args(() => StockReportArgs) args: StockReportArgs, @Ctx() ctx: Context) {
    return inventory.stockReport(ctx, args);
  }

  @Mutation(() => StockLocationCreatePayload, {
    description:
      'inventory:manage for the seller: a warehouse (store locations exist for every store).',
  })
  @Allow(Permission.INVENTORY_MANAGE)
  stockLocationCreate(
    @Arg('sellerId', () => ID) sellerId: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: Context,
  ) {
    return inventory.createLocation(ctx, sellerId, name);
  }

  @Mutation(() => StockAdjustPayload, {
    description: "inventory:manage for the offer's seller; a store counter only at its store.",
  })
  @Allow(Permission.INVENTORY_MANAGE)
  stockAdjust(@Arg('input', () => StockAdjustInput) input: StockAdjustInput, @Ctx() ctx: Context) {
    return inventory.adjustStock(ctx, input);
  }
}

/** Stock as shoppers see it, and the levels behind it for the seller's staff. */
@Resolver(() => Offer)
export class OfferStockFieldResolver {
  @FieldResolver(() => StockStatus)
  async stockStatus(@Root() offer: OfferRow, @Ctx() ctx: Context): Promise<StockStatus> {
    const levels = await ctx.loaders.inventory.levelsByOffer.load(offer.id);
    return inventory.stockSummary(offer, levels).status;
  }

  @FieldResolver(() => Int, {
    description: 'Sum of available (on hand - reserved) over locations, never below 0.',
  })
  async availableQuantity(@Root() offer: OfferRow, @Ctx() ctx: Context): Promise<number> {
    const levels = await ctx.loaders.inventory.levelsByOffer.load(offer.id);
    return inventory.stockSummary(offer, levels).available;
  }

  @FieldResolver(() => [Store], {
    description: 'Stores of this seller holding stock of it, for pick-up.',
  })
  async pickupStores(@Root() offer: OfferRow, @Ctx() ctx: Context) {
    const levels = await ctx.loaders.inventory.levelsByOffer.load(offer.id);
    const stores = await ctx.loaders.sellers.storeById.loadMany(inventory.pickupStoreIds(levels));
    return stores.filter((store) => store && !(store instanceof Error));
  }

  @FieldResolver(() => [StockLevel], { description: 'Seller staff only (inventory:read).' })
  async stockLevels(@Root() offer: OfferRow, @Ctx() ctx: Context): Promise<StockLevelRow[]> {
    if (!can(ctx.session, Permission.INVENTORY_READ, offer.sellerId)) return [];
    ctx.loaders.offers.offerById.prime(offer.id, offer);
    return ctx.loaders.inventory.levelsByOffer.load(offer.id);
  }
}

@Resolver(() => StockLevel)
export class StockLevelFieldResolver {
  @FieldResolver(() => Offer)
  offer(@Root() level: StockLevelRow, @Ctx() ctx: Context) {
    return ctx.loaders.offers.offerById.load(level.offerId);
  }

  @FieldResolver(() => StockLocation)
  location(@Root() level: StockLevelRow, @Ctx() ctx: Context) {
    return ctx.loaders.inventory.locationById.load(level.locationId);
  }

  @FieldResolver(() => Int, {
    description: 'onHand - reserved (negative after offline sales beyond the count).',
  })
  available(@Root() level: StockLevelRow): number {
    return level.onHand - level.reserved;
  }

  @FieldResolver(() => Boolean, { description: "available <= the offer's lowStockThreshold." })
  async low(@Root() level: StockLevelRow, @Ctx() ctx: Context): Promise<boolean> {
    const offer = await ctx.loaders.offers.offerById.load(level.offerId);
    return level.onHand - level.reserved <= (offer?.lowStockThreshold ?? 0);
  }
}

@Resolver(() => StockLocation)
export class StockLocationFieldResolver {
  @FieldResolver(() => String)
  async name(@Root() location: StockLocationRow, @Ctx() ctx: Context): Promise<string> {
    // A store's location goes by the store's current name.
    if (!location.storeId) return location.name;
    return (await ctx.loaders.sellers.storeById.load(location.storeId))?.name ?? location.name;
  }

  @FieldResolver(() => Store, { nullable: true, description: 'Set for kind STORE.' })
  store(@Root() location: StockLocationRow, @Ctx() ctx: Context) {
    return location.storeId ? ctx.loaders.sellers.storeById.load(location.storeId) : null;
  }
}

@Resolver(() => StockMovement)
export class StockMovementFieldResolver {
  @FieldResolver(() => PublicProfile, { nullable: true })
  async actor(
    @Root() movement: StockMovementRow,
    @Ctx() ctx: Context,
  ): Promise<PublicProfile | null> {
    if (!movement.actorId) return null;
    const user = await ctx.loaders.identity.userById.load(movement.actorId);
    if (!user || user.status !== 'ACTIVE') return null;
    return { id: user.id, name: user.name, avatarUrl: user.avatarUrl, memberSince: user.createdAt };
  }
}

@Resolver(() => Seller)
export class SellerStockFieldResolver {
  @FieldResolver(() => [StockLocation])
  stockLocations(@Root() seller: SellerRow, @Ctx() ctx: Context) {
    return inventory.listLocations(ctx, seller.id);
  }
}
