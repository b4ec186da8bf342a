// The GraphQL types of stock: locations, levels per offer and location, and the
// movement ledger. Object types are shaped like their database rows; relations
// are resolved in inventory.resolver.ts through the inventory loaders.
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { CAPPED_TOTAL_COUNT } from '../../common/pagination/capped-count.js';
import { StockAdjustCodes, StockLocationCreateCodes } from './inventory.errors.js';

export const StockLocationKind = { WAREHOUSE: 'WAREHOUSE', STORE: 'STORE' } as const;
export type StockLocationKind = (typeof StockLocationKind)[keyof typeof StockLocationKind];
registerEnumType(StockLocationKind, { name: 'StockLocationKind' });

export const StockMovementReason = {
  RECEIVED: 'RECEIVED',
  DAMAGED: 'DAMAGED',
  COUNT_CORRECTION: 'COUNT_CORRECTION',
  OFFLINE_SALE: 'OFFLINE_SALE',
  IMPORT: 'IMPORT',
  SOLD: 'SOLD',
} as const;
export type StockMovementReason = (typeof StockMovementReason)[keyof typeof StockMovementReason];
registerEnumType(StockMovementReason, {
  name: 'StockMovementReason',
  valuesConfig: { SOLD: { description: 'Sold: a paid order consumed its stock reservation.' } },
});

export const StockReportKind = { NEGATIVE: 'NEGATIVE', LOW: 'LOW' } as const;
export type StockReportKind = (typeof StockReportKind)[keyof typeof StockReportKind];
registerEnumType(StockReportKind, {
  name: 'StockReportKind',
  valuesConfig: {
    NEGATIVE: { description: 'On hand below zero (offline sales beyond the count).' },
    LOW: { description: "Available at or below the offer's low-stock threshold." },
  },
});

@ObjectType()
export class StockLocation {
  @Field(() => ID)
  id!: string;

  sellerId!: string;

  @Field(() => StockLocationKind)
  kind!: StockLocationKind;

  /** The store's name is shown for kind STORE (resolved). */
  name!: string;

  storeId!: string | null;
  createdAt!: Date;
}

@ObjectType()
export class StockLevel {
  @Field(() => ID)
  id!: string;

  offerId!: string;
  locationId!: string;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Boolean)
  backorder!: boolean;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const StockLevelConnection = ConnectionType('StockLevel', StockLevel, {
  totalCountDescription: CAPPED_TOTAL_COUNT,
});

@ObjectType()
export class StockMovement {
  @Field(() => ID)
  id!: string;

  stockLevelId!: string;

  @Field(() => Int)
  delta!: number;

  @Field(() => Int)
  onHandAfter!: number;

  @Field(() => StockMovementReason)
  reason!: StockMovementReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  actorId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const StockMovementConnection = ConnectionType('StockMovement', StockMovement);

@InputType()
export class StockAdjustInput {
  @Field(() => ID)
  offerId!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => StockMovementReason)
  reason!: StockMovementReason;

  @Field(() => Int, {
    nullable: true,
    description:
      'Change to on-hand (RECEIVED > 0; DAMAGED and OFFLINE_SALE < 0). Exactly one of\ndelta and countedQuantity; COUNT_CORRECTION takes countedQuantity.',
  })
  delta?: number | null;

  @Field(() => Int, { nullable: true })
  countedQuantity?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ArgsType()
export class StockMovementsArgs extends ConnectionArgs {
  @Field(() => ID)
  stockLevelId!: string;
}

@ArgsType()
export class StockReportArgs extends ConnectionArgs {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => StockReportKind)
  kind!: StockReportKind;
}

export const StockLocationCreatePayload = MutationPayload(
  'StockLocationCreate',
  'stockLocation',
  StockLocation,
  StockLocationCreateCodes,
);
export const StockAdjustPayload = MutationPayload(
  'StockAdjust',
  'stockLevel',
  StockLevel,
  StockAdjustCodes,
);
