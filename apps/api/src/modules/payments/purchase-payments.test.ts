import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser } from '../../../test/accounts.js';
import {
  balance,
  createPurchase,
  expectLedgerConsistent,
  fundWallet,
  resetPayments,
  tx,
} from '../../../test/payments.js';
import { WalletShortError } from '../wallet/ledger.js';
import {
  collectInStorePayment,
  openPurchasePayments,
  type PaymentError,
  settleOrder,
} from './purchase-payments.js';

describe('purchase payments', async () => {
  await startApi();
  const a = await createSeller('pay-a');
  const b = await createSeller('pay-b');
  let n = 0;
  const shopper = async (funds = 0) => {
    const user = await createUser(`shopper${++n}@pay.test`);
    if (funds) await fundWallet(user.id, funds);
    return user;
  };

  beforeEach(resetPayments);

  it('a wallet payment debits the wallet and credits each seller escrow, the platform paying its discount', async () => {
    const user = await shopper(10_000);
    const p = await createPurchase({
      customerId: user.id,
      method: 'WALLET',
      orders: [
        { sellerId: a.seller.id, storeId: a.store.id, total: 3_000, platformDiscount: 500 },
        { sellerId: b.seller.id, storeId: b.store.id, total: 2_000 },
      ],
    });
    const [payment] = await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: p.purchase.id,
        payerId: user.id,
        method: 'WALLET',
        currency: 'EUR',
        amount: p.amount,
        orders: p.shares,
      }),
    );
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amount: 5_000, method: 'WALLET' });
    expect(await balance('WALLET', { userId: user.id })).toBe(5_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(3_500);
    expect(await balance('SELLER_ESCROW', { sellerId: b.seller.id })).toBe(2_000);
    expect(await balance('PLATFORM_PROMOTIONS')).toBe(-500);
    await expectLedgerConsistent();
  });

  it('a wallet payment short of funds throws INSUFFICIENT_FUNDS and changes nothing', async () => {
    const user = await shopper(1_000);
    const p = await createPurchase({
      customerId: user.id,
      method: 'WALLET',
      orders: [{ sellerId: a.seller.id, storeId: a.store.id, total: 1_001 }],
    });
    const before = await db.prisma.ledgerEntry.count();
    const error = await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: p.purchase.id,
        payerId: user.id,
        method: 'WALLET',
        currency: 'EUR',
        amount: p.amount,
        orders: p.shares,
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletShortError);
    expect((error as WalletShortError).code).toBe('INSUFFICIENT_FUNDS');
    expect(await db.prisma.payment.count()).toBe(0);
    expect(await db.prisma.ledgerEntry.count()).toBe(before);
    expect(await balance('WALLET', { userId: user.id })).toBe(1_000);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(0);
  });

  it('STRIPE opens one PENDING payment keyed payment:<id>; IN_STORE one per order, collected once', async () => {
    const user = await shopper();
    const stripe = await createPurchase({
      customerId: user.id,
      method: 'STRIPE',
      orders: [{ sellerId: a.seller.id, storeId: a.store.id, total: 1_500 }],
    });
    const [card] = await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: stripe.purchase.id,
        payerId: user.id,
        method: 'STRIPE',
        currency: 'EUR',
        amount: stripe.amount,
        orders: stripe.shares,
      }),
    );
    expect(card).toMatchObject({ status: 'PENDING', idempotencyKey: `payment:${card!.id}` });

    const store = await createPurchase({
      customerId: user.id,
      method: 'IN_STORE',
      orders: [
        { sellerId: a.seller.id, storeId: a.store.id, total: 700 },
        { sellerId: b.seller.id, storeId: b.store.id, total: 300 },
      ],
    });
    const cash = await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: store.purchase.id,
        payerId: user.id,
        method: 'IN_STORE',
        currency: 'EUR',
        amount: store.amount,
        orders: store.shares,
      }),
    );
    expect(cash.map((c) => [c.orderId, c.amount, c.status])).toEqual([
      [store.orders[0]!.id, 700, 'PENDING'],
      [store.orders[1]!.id, 300, 'PENDING'],
    ]);
    const collected = await tx((t) =>
      collectInStorePayment(t, { orderId: store.orders[0]!.id, actorId: a.owner.id }),
    );
    expect(collected.status).toBe('SUCCEEDED');
    // Again: the same payment, still once.
    const again = await tx((t) =>
      collectInStorePayment(t, { orderId: store.orders[0]!.id, actorId: a.owner.id }),
    );
    expect(again.id).toBe(collected.id);
    const missing = await tx((t) =>
      collectInStorePayment(t, { orderId: stripe.orders[0]!.id, actorId: a.owner.id }),
    ).catch((e: unknown) => e);
    expect((missing as PaymentError).code).toBe('PAYMENT_NOT_FOUND');
    // In store: no money passes through the ledger, and settling books nothing.
    await tx((t) => settleOrder(t, store.orders[0]!.id));
    expect(await db.prisma.ledgerEntry.count()).toBe(0);
  });

  it('settling a completed wallet order moves its escrow to the seller, once', async () => {
    const user = await shopper(5_000);
    const p = await createPurchase({
      customerId: user.id,
      method: 'WALLET',
      orders: [{ sellerId: a.seller.id, storeId: a.store.id, total: 2_000, platformDiscount: 200 }],
    });
    await tx((t) =>
      openPurchasePayments(t, {
        purchaseId: p.purchase.id,
        payerId: user.id,
        method: 'WALLET',
        currency: 'EUR',
        amount: p.amount,
        orders: p.shares,
      }),
    );
    await tx((t) => settleOrder(t, p.orders[0]!.id));
    await tx((t) => settleOrder(t, p.orders[0]!.id));
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(0);
    expect(await balance('SELLER_AVAILABLE', { sellerId: a.seller.id })).toBe(2_200);
    await expectLedgerConsistent();
  });

  it('CONCURRENCY: 40 wallet payments against one wallet never overdraw it and keep the ledger balanced', async () => {
    const user = await shopper(10_000);
    const purchases = [];
    for (let i = 0; i < 40; i++)
      purchases.push(
        await createPurchase({
          customerId: user.id,
          method: 'WALLET',
          orders: [
            { sellerId: a.seller.id, storeId: a.store.id, total: 600 },
            { sellerId: b.seller.id, storeId: b.store.id, total: 400 },
          ],
        }),
      );
    const results = await Promise.allSettled(
      purchases.map((p) =>
        tx((t) =>
          openPurchasePayments(t, {
            purchaseId: p.purchase.id,
            payerId: user.id,
            method: 'WALLET',
            currency: 'EUR',
            amount: p.amount,
            orders: p.shares,
          }),
        ),
      ),
    );
    const paid = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof WalletShortError,
    ).length;
    expect(paid).toBe(10);
    expect(refused).toBe(30);
    expect(await balance('WALLET', { userId: user.id })).toBe(0);
    expect(await balance('SELLER_ESCROW', { sellerId: a.seller.id })).toBe(6_000);
    expect(await db.prisma.payment.count()).toBe(10);
    await expectLedgerConsistent();
  });
});
