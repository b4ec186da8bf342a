import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { DeleteCodes, ShippingMethodCodes, TaxRateCodes } from './delivery.errors.js';

export enum ShippingMethodKind {
  FLAT = 'FLAT',
  BY_WEIGHT = 'BY_WEIGHT',
}
registerEnumType(ShippingMethodKind, {
  name: 'ShippingMethodKind',
  description: 'FLAT: flatFee. BY_WEIGHT: flatFee plus perKgFee per started kilogram.',
});

@ObjectType({ description: "A seller's way of delivering an order." })
export class ShippingMethod {
  @Field(() => ID)
  id!: string;

  sellerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ShippingMethodKind)
  kind!: ShippingMethodKind;

  @Field(() => String, { description: 'ISO 4217 of every fee.' })
  currency!: string;

  // flatFee, perKgFee and freeOver are Money, resolved in the field resolver.
  flatFee!: number;
  perKgFee!: number;
  freeOver!: number | null;

  @Field(() => [String], {
    description: 'ISO 3166-1 alpha-2 codes shipped to; empty = everywhere.',
  })
  countries!: string[];

  @Field(() => Int, { description: 'Fewest business days to deliver.' })
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => Boolean, { description: 'Offered to shoppers; inactive ones only staff see.' })
  active!: boolean;

  @Field(() => Int)
  position!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType()
export class ShippingMethodInput {
  @Field(() => String)
  name!: string;

  @Field(() => ShippingMethodKind, { defaultValue: ShippingMethodKind.FLAT })
  kind!: ShippingMethodKind;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;

  @Field(() => Int, { description: 'Minor units; the base fee of BY_WEIGHT.' })
  flatFee!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Minor units per started kilogram.' })
  perKgFee!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Subtotal (minor units) from which it is free.',
  })
  freeOver?: number | null;

  @Field(() => [String], {
    defaultValue: [],
    description: 'ISO 3166-1 alpha-2; empty = everywhere.',
  })
  countries!: string[];

  @Field(() => Int)
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => Boolean, { defaultValue: true })
  active!: boolean;

  @Field(() => Int, { defaultValue: 0 })
  position!: number;
}

export const ShippingMethodCreatePayload = MutationPayload(
  'ShippingMethodCreate',
  'shippingMethod',
  ShippingMethod,
  ShippingMethodCodes,
);
export const ShippingMethodUpdatePayload = MutationPayload(
  'ShippingMethodUpdate',
  'shippingMethod',
  ShippingMethod,
  ShippingMethodCodes,
);
export const ShippingMethodDeletePayload = MutationPayload(
  'ShippingMethodDelete',
  'deletedId',
  ID,
  DeleteCodes,
);

@ObjectType({
  description:
    'A tax rate for a category (null = every category) in a country or one of its regions.',
})
export class TaxRate {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null = every category.' })
  categoryId!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'Region code; null = the whole country.' })
  region!: string | null;

  @Field(() => Int, { description: 'Basis points: 2000 = 20 %.' })
  rateBp!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType()
export class TaxRateInput {
  @Field(() => ID, { nullable: true, description: 'Null = every category.' })
  categoryId?: string | null;

  @Field(() => String)
  country!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => Int, { description: 'Basis points, 0 to 10000.' })
  rateBp!: number;
}

export const TaxRateSetPayload = MutationPayload('TaxRateSet', 'taxRate', TaxRate, TaxRateCodes);
export const TaxRateDeletePayload = MutationPayload('TaxRateDelete', 'deletedId', ID, DeleteCodes);
