// Wallet mutations. Each books the ledger in one transaction with its record;
// a wallet that would go below zero makes the database refuse the booking
// (WalletShortError), the transaction rolls back and the caller gets
// INSUFFICIENT_FUNDS. Every mutation takes a client idempotency key: a retry
// returns the first result and moves no money again.
import { createHash, randomUUID } from 'node:crypto';
import type { WithdrawalRequest as WithdrawalRow } from '@bazaar/db';
import { ForbiddenError } from '../../common/errors/errors.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import { isCurrency } from '../../common/money/money.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { PaymentError } from '../payments/payments.errors.js';
import type { PaymentSession } from '../payments/payments.types.js';
import { startStripePayment } from '../payments/purchase-payments.js';
import { stripeProvider } from '../payments/stripe.provider.js';
import { LedgerKind, WalletShortError, book, platform, wallet } from './ledger.js';
import { canManageWallets, toWithdrawal, walletBalance } from './wallet-query.service.js';
import type {
  WalletCreditCode,
  WalletTopUpCode,
  WalletWithdrawalRequestCode,
  WithdrawalDecideCode,
} from './wallet.errors.js';
import type {
  WalletCreditInput,
  WalletTopUpInput,
  WalletWithdrawalRequestInput,
  WithdrawalDecideInput,
} from './wallet.types.js';

/** Largest single wallet movement: one million in major units. */
export const MAX_WALLET_AMOUNT = 100_000_000;

type Common = 'AMOUNT_INVALID' | 'CURRENCY_INVALID' | 'IDEMPOTENCY_KEY_INVALID';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

function checkMoneyInput<Code extends string>(
  errors: PayloadErrors<Code | Common>,
  input: { amount: number; currency: string; idempotencyKey: string },
) {
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || input.amount > MAX_WALLET_AMOUNT)
    errors.add(
      'AMOUNT_INVALID',
      `The amount must be 1 to ${MAX_WALLET_AMOUNT} minor units.`,
      'amount',
    );
  if (!isCurrency(input.currency))
    errors.add('CURRENCY_INVALID', 'Give an ISO 4217 currency code, e.g. EUR.', 'currency');
  // Visible ASCII only: a top-up sends the key to Stripe in an HTTP header.
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey))
    errors.add(
      'IDEMPOTENCY_KEY_INVALID',
      'The idempotency key must be 8 to 100 visible ASCII characters (a uuid will do).',
      'idempotencyKey',
    );
}

/** The same uuid for the same user and key: the withdrawal's id doubles as its idempotency key. */
function keyedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------
// walletTopUp

export async function topUp(ctx: Context, input: WalletTopUpInput) {
  const errors = new PayloadErrors<WalletTopUpCode>();
  const fail = () => ({ payment: null, errors: errors.list });
  checkMoneyInput(errors, input);
  if (errors.any) return fail();
  if (!stripeProvider(ctx.services.env)) {
    errors.add('STRIPE_NOT_CONFIGURED', 'Card top-ups are not available.');
    return fail();
  }
  const userId = ctx.session.userId!;
  const id = randomUUID();
  const key = `topup:${userId}:${input.idempotencyKey}`;
  await ctx.db.prisma.$executeRaw`
    INSERT INTO payments (id, purpose, method, payer_id, amount, currency, idempotency_key, updated_at)
    VALUES (${id}::uuid, 'WALLET_TOP_UP', 'STRIPE', ${userId}::uuid, ${input.amount}::int,
            ${input.currency}, ${key}, now())
    ON CONFLICT (idempotency_key) DO NOTHING`;
  const payment = await ctx.db.prisma.payment.findUniqueOrThrow({ where: { idempotencyKey: key } });
  if (payment.amount !== input.amount || payment.currency !== input.currency) {
    errors.add(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for another top-up.',
      'idempotencyKey',
    );
    return fail();
  }
  try {
    const started = await startStripePayment(ctx, payment.id);
    const session: PaymentSession = {
      paymentId: payment.id,
      method: 'STRIPE',
      status: started.status,
      clientSecret: started.clientSecret,
    };
    return { payment: session, errors: [] };
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    ctx.log.warn({ err: error }, 'Stripe top-up could not start');
    errors.add('PAYMENT_FAILED', 'The card payment could not be started; try again.');
    return fail();
  }
}

// ---------------------------------------------------------------------------
// walletWithdrawalRequest

export async function requestWithdrawal(ctx: Context, input: WalletWithdrawalRequestInput) {
  const errors = new PayloadErrors<WalletWithdrawalRequestCode>();
  const fail = () => ({ withdrawal: null, errors: errors.list });
  checkMoneyInput(errors, input);
  if (errors.any) return fail();
  const userId = ctx.session.userId!;
  const id = keyedUuid('withdrawal', userId, input.idempotencyKey);
  let row: WithdrawalRow;
  try {
    row = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.$executeRaw`
        INSERT INTO withdrawal_requests (id, user_id, currency, amount)
        VALUES (${id}::uuid, ${userId}::uuid, ${input.currency}, ${input.amount}::int)
        ON CONFLICT (id) DO NOTHING`;
      const withdrawal = await tx.withdrawalRequest.findUniqueOrThrow({ where: { id } });
      if (created)
        await book(tx, {
          kind: LedgerKind.WITHDRAWAL_REQUEST,
          reference: id,
          memo: 'Withdrawal requested',
          actorId: userId,
          entries: [
            { account: wallet(userId, input.currency), amount: -input.amount },
            { account: platform('WITHDRAWALS_PENDING', input.currency), amount: input.amount },
          ],
        });
      return withdrawal;
    });
  } catch (error) {
    if (!(error instanceof WalletShortError)) throw error;
    errors.add('INSUFFICIENT_FUNDS', 'Your wallet does not hold that much.', 'amount');
    return fail();
  }
  if (row.amount !== input.amount || row.currency !== input.currency) {
    errors.add(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for another withdrawal.',
      'idempotencyKey',
    );
    return fail();
  }
  return { withdrawal: toWithdrawal(ctx, row), errors: [] };
}

