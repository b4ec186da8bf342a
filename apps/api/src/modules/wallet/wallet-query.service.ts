// Reading wallets, withdrawals and seller balances. Amounts come from the
// ledger accounts' balances (kept by the database) and its entries.
import { Permission } from '@bazaar/schema';
import type { Prisma, WithdrawalRequest as WithdrawalRow } from '@bazaar/db';
import { can } from '../../common/auth/session.js';
import { ForbiddenError } from '../../common/errors/errors.js';
import { isUuid } from '../../common/ids/uuid.js';
import { money } from '../../common/money/money.js';
import {
  type ConnectionArgs,
  connectionFromRows,
  decodeCursor,
  isTimeIdKey,
} from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import type { WithdrawalStatus } from '../payments/payments.types.js';
import type { SellerBalance, WalletBalance, WithdrawalRequest } from './wallet.types.js';

export async function walletBalances(ctx: Context, userId: string): Promise<WalletBalance[]> {
  const [accounts, pending] = await Promise.all([
    ctx.db.prisma.ledgerAccount.findMany({
      where: { kind: 'WALLET', userId },
      select: { currency: true, balance: true },
    }),
    ctx.db.prisma.withdrawalRequest.groupBy({
      by: ['currency'],
      where: { userId, status: 'REQUESTED' },
      _sum: { amount: true },
    }),
  ]);
  const currencies = [
    ...new Set([...accounts.map((a) => a.currency), ...pending.map((p) => p.currency)]),
  ].sort();
  return currencies.map((currency) => ({
    currency,
    available: money(
      Number(accounts.find((a) => a.currency === currency)?.balance ?? 0n),
      currency,
      ctx.locale,
    ),
    pendingWithdrawal: money(
      pending.find((p) => p.currency === currency)?._sum.amount ?? 0,
      currency,
      ctx.locale,
    ),
  }));
}

export async function walletBalance(
  ctx: Context,
  userId: string,
  currency: string,
): Promise<WalletBalance> {
  const found = (await walletBalances(ctx, userId)).find((b) => b.currency === currency);
  return (
    found ?? {
      currency,
      available: money(0, currency, ctx.locale),
      pendingWithdrawal: money(0, currency, ctx.locale),
    }
  );
}

const isEntryKey = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,19}$/.test(value);

/** A wallet's movements, newest first. */
export async function walletEntries(ctx: Context, userId: string, args: ConnectionArgs) {
  const after = args.after ? decodeCursor(args.after, isEntryKey) : null;
  const where: Prisma.LedgerEntryWhereInput = { account: { kind: 'WALLET', userId } };
  const rows = await ctx.db.prisma.ledgerEntry.findMany({
    where: after ? { ...where, id: { lt: BigInt(after) } } : where,
    include: {
      transaction: { select: { kind: true, memo: true } },
      account: { select: { currency: true } },
    },
    orderBy: { id: 'desc' },
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => row.id.toString(),
    count: () => ctx.db.prisma.ledgerEntry.count({ where }),
    toNode: (row) => ({
      id: row.id.toString(),
      amount: money(Number(row.amount), row.account.currency, ctx.locale),
      kind: row.transaction.kind,
      memo: row.transaction.memo,
      createdAt: row.createdAt,
    }),
  });
}

export function toWithdrawal(ctx: Context, row: WithdrawalRow): WithdrawalRequest {
  return {
    id: row.id,
    userId: row.userId,
    amount: money(row.amount, row.currency, ctx.locale),
    status: row.status,
    note: row.note,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}

/** Withdrawal requests, newest first: one user's, or everyone's (admins). */
export async function listWithdrawals(
  ctx: Context,
  filter: { userId?: string; status?: WithdrawalStatus | null },
  args: ConnectionArgs,
) {
  const where: Prisma.WithdrawalRequestWhereInput = {
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const after = args.after ? decodeCursor(args.after, isTimeIdKey) : null;
  const keyset: Prisma.WithdrawalRequestWhereInput = after
    ? {
        OR: [
          { createdAt: { lt: new Date(after[0]) } },
          { createdAt: new Date(after[0]), id: { lt: after[1] } },
        ],
      }
    : {};
  const rows = await ctx.db.prisma.withdrawalRequest.findMany({
    where: { AND: [where, keyset] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
    count: () => ctx.db.prisma.withdrawalRequest.count({ where }),
    toNode: (row) => toWithdrawal(ctx, row),
  });
}

export function canManageWallets(ctx: Context): boolean {
  return can(ctx.session, Permission.WALLETS_MANAGE);
}

/** Escrow and available balance per currency; seller staff with ORDERS_READ or platform. */
export async function sellerBalances(ctx: Context, sellerId: string): Promise<SellerBalance[]> {
  if (!isUuid(sellerId) || !can(ctx.session, Permission.ORDERS_READ, sellerId))
    throw new ForbiddenError();
  const accounts = await ctx.db.prisma.ledgerAccount.findMany({
    where: { sellerId, kind: { in: ['SELLER_ESCROW', 'SELLER_AVAILABLE'] } },
    select: { kind: true, currency: true, balance: true },
  });
  const currencies = [...new Set(accounts.map((a) => a.currency))].sort();
  const amount = (kind: string, currency: string) =>
    Number(accounts.find((a) => a.kind === kind && a.currency === currency)?.balance ?? 0n);
  return currencies.map((currency) => ({
    currency,
    escrow: money(amount('SELLER_ESCROW', currency), currency, ctx.locale),
    available: money(amount('SELLER_AVAILABLE', currency), currency, ctx.locale),
  }));
}
