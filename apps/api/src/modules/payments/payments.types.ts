// GraphQL types of payments and refunds. The enums here are registered once
// for the whole API: orders and checkout import them from this file.
import type { Refund as RefundRow } from '@bazaar/db';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import type { Locale } from '../../common/i18n/locale.js';
import { Money, money } from '../../common/money/money.js';

export const PaymentMethod = { STRIPE: 'STRIPE', WALLET: 'WALLET', IN_STORE: 'IN_STORE' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  valuesConfig: {
    STRIPE: { description: 'Card through Stripe (Payment Element).' },
    WALLET: { description: "The shopper's wallet balance." },
    IN_STORE: { description: 'Paid at the store counter; the order waits until marked paid.' },
  },
});

export const PaymentStatus = {
  PENDING: 'PENDING',
  REQUIRES_ACTION: 'REQUIRES_ACTION',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELED: 'CANCELED',
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  valuesConfig: {
    PENDING: { description: 'Waiting for the payer (or for Stripe).' },
    REQUIRES_ACTION: { description: 'The payer must authenticate (3-D Secure).' },
    SUCCEEDED: { description: 'Paid.' },
    FAILED: { description: 'The last attempt failed (card declined); the payer may try again.' },
    CANCELED: { description: 'Given up for good.' },
  },
});

export const RefundStatus = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type RefundStatus = (typeof RefundStatus)[keyof typeof RefundStatus];
registerEnumType(RefundStatus, { name: 'RefundStatus' });

export const WithdrawalStatus = {
  REQUESTED: 'REQUESTED',
  PAID: 'PAID',
  REJECTED: 'REJECTED',
} as const;
export type WithdrawalStatus = (typeof WithdrawalStatus)[keyof typeof WithdrawalStatus];
registerEnumType(WithdrawalStatus, { name: 'WithdrawalStatus' });

@ObjectType({ description: 'What the browser needs to pay: Stripe.js confirms with clientSecret.' })
export class PaymentSession {
  @Field(() => ID)
  paymentId!: string;

  @Field(() => PaymentMethod)
  method!: PaymentMethod;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'STRIPE: the PaymentIntent client secret for Stripe.js; null otherwise.',
  })
  clientSecret!: string | null;
}

@ObjectType({ description: 'Money given back for an order, to the method it was paid with.' })
export class Refund {
  @Field(() => ID)
  id!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => RefundStatus)
  status!: RefundStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export function toRefund(row: RefundRow, currency: string, locale: Locale): Refund {
  return {
    id: row.id,
    amount: money(row.amount, currency, locale),
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt,
  };
}