// ---------------------------------------------------------------------------
// walletCredit (admins)

export async function credit(ctx: Context, input: WalletCreditInput) {
  if (!canManageWallets(ctx)) throw new ForbiddenError();
  const errors = new PayloadErrors<WalletCreditCode>();
  const fail = () => ({ balance: null, errors: errors.list });
  checkMoneyInput(errors, input);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500)
    errors.add('REASON_REQUIRED', 'Say why, in 3 to 500 characters.', 'reason');
  const user = isUuid(input.userId)
    ? await ctx.db.prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } })
    : null;
  if (!user) errors.add('NOT_FOUND', 'This user does not exist.', 'userId');
  if (errors.any) return fail();

  const reference = `${input.userId}:${input.idempotencyKey}`;
  const reused = await ctx.db.prisma.$transaction(async (tx) => {
    const booked = await book(tx, {
      kind: LedgerKind.ADMIN_CREDIT,
      reference,
      memo: reason,
      actorId: ctx.session.userId,
      entries: [
        { account: platform('PLATFORM_CREDIT', input.currency), amount: -input.amount },
        { account: wallet(input.userId, input.currency), amount: input.amount },
      ],
    });
    if (!booked.created) {
      const first = await tx.ledgerEntry.findFirst({
        where: { transactionId: booked.transactionId, account: { kind: 'WALLET' } },
        include: { account: { select: { currency: true, userId: true } } },
      });
      return !(
        first &&
        Number(first.amount) === input.amount &&
        first.account.currency === input.currency
      );
    }
    await recordAudit(tx, ctx, {
      type: 'WALLET_CREDITED',
      actorId: ctx.session.userId,
      subjectId: input.userId,
      details: {
        amount: input.amount,
        currency: input.currency,
        reason,
        transactionId: booked.transactionId,
      },
    });
    return false;
  });
  if (reused) {
    errors.add(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for another credit.',
      'idempotencyKey',
    );
    return fail();
  }
  return { balance: await walletBalance(ctx, input.userId, input.currency), errors: [] };
}

// ---------------------------------------------------------------------------
// withdrawalDecide (admins)

export async function decideWithdrawal(ctx: Context, input: WithdrawalDecideInput) {
  if (!canManageWallets(ctx)) throw new ForbiddenError();
  const errors = new PayloadErrors<WithdrawalDecideCode>();
  const fail = () => ({ withdrawal: null, errors: errors.list });
  const note = input.note?.trim() || null;
  if (note && note.length > 500) {
    errors.add('NOTE_TOO_LONG', 'The note is at most 500 characters.', 'note');
    return fail();
  }
  if (!isUuid(input.id)) {
    errors.add('NOT_FOUND', 'This withdrawal request does not exist.', 'id');
    return fail();
  }
  const status = input.approve ? 'PAID' : 'REJECTED';
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const decided = await tx.withdrawalRequest.updateMany({
      where: { id: input.id, status: 'REQUESTED' },
      data: { status, note, decidedById: ctx.session.userId, decidedAt: new Date() },
    });
    const withdrawal = await tx.withdrawalRequest.findUnique({ where: { id: input.id } });
    if (!withdrawal || !decided.count) return withdrawal ? 'ALREADY_DECIDED' : 'NOT_FOUND';
    const pending = platform('WITHDRAWALS_PENDING', withdrawal.currency);
    await book(tx, {
      kind: input.approve ? LedgerKind.WITHDRAWAL_PAID : LedgerKind.WITHDRAWAL_REJECTED,
      reference: withdrawal.id,
      memo: note ?? (input.approve ? 'Withdrawal paid out' : 'Withdrawal rejected'),
      actorId: ctx.session.userId,
      entries: [
        { account: pending, amount: -withdrawal.amount },
        {
          account: input.approve
            ? platform('PAYOUTS', withdrawal.currency)
            : wallet(withdrawal.userId, withdrawal.currency),
          amount: withdrawal.amount,
        },
      ],
    });
    await recordAudit(tx, ctx, {
      type: 'WITHDRAWAL_DECIDED',
      actorId: ctx.session.userId,
      subjectId: withdrawal.userId,
      details: {
        withdrawalId: withdrawal.id,
        status,
        amount: withdrawal.amount,
        currency: withdrawal.currency,
        note,
      },
    });
    return withdrawal;
  });
  if (typeof row === 'string') {
    errors.add(
      row,
      row === 'NOT_FOUND'
        ? 'This withdrawal request does not exist.'
        : 'This withdrawal request was already decided.',
      'id',
    );
    return fail();
  }
  return { withdrawal: toWithdrawal(ctx, row), errors: [] };
}
