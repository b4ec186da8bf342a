// The double-entry ledger. The database enforces the rules (migration
// 20261123130000_orders_payments): entries of a transaction sum to zero, are
// immutable, move their account's balance through a trigger, and a CHECK keeps
// balances >= 0 except on platform accounts that face the outside world.
//
// Failure contract: book() throws WalletShortError when an account would go
// below zero. The statement has failed inside the caller's transaction, which
// is then unusable: the caller MUST let the error roll it back.
import { randomUUID } from 'node:crypto';
import { type LedgerAccountKind, type Prisma } from '@bazaar/db';

type Tx = Prisma.TransactionClient;

/** Why money moved; (kind, reference) is unique, so each cause is booked once. */
export const LedgerKind = {
  PURCHASE_PAYMENT: 'PURCHASE_PAYMENT',
  REFUND: 'REFUND',
  ORDER_SETTLEMENT: 'ORDER_SETTLEMENT',
  TOP_UP: 'TOP_UP',
  ADMIN_CREDIT: 'ADMIN_CREDIT',
  WITHDRAWAL_REQUEST: 'WITHDRAWAL_REQUEST',
  WITHDRAWAL_PAID: 'WITHDRAWAL_PAID',
  WITHDRAWAL_REJECTED: 'WITHDRAWAL_REJECTED',
} as const;
export type LedgerKind = (typeof LedgerKind)[keyof typeof LedgerKind];

/**
 * Platform accounts that stand for the outside world (card network, the
 * platform's own pocket, payouts) may go negative; wallets, seller balances
 * and pending withdrawals never.
 */
const MAY_GO_NEGATIVE: ReadonlySet<LedgerAccountKind> = new Set<LedgerAccountKind>([
  'STRIPE_CLEARING',
  'PLATFORM_CREDIT',
  'PLATFORM_PROMOTIONS',
  'PAYOUTS',
]);

export interface AccountRef {
  kind: LedgerAccountKind;
  currency: string;
  userId?: string | null;
  sellerId?: string | null;
}

export interface Booking {
  kind: LedgerKind;
  reference: string;
  memo?: string | null;
  actorId?: string | null;
  entries: { account: AccountRef; amount: number }[];
}

export const wallet = (userId: string, currency: string): AccountRef => ({
  kind: 'WALLET',
  userId,
  currency,
});
export const sellerAccount = (
  kind: 'SELLER_ESCROW' | 'SELLER_AVAILABLE',
  sellerId: string,
  currency: string,
): AccountRef => ({ kind, sellerId, currency });
export const platform = (kind: LedgerAccountKind, currency: string): AccountRef => ({
  kind,
  currency,
});

/** An account would go below zero: nothing of the booking may stay (roll back). */
export class WalletShortError extends Error {
  readonly code = 'INSUFFICIENT_FUNDS';
  constructor(readonly account: string) {
    super(`INSUFFICIENT_FUNDS: ${account}`);
    this.name = 'WalletShortError';
  }
}

const keyOf = (a: AccountRef) => `${a.kind}|${a.userId ?? ''}|${a.sellerId ?? ''}|${a.currency}`;

const accountWhere = (a: AccountRef) => ({
  kind: a.kind,
  currency: a.currency,
  userId: a.userId ?? null,
  sellerId: a.sellerId ?? null,
});

/** The accounts' ids by keyOf, found in one statement and created on first use. */
async function accountIds(tx: Tx, accounts: readonly AccountRef[]): Promise<Map<string, string>> {
  const found = await tx.ledgerAccount.findMany({
    where: { OR: accounts.map(accountWhere) },
    select: { id: true, kind: true, currency: true, userId: true, sellerId: true },
  });
  const ids = new Map(found.map((a) => [keyOf(a), a.id]));
  for (const account of accounts)
    if (!ids.has(keyOf(account))) ids.set(keyOf(account), await accountId(tx, account));
  return ids;
}

