import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Seller as SellerRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { Allow } from '../../common/auth/access.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import { Seller } from '../sellers/sellers.types.js';
import * as coupons from './coupons.service.js';
import { Coupon, CouponConnection, CouponInput, CouponPayload } from './coupons.types.js';

@Resolver()
export class CouponsResolver {
  @Query(() => CouponConnection, {
    description: "A seller's coupons, newest first. COUPONS_MANAGE within that seller.",
  })
  @Allow(Permission.COUPONS_MANAGE)
  sellerCoupons(
    @Arg('sellerId', () => ID) sellerId: string,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return coupons.sellerCoupons(ctx, sellerId, args);
  }

  @Query(() => CouponConnection, {
    description: "The platform's coupons, newest first. COUPONS_MANAGE platform-wide.",
  })
  @Allow(Permission.COUPONS_MANAGE)
  platformCoupons(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return coupons.platformCoupons(ctx, args);
  }

  @Mutation(() => CouponPayload, {
    description:
      "Creates a coupon: the seller's (COUPONS_MANAGE within it) or, without sellerId, the platform's.",
  })
  @Allow(Permission.COUPONS_MANAGE)
  couponCreate(@Arg('input', () => CouponInput) input: CouponInput, @Ctx() ctx: Context) {
    return coupons.createCoupon(ctx, input);
  }

  @Mutation(() => CouponPayload, { description: 'Edits a coupon (same access as couponCreate).' })
  @Allow(Permission.COUPONS_MANAGE)
  couponUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CouponInput) input: CouponInput,
    @Ctx() ctx: Context,
  ) {
    return coupons.updateCoupon(ctx, id, input);
  }
}

@Resolver(() => Coupon)
export class CouponFieldResolver {
  @FieldResolver(() => Seller, { nullable: true, description: 'Null for a platform coupon.' })
  async seller(@Root() coupon: Coupon, @Ctx() ctx: Context): Promise<SellerRow | null> {
    return coupon.sellerId ? ctx.loaders.sellers.sellerById.load(coupon.sellerId) : null;
  }
}
