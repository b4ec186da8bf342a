// Fixtures of the payments tests: purchases and orders inserted straight into
// the database (as checkout would leave them), ledger helpers and invariants.
import { randomUUID } from 'node:crypto';
import type { PaymentMethod, Prisma } from '@bazaar/db';
import { expect } from 'vitest';
import { LedgerKind, book, platform, wallet } from '../src/modules/wallet/ledger.js';
import { db } from './api.js';

export const tx = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) =>
  db.prisma.$transaction(work, { maxWait: 60_000, timeout: 60_000 });

export interface OrderSpec {
  sellerId: string;
  storeId: string;
  total: number;
  platformDiscount?: number;
}

/** A purchase with one PLACED pick-up order per spec (no lines, no stock held). */
export async function createPurchase(input: {
  customerId: string;
  method: PaymentMethod;
  orders: OrderSpec[];
  currency?: string;
}) {
  const currency = input.currency ?? 'EUR';
  const discount = input.orders.reduce((s, o) => s + (o.platformDiscount ?? 0), 0);
  const grand = input.orders.reduce((s, o) => s + o.total, 0);
  const purchase = await db.prisma.purchase.create({
    data: {
      customerId: input.customerId,
      placedById: input.customerId,
      idempotencyKey: randomUUID(),
      paymentMethod: input.method,
      currency,
      itemsSubtotal: grand + discount,
      discountTotal: discount,
      grandTotal: grand,
    },
  });
  const orders = [];
  for (const spec of input.orders)
    orders.push(
      await db.prisma.order.create({
        data: {
          purchaseId: purchase.id,
          sellerId: spec.sellerId,
          customerId: input.customerId,
          paymentMethod: input.method,
          fulfilment: 'PICKUP',
          pickupStoreId: spec.storeId,
          currency,
          itemsSubtotal: spec.total + (spec.platformDiscount ?? 0),
          discountTotal: spec.platformDiscount ?? 0,
          platformDiscount: spec.platformDiscount ?? 0,
          total: spec.total,
          paymentDueAt: new Date(Date.now() + 15 * 60_000),
        },
      }),
    );
  const shares = orders.map((o) => ({
    orderId: o.id,
    sellerId: o.sellerId,
    total: o.total,
    platformDiscount: o.platformDiscount,
  }));
  return { purchase, orders, shares, amount: grand, currency };
}

/** Puts money in a user's wallet the way an admin credit does. */
export async function fundWallet(userId: string, amount: number, currency = 'EUR') {
  await tx((t) =>
    book(t, {
      kind: LedgerKind.ADMIN_CREDIT,
      reference: randomUUID(),
      entries: [
        { account: platform('PLATFORM_CREDIT', currency), amount: -amount },
        { account: wallet(userId, currency), amount },
      ],
    }),
  );
}

/** Balance of an account by owner, 0 when it does not exist. */
export async function balance(
  kind:
    | 'WALLET'
    | 'SELLER_ESCROW'
    | 'SELLER_AVAILABLE'
    | 'STRIPE_CLEARING'
    | 'PLATFORM_PROMOTIONS'
    | 'WITHDRAWALS_PENDING'
    | 'PAYOUTS'
    | 'PLATFORM_CREDIT',
  owner: { userId?: string; sellerId?: string } = {},
  currency = 'EUR',
): Promise<number> {
  const account = await db.prisma.ledgerAccount.findFirst({
    where: { kind, currency, userId: owner.userId ?? null, sellerId: owner.sellerId ?? null },
  });
  return Number(account?.balance ?? 0n);
}

/** The ledger's invariants: balances are the sum of entries, none negative unless allowed, every transaction sums to zero. */
export async function expectLedgerConsistent() {
  const drift = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT a.id::text FROM ledger_accounts a
      LEFT JOIN ledger_entries e ON e.account_id = a.id
     GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`;
  expect(drift).toEqual([]);
  const negative = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM ledger_accounts WHERE balance < 0 AND NOT allow_negative`;
  expect(negative).toEqual([]);
  const unbalanced = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT transaction_id::text AS id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0`;
  expect(unbalanced).toEqual([]);
}

/** Empties the payment, order and ledger tables (ledger entries are immutable: TRUNCATE). */
export async function resetPayments() {
  await db.prisma.$executeRawUnsafe(
    `TRUNCATE ledger_entries, ledger_transactions, ledger_accounts, withdrawal_requests, refunds,
              payments, webhook_events, order_transitions, order_lines, orders, coupon_redemptions,
              purchases CASCADE`,
  );
}
