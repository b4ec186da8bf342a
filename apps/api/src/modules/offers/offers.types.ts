// The GraphQL types of offers and prices. Object types are shaped like their
// database rows (Prisma models): an `offers` row is handed to GraphQL as an
// Offer; money, relations and stock are resolved by the field resolvers in
// offers.resolver.ts and inventory.resolver.ts (through loaders).
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  MutationPayload,
  type PayloadErrorShape,
  PayloadErrorType,
} from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { Money } from '../../common/money/money.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { CAPPED_TOTAL_COUNT } from '../../common/pagination/capped-count.js';
import {
  OfferCreateCodes,
  OfferPricesBulkUpdateCodes,
  OfferUpdateCodes,
  PriceScheduleCancelCodes,
  PriceScheduleCreateCodes,
} from './offers.errors.js';

// ---------------------------------------------------------------------------
// Enums

export const OfferCondition = {
  NEW: 'NEW',
  REFURBISHED: 'REFURBISHED',
  USED_LIKE_NEW: 'USED_LIKE_NEW',
  USED_GOOD: 'USED_GOOD',
  USED_ACCEPTABLE: 'USED_ACCEPTABLE',
} as const;
export type OfferCondition = (typeof OfferCondition)[keyof typeof OfferCondition];
registerEnumType(OfferCondition, { name: 'OfferCondition' });

export const OfferStatus = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE' } as const;
export type OfferStatus = (typeof OfferStatus)[keyof typeof OfferStatus];
registerEnumType(OfferStatus, { name: 'OfferStatus' });

export const StockStatus = {
  IN_STOCK: 'IN_STOCK',
  LOW_STOCK: 'LOW_STOCK',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  BACKORDER: 'BACKORDER',
} as const;
export type StockStatus = (typeof StockStatus)[keyof typeof StockStatus];
registerEnumType(StockStatus, {
  name: 'StockStatus',
  valuesConfig: { BACKORDER: { description: 'Out of stock but the seller takes orders.' } },
});

export const BulkPriceMode = { SET: 'SET', AMOUNT: 'AMOUNT', PERCENT: 'PERCENT' } as const;
export type BulkPriceMode = (typeof BulkPriceMode)[keyof typeof BulkPriceMode];
registerEnumType(BulkPriceMode, {
  name: 'BulkPriceMode',
  valuesConfig: {
    SET: { description: 'Set every price to `value` minor units.' },
    AMOUNT: { description: 'Add `value` minor units (negative lowers).' },
    PERCENT: {
      description: 'Change by `value` basis points: 1000 = +10%, -500 = -5% (rounded to the unit).',
    },
  },
});

export const PriceChangeReason = {
  CREATED: 'CREATED',
  MANUAL: 'MANUAL',
  BULK_EDIT: 'BULK_EDIT',
  IMPORT: 'IMPORT',
  SCHEDULE_START: 'SCHEDULE_START',
  SCHEDULE_END: 'SCHEDULE_END',
} as const;
export type PriceChangeReason = (typeof PriceChangeReason)[keyof typeof PriceChangeReason];
registerEnumType(PriceChangeReason, { name: 'PriceChangeReason' });

export const PriceScheduleState = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  ENDED: 'ENDED',
  CANCELLED: 'CANCELLED',
} as const;
export type PriceScheduleState = (typeof PriceScheduleState)[keyof typeof PriceScheduleState];
registerEnumType(PriceScheduleState, { name: 'PriceScheduleState' });

// ---------------------------------------------------------------------------
// Object types

@ObjectType()
export class Offer {
  @Field(() => ID)
  id!: string;

  variantId!: string;
  sellerId!: string;

  @Field(() => OfferCondition)
  condition!: OfferCondition;

  /** Minor units: resolved into Money by the field resolver. */
  price!: number;
  compareAtPrice!: number | null;
  currency!: string;

  @Field(() => Int)
  handlingDays!: number;

  @Field(() => Boolean)
  allowBackorder!: boolean;

  @Field(() => Int)
  lowStockThreshold!: number;

  @Field(() => OfferStatus)
  status!: OfferStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const OfferConnection = ConnectionType('Offer', Offer, {
  totalCountDescription: CAPPED_TOTAL_COUNT,
});

@ObjectType()
export class PriceRange {
  @Field(() => Money)
  min!: Money;

  @Field(() => Money)
  max!: Money;
}

@ObjectType()
export class PriceChange {
  @Field(() => ID)
  id!: string;

  offerId!: string;
  price!: number;
  compareAtPrice!: number | null;
  currency!: string;

