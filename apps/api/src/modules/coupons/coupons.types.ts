// The GraphQL types of coupons: seller-funded (sellerId set) or platform-funded.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { Money } from '../../common/money/money.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { CouponCodes } from './coupons.errors.js';

export const CouponKind = { PERCENTAGE: 'PERCENTAGE', FIXED: 'FIXED' } as const;
export type CouponKind = (typeof CouponKind)[keyof typeof CouponKind];
registerEnumType(CouponKind, {
  name: 'CouponKind',
  valuesConfig: {
    PERCENTAGE: { description: 'percentBp basis points off the eligible subtotal.' },
    FIXED: { description: 'amountOff (in the coupon currency) off the eligible subtotal.' },
  },
});

@ObjectType({
  description:
    "A coupon code. A seller's coupon discounts that seller's order only; a platform coupon spreads over every order of the purchase.",
})
export class Coupon {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  /** Resolved into Seller through the sellers loader; null = platform coupon. */
  sellerId!: string | null;

  @Field(() => CouponKind)
  kind!: CouponKind;

  @Field(() => Int, { nullable: true, description: 'PERCENTAGE: 1 to 10000 (100 %).' })
  percentBp!: number | null;

  @Field(() => Money, { nullable: true, description: 'FIXED: the amount taken off.' })
  amountOff!: Money | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217; the coupon applies only to carts in it (always set for FIXED).',
  })
  currency!: string | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Smallest eligible subtotal; null when there is no minimum.',
  })
  minSubtotal!: Money | null;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Uses in total; null = unlimited.' })
  usageLimit!: number | null;

  @Field(() => Int, { nullable: true, description: 'Uses per customer; null = unlimited.' })
  perCustomerLimit!: number | null;

  @Field(() => Int, {
    description: 'Uses so far (a cancelled unpaid purchase gives its use back).',
  })
  usedCount!: number;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@InputType()
export class CouponInput {
  @Field(() => ID, { nullable: true, description: "The seller funding it; null = the platform's." })
  sellerId?: string | null;

  @Field(() => String, {
    description: '3 to 40 letters, digits, - or _; unique regardless of case.',
  })
  code!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CouponKind)
  kind!: CouponKind;

  @Field(() => Int, { nullable: true })
  percentBp?: number | null;

  @Field(() => Int, { nullable: true, description: 'FIXED: minor units of currency.' })
  amountOff?: number | null;

  @Field(() => String, { nullable: true, description: 'Required for FIXED and for a minimum.' })
  currency?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minor units; 0 or null = no minimum.' })
  minSubtotal?: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: now.' })
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true })
  perCustomerLimit?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean | null;
}

export const CouponPayload = MutationPayload('Coupon', 'coupon', Coupon, CouponCodes);
export const CouponConnection = ConnectionType('Coupon', Coupon);
export { ConnectionArgs as CouponsArgs };
