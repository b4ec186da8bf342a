// GraphQL types of wallets, withdrawals and seller balances.
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { Money } from '../../common/money/money.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { PaymentSession, WithdrawalStatus } from '../payments/payments.types.js';
import {
  WalletCreditCodes,
  WalletTopUpCodes,
  WalletWithdrawalRequestCodes,
  WithdrawalDecideCodes,
} from './wallet.errors.js';

@ObjectType({ description: 'What a wallet holds in one currency.' })
export class WalletBalance {
  @Field(() => String)
  currency!: string;

  @Field(() => Money, { description: 'Can be spent or withdrawn now.' })
  available!: Money;

  @Field(() => Money, { description: 'Asked to be withdrawn, waiting for a decision.' })
  pendingWithdrawal!: Money;
}

@ObjectType({ description: 'One movement of a wallet (positive: money in).' })
export class WalletEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => String, {
    description:
      'PURCHASE_PAYMENT, REFUND, TOP_UP, ADMIN_CREDIT, WITHDRAWAL_REQUEST or WITHDRAWAL_REJECTED.',
  })
  kind!: string;

  @Field(() => String, { nullable: true })
  memo!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const WalletEntryConnection = ConnectionType('WalletEntry', WalletEntry);

@ObjectType({ description: 'Money a user asked to take out of their wallet.' })
export class WithdrawalRequest {
  @Field(() => ID)
  id!: string;

  /** Resolved into `user` (admins and the owner). */
  userId!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => WithdrawalStatus)
  status!: WithdrawalStatus;

  @Field(() => String, { nullable: true, description: "The admin's note on the decision." })
  note!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;
}

export const WithdrawalRequestConnection = ConnectionType('WithdrawalRequest', WithdrawalRequest);

@ObjectType({ description: "The signed-in user's wallet." })
export class Wallet {
  /** Whose wallet: its fields resolve from it. */
  userId!: string;
}

@ObjectType({ description: "A seller's money on the platform in one currency." })
export class SellerBalance {
  @Field(() => String)
  currency!: string;

  @Field(() => Money, { description: 'Paid orders not completed yet.' })
  escrow!: Money;

  @Field(() => Money, { description: 'From completed orders: due to the seller.' })
  available!: Money;
}

@InputType()
export class WalletTopUpInput {
  @Field(() => Int, { description: 'Minor units, > 0.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;

  @Field(() => String, { description: 'Client-generated (uuid), 8 to 100 characters.' })
  idempotencyKey!: string;
}

@InputType()
export class WalletWithdrawalRequestInput {
  @Field(() => Int, { description: 'Minor units, > 0.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;

  @Field(() => String, { description: 'Client-generated (uuid), 8 to 100 characters.' })
  idempotencyKey!: string;
}

@InputType()
export class WalletCreditInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => Int, { description: 'Minor units, > 0.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;

  @Field(() => String, { description: 'Why (3 to 500 characters); shown to the user.' })
  reason!: string;

  @Field(() => String, { description: 'Client-generated (uuid), 8 to 100 characters.' })
  idempotencyKey!: string;
}

@InputType()
export class WithdrawalDecideInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, {
    description: 'true: paid out; false: rejected, money back in the wallet.',
  })
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' })
  note?: string | null;
}

@ArgsType()
export class WithdrawalRequestsArgs extends ConnectionArgs {
  @Field(() => WithdrawalStatus, { nullable: true })
  status?: WithdrawalStatus | null;
}

export const WalletTopUpPayload = MutationPayload(
  'WalletTopUp',
  'payment',
  PaymentSession,
  WalletTopUpCodes,
);
export const WalletWithdrawalRequestPayload = MutationPayload(
  'WalletWithdrawalRequest',
  'withdrawal',
  WithdrawalRequest,
  WalletWithdrawalRequestCodes,
);
export const WalletCreditPayload = MutationPayload(
  'WalletCredit',
  'balance',
  WalletBalance,
  WalletCreditCodes,
);
export const WithdrawalDecidePayload = MutationPayload(
  'WithdrawalDecide',
  'withdrawal',
  WithdrawalRequest,
  WithdrawalDecideCodes,
);
