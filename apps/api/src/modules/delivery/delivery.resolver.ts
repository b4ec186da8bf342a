import type { Seller as SellerRow, ShippingMethod as ShippingMethodRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../common/auth/access.js';
import { Money, money } from '../../common/money/money.js';
import type { Context } from '../../context.js';
import { Seller } from '../sellers/sellers.types.js';
import * as delivery from './delivery.service.js';
import {
  ShippingMethod,
  ShippingMethodCreatePayload,
  ShippingMethodDeletePayload,
  ShippingMethodInput,
  ShippingMethodUpdatePayload,
  TaxRate,
  TaxRateDeletePayload,
  TaxRateInput,
  TaxRateSetPayload,
} from './delivery.types.js';

@Resolver()
export class DeliveryResolver {
  @Mutation(() => ShippingMethodCreatePayload, {
    description: 'Adds a shipping method to a seller (SELLER_MANAGE within the seller).',
  })
  @Allow(Permission.SELLER_MANAGE)
  shippingMethodCreate(
    @Arg('sellerId', () => ID) sellerId: string,
    @Arg('input', () => ShippingMethodInput) input: ShippingMethodInput,
    @Ctx() ctx: Context,
  ) {
    return delivery.createShippingMethod(ctx, sellerId, input);
  }

  @Mutation(() => ShippingMethodUpdatePayload, {
    description: 'Replaces a shipping method (SELLER_MANAGE within its seller).',
  })
  @Allow(Permission.SELLER_MANAGE)
  shippingMethodUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ShippingMethodInput) input: ShippingMethodInput,
    @Ctx() ctx: Context,
  ) {
    return delivery.updateShippingMethod(ctx, id, input);
  }

  @Mutation(() => ShippingMethodDeletePayload, {
    description: 'Removes a shipping method (SELLER_MANAGE within its seller).',
  })
  @Allow(Permission.SELLER_MANAGE)
  shippingMethodDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return delivery.deleteShippingMethod(ctx, id);
  }

  @Query(() => [TaxRate], {
    description: 'Tax rates, optionally of one country (SETTINGS_MANAGE).',
  })
  @Allow(Permission.SETTINGS_MANAGE)
  taxRates(
    @Arg('country', () => String, { nullable: true }) country: string | null,
    @Ctx() ctx: Context,
  ) {
    return delivery.listTaxRates(ctx, country);
  }

  @Mutation(() => TaxRateSetPayload, {
    description:
      'Creates or replaces the rate of a category (or every category) in a country or region (SETTINGS_MANAGE).',
  })
  @Allow(Permission.SETTINGS_MANAGE)
  taxRateSet(@Arg('input', () => TaxRateInput) input: TaxRateInput, @Ctx() ctx: Context) {
    return delivery.setTaxRate(ctx, input);
  }

  @Mutation(() => TaxRateDeletePayload, { description: 'Removes a tax rate (SETTINGS_MANAGE).' })
  @Allow(Permission.SETTINGS_MANAGE)
  taxRateDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return delivery.deleteTaxRate(ctx, id);
  }
}

@Resolver(() => Seller)
export class SellerShippingMethodsFieldResolver {
  @FieldResolver(() => [ShippingMethod], {
    description: 'Active shipping methods by position; inactive ones too for SELLER_MANAGE.',
  })
  shippingMethods(@Root() seller: SellerRow, @Ctx() ctx: Context) {
    return delivery.listShippingMethods(ctx, seller.id);
  }
}

@Resolver(() => ShippingMethod)
export class ShippingMethodFieldResolver {
  @FieldResolver(() => Money, { description: 'The fee, or the base fee of BY_WEIGHT.' })
  flatFee(@Root() method: ShippingMethodRow, @Ctx() ctx: Context): Money {
    return money(method.flatFee, method.currency, ctx.locale);
  }

  @FieldResolver(() => Money, { description: 'Added per started kilogram (BY_WEIGHT).' })
  perKgFee(@Root() method: ShippingMethodRow, @Ctx() ctx: Context): Money {
    return money(method.perKgFee, method.currency, ctx.locale);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'Subtotal from which delivery is free; null = never free.',
  })
  freeOver(@Root() method: ShippingMethodRow, @Ctx() ctx: Context): Money | null {
    return method.freeOver === null ? null : money(method.freeOver, method.currency, ctx.locale);
  }
}
