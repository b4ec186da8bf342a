import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import {
  balance,
  createPurchase,
  expectLedgerConsistent,
  fundWallet,
  resetPayments,
  tx,
} from '../../../test/payments.js';
import { deliver, stripeSetup } from '../../../test/stripe-flow.js';
import { openPurchasePayments } from '../payments/purchase-payments.js';
import { WalletShortError } from './ledger.js';

const MY_WALLET = `{ myWallet {
  balances { currency available { amount } pendingWithdrawal { amount } }
  entries(first: 10) { totalCount edges { node { kind memo amount { amount currency } } } }
  withdrawals(first: 10) { edges { node { id status amount { amount } user { email } } } }
} }`;
const CREDIT = `mutation($input: WalletCreditInput!) { walletCredit(input: $input) {
  balance { currency available { amount } } errors { code field message } } }`;
const WITHDRAW = `mutation($input: WalletWithdrawalRequestInput!) { walletWithdrawalRequest(input: $input) {
  withdrawal { id status amount { amount currency } } errors { code field } } }`;
const DECIDE = `mutation($input: WithdrawalDecideInput!) { withdrawalDecide(input: $input) {
  withdrawal { id status note decidedAt } errors { code field } } }`;
const REQUESTS = `query($status: WithdrawalStatus) { withdrawalRequests(status: $status, first: 10) {
  totalCount edges { node { id status amount { amount } user { email } } } } }`;
const TOP_UP = `mutation($input: WalletTopUpInput!) { walletTopUp(input: $input) {
  payment { paymentId method status clientSecret } errors { code field } } }`;
const SELLER_BALANCE = `query($sellerId: ID!) { sellerBalance(sellerId: $sellerId) {
  currency escrow { amount } available { amount } } }`;