  @Field(() => PriceChangeReason)
  reason!: PriceChangeReason;

  actorId!: string | null;

  @Field(() => DateTimeScalar)
  changedAt!: Date;
}

export const PriceHistoryConnection = ConnectionType('PriceHistory', PriceChange, {
  edgeName: 'PriceChangeEdge',
});

@ObjectType()
export class PriceSchedule {
  @Field(() => ID)
  id!: string;

  offerId!: string;
  price!: number;
  compareAtPrice!: number | null;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt!: Date | null;

  previousPrice!: number | null;
  previousCompareAtPrice!: number | null;
  startedAt!: Date | null;
  endedAt!: Date | null;
  cancelledAt!: Date | null;
  createdById!: string | null;
  createdAt!: Date;
}

// ---------------------------------------------------------------------------
// Inputs and arguments

@InputType()
export class OfferStockInput {
  @Field(() => ID)
  locationId!: string;

  @Field(() => Int)
  onHand!: number;
}

@InputType()
export class OfferCreateInput {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => OfferCondition, { defaultValue: OfferCondition.NEW })
  condition!: OfferCondition;

  @Field(() => Int, { description: 'Minor units, >= 0.' })
  price!: number;

  @Field(() => Int, { nullable: true })
  compareAtPrice?: number | null;

  @Field(() => String, { description: 'ISO 4217, e.g. "USD".' })
  currency!: string;

  @Field(() => Int, { defaultValue: 1 })
  handlingDays!: number;

  @Field(() => Boolean, { defaultValue: false })
  allowBackorder!: boolean;

  @Field(() => Int, { defaultValue: 5 })
  lowStockThreshold!: number;

  @Field(() => [OfferStockInput], {
    nullable: true,
    description: 'Opening stock per location (reason RECEIVED).',
  })
  stock?: OfferStockInput[] | null;
}

@InputType({
  description: 'Fields left out are unchanged. A price change is recorded in the history.',
})
export class OfferUpdateInput {
  @Field(() => Int, { nullable: true })
  price?: number | null;

  @Field(() => Int, { nullable: true })
  compareAtPrice?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'True removes the compare-at price.' })
  clearCompareAtPrice?: boolean | null;

  @Field(() => Int, { nullable: true })
  handlingDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  allowBackorder?: boolean | null;

  @Field(() => Int, { nullable: true })
  lowStockThreshold?: number | null;

  @Field(() => OfferStatus, { nullable: true })
  status?: OfferStatus | null;
}

@InputType()
export class OfferPricesBulkUpdateInput {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => [ID], { description: "At most 500, all the seller's." })
  offerIds!: string[];

  @Field(() => BulkPriceMode)
  mode!: BulkPriceMode;

  @Field(() => Int)
  value!: number;
}

@InputType()
export class PriceScheduleCreateInput {
  @Field(() => ID)
  offerId!: string;

  @Field(() => Int)
  price!: number;

  @Field(() => Int, { nullable: true })
  compareAtPrice?: number | null;

  @Field(() => DateTimeScalar, {
    description: 'Must be in the future... or now: a start in the past applies at once.',
  })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt?: Date | null;
}

@ArgsType()
export class SellerOffersArgs extends ConnectionArgs {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => String, { nullable: true })
  query?: string | null;

  @Field(() => OfferStatus, { nullable: true })
  status?: OfferStatus | null;
}

// ---------------------------------------------------------------------------
// Payloads (codes as in the contract)

export const OfferCreatePayload = MutationPayload('OfferCreate', 'offer', Offer, OfferCreateCodes);
export const OfferUpdatePayload = MutationPayload('OfferUpdate', 'offer', Offer, OfferUpdateCodes);
export const PriceScheduleCreatePayload = MutationPayload(
  'PriceScheduleCreate',
  'priceSchedule',
  PriceSchedule,
  PriceScheduleCreateCodes,
);
export const PriceScheduleCancelPayload = MutationPayload(
  'PriceScheduleCancel',
  'priceSchedule',
  PriceSchedule,
  PriceScheduleCancelCodes,
);

const OfferPricesBulkUpdateError = PayloadErrorType(
  'OfferPricesBulkUpdate',
  OfferPricesBulkUpdateCodes,
);

/** `offers` is a non-null list (empty when nothing changed). */
@ObjectType()
export class OfferPricesBulkUpdatePayload {
  @Field(() => [OfferPricesBulkUpdateError], { description: 'Empty when the mutation succeeded.' })
  errors!: PayloadErrorShape<string>[];

  @Field(() => [Offer])
  offers!: Offer[];
}