/** The account's id, creating it on first use (concurrent creators meet on the unique key). */
export async function accountId(tx: Tx, account: AccountRef): Promise<string> {
  const find = async () =>
    (await tx.ledgerAccount.findFirst({ where: accountWhere(account), select: { id: true } }))?.id;
  const existing = await find();
  if (existing) return existing;
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO ledger_accounts (id, kind, user_id, seller_id, currency, allow_negative)
    VALUES (${randomUUID()}::uuid, ${account.kind}::"LedgerAccountKind", ${account.userId ?? null}::uuid,
            ${account.sellerId ?? null}::uuid, ${account.currency}, ${MAY_GO_NEGATIVE.has(account.kind)})
    ON CONFLICT (kind, user_id, seller_id, currency) DO NOTHING
    RETURNING id::text AS id`;
  // Lost the race: the other creator committed, and a new statement sees its row.
  const id = created[0]?.id ?? (await find());
  if (!id) throw new Error(`ledger account ${keyOf(account)} could not be created`);
  return id;
}

const errorText = (error: unknown) =>
  `${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? '')}`;

function isBalanceCheckViolation(error: unknown): boolean {
  return errorText(error).includes('ledger_accounts_balance_check');
}

/**
 * Books a balanced transaction once per (kind, reference): a second call with
 * the same pair changes nothing and returns the first transaction's id.
 * Entries are applied in one fixed account order, so concurrent bookings
 * lock accounts alike (no deadlocks).
 */
export async function book(
  tx: Tx,
  booking: Booking,
): Promise<{ transactionId: string; created: boolean }> {
  const merged = new Map<string, { account: AccountRef; amount: number }>();
  for (const entry of booking.entries) {
    if (!Number.isSafeInteger(entry.amount)) throw new Error('ledger amounts are integers');
    const key = keyOf(entry.account);
    const seen = merged.get(key);
    merged.set(key, { account: entry.account, amount: (seen?.amount ?? 0) + entry.amount });
  }
  const entries = [...merged.values()].filter((e) => e.amount !== 0);
  if (entries.reduce((sum, e) => sum + e.amount, 0) !== 0)
    throw new Error(`ledger booking ${booking.kind}:${booking.reference} does not sum to zero`);
  if (new Set(entries.map((e) => e.account.currency)).size > 1)
    throw new Error(`ledger booking ${booking.kind}:${booking.reference} mixes currencies`);

  const id = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO ledger_transactions (id, kind, reference, memo, actor_id)
    VALUES (${id}::uuid, ${booking.kind}, ${booking.reference}, ${booking.memo ?? null},
            ${booking.actorId ?? null}::uuid)
    ON CONFLICT (kind, reference) DO NOTHING
    RETURNING id::text AS id`;
  if (!inserted.length) {
    const first = await tx.ledgerTransaction.findUniqueOrThrow({
      where: { kind_reference: { kind: booking.kind, reference: booking.reference } },
      select: { id: true },
    });
    return { transactionId: first.id, created: false };
  }
  if (!entries.length) return { transactionId: id, created: true };

  const ids = await accountIds(
    tx,
    entries.map((e) => e.account),
  );
  const resolved = entries.map((e) => ({ ...e, accountId: ids.get(keyOf(e.account))! }));
  // One statement; its rows (and the trigger moving each balance) go in one
  // fixed order, each taking its account's row lock: users' and sellers'
  // accounts by id, then the few platform accounts every booking shares, so
  // concurrent bookings lock alike and those hot rows are held the shortest.
  const rank = (e: { account: AccountRef }) => (MAY_GO_NEGATIVE.has(e.account.kind) ? 1 : 0);
  resolved.sort(
    (a, b) =>
      rank(a) - rank(b) || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
  );
  try {
    await tx.$executeRaw`
      INSERT INTO ledger_entries (transaction_id, account_id, amount)
      SELECT ${id}::uuid, x.account_id, x.amount
        FROM unnest(${resolved.map((e) => e.accountId)}::uuid[],
                    ${resolved.map((e) => String(e.amount))}::bigint[])
             WITH ORDINALITY AS x(account_id, amount, position)
       ORDER BY x.position`;
  } catch (error) {
    if (!isBalanceCheckViolation(error)) throw error;
    const short = resolved.find((e) => errorText(error).includes(e.accountId));
    throw new WalletShortError(short ? keyOf(short.account) : 'unknown account');
  }
  return { transactionId: id, created: true };
}

/** Current balance of an account (0 when it was never used). */
export async function balanceOf(tx: Tx, account: AccountRef): Promise<number> {
  const row = await tx.ledgerAccount.findFirst({
    where: {
      kind: account.kind,
      currency: account.currency,
      userId: account.userId ?? null,
      sellerId: account.sellerId ?? null,
    },
    select: { balance: true },
  });
  return Number(row?.balance ?? 0n);
}
