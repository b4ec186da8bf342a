import type { Faker } from '@faker-js/faker';
import type { LedgerAccountKind, Prisma } from '../generated/client/client.js';

type Tx = Prisma.TransactionClient;

/**
 * Platform accounts that stand for the outside world may go negative; wallets
 * and seller balances never (the same rule as the API's ledger, apps/api
 * src/modules/wallet/ledger.ts).
 */
const MAY_GO_NEGATIVE: ReadonlySet<LedgerAccountKind> = new Set<LedgerAccountKind>([
  'STRIPE_CLEARING',
  'PLATFORM_CREDIT',
  'PLATFORM_PROMOTIONS',
  'PAYOUTS',
]);

export interface SeedAccount {
  kind: LedgerAccountKind;
  userId?: string;
  sellerId?: string;
}

export interface SeedBooking {
  /** The cause's kind, as the API names it (PURCHASE_PAYMENT, REFUND, ...). */
  kind: string;
  /** The cause's id: (kind, reference) is booked once. */
  reference: string;
  memo: string;
  actorId?: string | null;
  currency: string;
  at: Date;
  /** Must sum to zero: the database refuses the commit otherwise. */
  entries: { account: SeedAccount; amount: number }[];
}

/** The account's id, created on first use. */
async function accountId(
  tx: Tx,
  faker: Faker,
  account: SeedAccount,
  currency: string,
): Promise<string> {
  const where = {
    kind: account.kind,
    currency,
    userId: account.userId ?? null,
    sellerId: account.sellerId ?? null,
  };
  const found = await tx.ledgerAccount.findFirst({ where, select: { id: true } });
  if (found) return found.id;
  const created = await tx.ledgerAccount.create({
    data: { id: faker.string.uuid(), ...where, allowNegative: MAY_GO_NEGATIVE.has(account.kind) },
  });
  return created.id;
}

/**
 * Books a balanced ledger transaction dated `at`; the entries' trigger moves
 * the balances, and a balance that may not go negative refuses an overdraft.
 * Entries of zero are left out, as the API's ledger does.
 */
export async function book(tx: Tx, faker: Faker, booking: SeedBooking): Promise<void> {
  const entries = booking.entries.filter((entry) => entry.amount !== 0);
  if (entries.reduce((sum, entry) => sum + entry.amount, 0) !== 0)
    throw new Error(`seed booking ${booking.kind}:${booking.reference} does not sum to zero`);
  const resolved: { accountId: string; amount: bigint; createdAt: Date }[] = [];
  for (const entry of entries)
    resolved.push({
      accountId: await accountId(tx, faker, entry.account, booking.currency),
      amount: BigInt(entry.amount),
      createdAt: booking.at,
    });
  await tx.ledgerTransaction.create({
    data: {
      id: faker.string.uuid(),
      kind: booking.kind,
      reference: booking.reference,
      memo: booking.memo,
      actorId: booking.actorId ?? null,
      createdAt: booking.at,
      entries: { create: resolved },
    },
  });
}
