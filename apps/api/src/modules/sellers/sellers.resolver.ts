import type { Seller as SellerRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Authenticated, Public } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import * as sellers from './sellers.service.js';
import {
  Seller,
  SellerConnection,
  SellerCreateInput,
  SellerCreatePayload,
  SellerUpdateInput,
  SellerUpdatePayload,
  SellersArgs,
  StaffMember,
  StaffMemberAddInput,
  StaffMemberAddPayload,
  StaffMemberRemovePayload,
  Store,
  StoreCreatePayload,
  StoreDeletePayload,
  StoreInput,
  StoreUpdatePayload,
} from './sellers.types.js';

@Resolver()
export class SellersResolver {
  @Query(() => Seller, { nullable: true, description: "A shop's public page. Public." })
  @Public()
  seller(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<SellerRow | null> {
    return sellers.findSeller(ctx, slug);
  }

  @Query(() => SellerConnection, {
    description: 'Every shop by name, optionally searched. Public.',
  })
  @Public()
  sellers(@Args(() => SellersArgs) args: SellersArgs, @Ctx() ctx: Context) {
    return sellers.listSellers(ctx, args);
  }

  @Query(() => [StaffMember], { description: "A seller's staff (STAFF_READ within the seller)." })
  @Allow(Permission.STAFF_READ)
  sellerStaff(@Arg('sellerId', () => ID) sellerId: string, @Ctx() ctx: Context) {
    return sellers.listStaff(ctx, sellerId);
  }

  @Mutation(() => SellerCreatePayload, {
    description: 'Opens a shop; the caller becomes its owner.',
  })
  @Authenticated()
  sellerCreate(
    @Arg('input', () => SellerCreateInput) input: SellerCreateInput,
    @Ctx() ctx: Context,
  ) {
    return sellers.createSeller(ctx, input);
  }

  @Mutation(() => SellerUpdatePayload)
  @Allow(Permission.SELLER_MANAGE)
  sellerUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SellerUpdateInput) input: SellerUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return sellers.updateSeller(ctx, id, input);
  }

  @Mutation(() => StoreCreatePayload)
  @Allow(Permission.STORES_MANAGE)
  storeCreate(
    @Arg('sellerId', () => ID) sellerId: string,
    @Arg('input', () => StoreInput) input: StoreInput,
    @Ctx() ctx: Context,
  ) {
    return sellers.createStore(ctx, sellerId, input);
  }

  @Mutation(() => StoreUpdatePayload)
  @Allow(Permission.STORES_MANAGE)
  storeUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => StoreInput) input: StoreInput,
    @Ctx() ctx: Context,
  ) {
    return sellers.updateStore(ctx, id, input);
  }

  @Mutation(() => StoreDeletePayload)
  @Allow(Permission.STORES_MANAGE)
  storeDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return sellers.deleteStore(ctx, id);
  }

  @Mutation(() => StaffMemberAddPayload, {
    description: 'Creates the account when new and e-mails a set-password link.',
  })
  @Allow(Permission.STAFF_MANAGE)
  staffMemberAdd(
    @Arg('input', () => StaffMemberAddInput) input: StaffMemberAddInput,
    @Ctx() ctx: Context,
  ) {
    return sellers.addStaffMember(ctx, input);
  }

  @Mutation(() => StaffMemberRemovePayload)
  @Allow(Permission.STAFF_MANAGE)
  staffMemberRemove(
    @Arg('sellerId', () => ID) sellerId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: Context,
  ) {
    return sellers.removeStaffMember(ctx, sellerId, userId);
  }
}

@Resolver(() => Seller)
export class SellerFieldResolver {
  @FieldResolver(() => [Store])
  stores(@Root() seller: SellerRow, @Ctx() ctx: Context) {
    return ctx.loaders.sellers.storesBySeller.load(seller.id);
  }
}