describe('wallet', async () => {
  const { double } = await stripeSetup();
  const api = await startApi(double.env);
  await createUser('admin@wallet.test', [{ role: 'admin' }]);
  const admin = await signIn(api, 'admin@wallet.test');
  const shop = await createSeller('wallet-shop');
  const owner = await signIn(api, shop.owner.email);
  const other = await createSeller('wallet-other');
  const otherOwner = await signIn(api, other.owner.email);
  let n = 0;
  async function shopper() {
    const user = await createUser(`shopper${++n}@wallet.test`);
    return { user, client: await signIn(api, user.email) };
  }
  const credit = (
    userId: string,
    amount: number,
    key: string,
    extra: Record<string, unknown> = {},
  ) =>
    admin.graphql(CREDIT, {
      input: {
        userId,
        amount,
        currency: 'EUR',
        reason: 'Goodwill gesture',
        idempotencyKey: key,
        ...extra,
      },
    });

  beforeEach(resetPayments);

  it('an admin credit lands in the wallet once per key, audited', async () => {
    const { user, client } = await shopper();
    const first = await credit(user.id, 2_500, 'credit-key-1');
    expect(first.data!.walletCredit).toEqual({
      balance: { currency: 'EUR', available: { amount: 2_500 } },
      errors: [],
    });
    expect((await credit(user.id, 2_500, 'credit-key-1')).data!.walletCredit.errors).toEqual([]);
    expect((await credit(user.id, 900, 'credit-key-1')).data!.walletCredit.errors).toMatchObject([
      { code: 'IDEMPOTENCY_KEY_REUSED' },
    ]);
    expect(await balance('WALLET', { userId: user.id })).toBe(2_500);
    const audit = await db.prisma.auditEvent.findMany({
      where: { type: 'WALLET_CREDITED', subjectId: user.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({
      amount: 2_500,
      currency: 'EUR',
      reason: 'Goodwill gesture',
    });

    const wallet = (await client.graphql(MY_WALLET)).data!.myWallet;
    expect(wallet.balances).toEqual([
      { currency: 'EUR', available: { amount: 2_500 }, pendingWithdrawal: { amount: 0 } },
    ]);
    expect(wallet.entries).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            kind: 'ADMIN_CREDIT',
            memo: 'Goodwill gesture',
            amount: { amount: 2_500, currency: 'EUR' },
          },
        },
      ],
    });
  });

  it('refuses bad credits with coded errors, and shoppers altogether', async () => {
    const { user, client } = await shopper();
    const bad = await admin.graphql(CREDIT, {
      input: {
        userId: user.id,
        amount: 0,
        currency: 'EURO',
        reason: ' x ',
        idempotencyKey: 'short',
      },
    });
    expect(bad.data!.walletCredit.errors.map((e: { code: string }) => e.code).sort()).toEqual([
      'AMOUNT_INVALID',
      'CURRENCY_INVALID',
      'IDEMPOTENCY_KEY_INVALID',
      'REASON_REQUIRED',
    ]);
    const unknown = await credit('00000000-0000-4000-8000-000000000000', 100, 'credit-key-2');
    expect(unknown.data!.walletCredit.errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'userId' },
    ]);
    const forbidden = await client.graphql(CREDIT, {
      input: {
        userId: user.id,
        amount: 100,
        currency: 'EUR',
        reason: 'myself',
        idempotencyKey: 'credit-key-3',
      },
    });
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await db.prisma.ledgerEntry.count()).toBe(0);
    expect(
      await db.prisma.auditEvent.count({ where: { type: 'WALLET_CREDITED', subjectId: user.id } }),
    ).toBe(0);
  });

  it('a withdrawal holds the money until an admin pays it out or rejects it', async () => {
    const { user, client } = await shopper();
    await fundWallet(user.id, 3_000);
    const short = await client.graphql(WITHDRAW, {
      input: { amount: 3_001, currency: 'EUR', idempotencyKey: 'withdraw-0' },
    });
    expect(short.data!.walletWithdrawalRequest).toEqual({
      withdrawal: null,
      errors: [{ code: 'INSUFFICIENT_FUNDS', field: 'amount' }],
    });
    expect(await db.prisma.withdrawalRequest.count()).toBe(0);

    const input = { amount: 1_000, currency: 'EUR', idempotencyKey: 'withdraw-1' };
    const first = (await client.graphql(WITHDRAW, { input })).data!.walletWithdrawalRequest;
    expect(first).toMatchObject({
      withdrawal: { status: 'REQUESTED', amount: { amount: 1_000 } },
      errors: [],
    });
    const retry = (await client.graphql(WITHDRAW, { input })).data!.walletWithdrawalRequest;
    expect(retry.withdrawal.id).toBe(first.withdrawal.id);
    const second = (
      await client.graphql(WITHDRAW, {
        input: { ...input, amount: 500, idempotencyKey: 'withdraw-2' },
      })
    ).data!.walletWithdrawalRequest;
    expect((await client.graphql(MY_WALLET)).data!.myWallet.balances).toEqual([
      { currency: 'EUR', available: { amount: 1_500 }, pendingWithdrawal: { amount: 1_500 } },
    ]);

    const listed = (await admin.graphql(REQUESTS, { status: 'REQUESTED' })).data!
      .withdrawalRequests;
    expect(listed.totalCount).toBe(2);
    expect(listed.edges[0].node).toMatchObject({
      id: second.withdrawal.id,
      user: { email: user.email },
    });
    expect((await client.graphql(REQUESTS, {})).errors?.[0]?.extensions?.['code']).toBe(
      'FORBIDDEN',
    );

    const paid = await admin.graphql(DECIDE, {
      input: { id: first.withdrawal.id, approve: true, note: 'Sent by bank transfer' },
    });
    expect(paid.data!.withdrawalDecide.withdrawal).toMatchObject({
      status: 'PAID',
      note: 'Sent by bank transfer',
    });
    const rejected = await admin.graphql(DECIDE, {
      input: { id: second.withdrawal.id, approve: false },
    });
    expect(rejected.data!.withdrawalDecide.withdrawal.status).toBe('REJECTED');
    const again = await admin.graphql(DECIDE, {
      input: { id: second.withdrawal.id, approve: true },
    });
    expect(again.data!.withdrawalDecide.errors).toEqual([{ code: 'ALREADY_DECIDED', field: 'id' }]);
    const missing = await admin.graphql(DECIDE, { input: { id: 'nope', approve: true } });
    expect(missing.data!.withdrawalDecide.errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);

    expect(await balance('WALLET', { userId: user.id })).toBe(2_000);
    expect(await balance('WITHDRAWALS_PENDING')).toBe(0);
    expect(await balance('PAYOUTS')).toBe(1_000);
    expect(
      await db.prisma.auditEvent.count({
        where: { type: 'WITHDRAWAL_DECIDED', subjectId: user.id },
      }),
    ).toBe(2);
    const kinds = (await client.graphql(MY_WALLET)).data!.myWallet.entries.edges.map(
      (e: { node: { kind: string } }) => e.node.kind,
    );
    expect(kinds).toEqual([
      'WITHDRAWAL_REJECTED',
      'WITHDRAWAL_REQUEST',
      'WITHDRAWAL_REQUEST',
      'ADMIN_CREDIT',
    ]);
    await expectLedgerConsistent();
  });

  it('a card top-up credits the wallet when Stripe confirms it', async () => {
    const { user, client } = await shopper();
    const input = { amount: 4_000, currency: 'EUR', idempotencyKey: 'top-up-key-1' };
    const started = (await client.graphql(TOP_UP, { input })).data!.walletTopUp;
    expect(started).toMatchObject({ payment: { method: 'STRIPE', status: 'PENDING' }, errors: [] });
    expect(started.payment.clientSecret).toMatch(/_secret_/);
    const retry = (await client.graphql(TOP_UP, { input })).data!.walletTopUp;
    expect(retry.payment.paymentId).toBe(started.payment.paymentId);
    expect(
      (await client.graphql(TOP_UP, { input: { ...input, amount: 1 } })).data!.walletTopUp.errors,
    ).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' }]);
    const payment = await db.prisma.payment.findUniqueOrThrow({
      where: { id: started.payment.paymentId },
    });
    expect(await balance('WALLET', { userId: user.id })).toBe(0);
    await deliver(
      api.app,
      double.webhook('payment_intent.succeeded', double.succeed(payment.providerRef!)),
    );
    expect(await balance('WALLET', { userId: user.id })).toBe(4_000);
    expect(await balance('STRIPE_CLEARING')).toBe(-4_000);
    await expectLedgerConsistent();
  });

  it('a top-up started while Stripe is down fails with PAYMENT_FAILED; the retry creates one intent', async () => {
    const { user, client } = await shopper();
    const input = { amount: 1_500, currency: 'EUR', idempotencyKey: 'top-up-key-down' };
    double.down = true;
    try {
      const failed = (await client.graphql(TOP_UP, { input })).data!.walletTopUp;
      expect(failed).toEqual({ payment: null, errors: [{ code: 'PAYMENT_FAILED', field: null }] });
    } finally {
      double.down = false;
    }
    const before = double.intents.size;
    const retried = (await client.graphql(TOP_UP, { input })).data!.walletTopUp;
    expect(retried.errors).toEqual([]);
    expect(double.intents.size).toBe(before + 1);
    expect(await db.prisma.payment.count({ where: { payerId: user.id } })).toBe(1);
  });

  it('without Stripe, top-ups answer STRIPE_NOT_CONFIGURED', async () => {
    const plain = await startApi();
    const user = await createUser('nostripe@wallet.test');
    const client = await signIn(plain, user.email);
    const result = await client.graphql(TOP_UP, {
      input: { amount: 100, currency: 'EUR', idempotencyKey: 'top-up-key-2' },
    });
    expect(result.data!.walletTopUp.errors).toEqual([
      { code: 'STRIPE_NOT_CONFIGURED', field: null },
    ]);
    expect(await db.prisma.payment.count()).toBe(0);
  });

  it("sellerBalance shows a seller's escrow to its staff only", async () => {
    const { user } = await shopper();
    await fundWallet(user.id, 1_000);
    const p = await createPurchase({
      customerId: user.id,
      method: 'WALLET',
      orders: [{ sellerId: shop.seller.id, storeId: shop.store.id, total: 800 }],
    });
    await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: p.purchase.id,
        payerId: user.id,
        method: 'WALLET',
        currency: 'EUR',
        amount: 800,
        orders: p.shares,
      }),
    );
    expect(
      (await owner.graphql(SELLER_BALANCE, { sellerId: shop.seller.id })).data!.sellerBalance,
    ).toEqual([{ currency: 'EUR', escrow: { amount: 800 }, available: { amount: 0 } }]);
    const refused = await otherOwner.graphql(SELLER_BALANCE, { sellerId: shop.seller.id });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('CONCURRENCY: payments and withdrawals racing on one wallet keep every ledger invariant', async () => {
    const { user, client } = await shopper();
    await fundWallet(user.id, 5_000);
    const purchases = [];
    for (let i = 0; i < 15; i++)
      purchases.push(
        await createPurchase({
          customerId: user.id,
          method: 'WALLET',
          orders: [{ sellerId: shop.seller.id, storeId: shop.store.id, total: 300 }],
        }),
      );
    const payments = purchases.map((p) =>
      tx((t) =>
        openPurchasePayments(t, {
          purchaseId: p.purchase.id,
          payerId: user.id,
          method: 'WALLET',
          currency: 'EUR',
          amount: 300,
          orders: p.shares,
        }),
      ).then(
        () => 300,
        (e: unknown) => {
          if (e instanceof WalletShortError) return 0;
          throw e;
        },
      ),
    );
    const withdrawals = Array.from({ length: 15 }, (_, i) =>
      client
        .graphql(WITHDRAW, {
          input: { amount: 200, currency: 'EUR', idempotencyKey: `race-withdraw-${i}` },
        })
        .then((r) => {
          const payload = r.data!.walletWithdrawalRequest;
          if (payload.withdrawal) return 200;
          expect(payload.errors).toEqual([{ code: 'INSUFFICIENT_FUNDS', field: 'amount' }]);
          return 0;
        }),
    );
    const spent = (await Promise.all([...payments, ...withdrawals])).reduce((s, x) => s + x, 0);
    const left = await balance('WALLET', { userId: user.id });
    expect(left).toBe(5_000 - spent);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(200);
    expect(await balance('SELLER_ESCROW', { sellerId: shop.seller.id })).toBe(
      300 * (await db.prisma.payment.count({ where: { payerId: user.id, status: 'SUCCEEDED' } })),
    );
    expect(await balance('WITHDRAWALS_PENDING')).toBe(
      200 * (await db.prisma.withdrawalRequest.count({ where: { userId: user.id } })),
    );
    await expectLedgerConsistent();
  });
});
