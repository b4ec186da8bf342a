// Reconciliation: the server completes orders even when a webhook never
// arrives. Each run (1) re-reads Stripe payments still open after a few
// minutes and applies the intent (cancelling it at Stripe first when every
// order of its purchase was cancelled meanwhile, e.g. unpaid in time), (2) turns succeeded payments whose orders
// are still PLACED into paid orders, (3) sends or re-reads Stripe refunds
// still pending. Every step is idempotent, so replicas may run it side by
// side; `now` is a parameter so tests control time.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@bazaar/db';
import { startRecurringJob } from '../../common/jobs/recurring-job.js';
import type { Env } from '../../env.js';
import type { PaymentDeps } from './payment-deps.js';
import { applyIntent, completePaidPurchase } from './payment-events.js';
import { sendRefunds } from './refunds.service.js';
import { stripeProvider } from './stripe.provider.js';

export const RECONCILIATION_INTERVAL_MS = 60_000;

/** Stripe statuses in which the shopper could still pay (and Stripe lets us cancel). */
const CANCELABLE = new Set(['requires_payment_method', 'requires_confirmation', 'requires_action']);

/** Every order of the purchase is cancelled: its open intent must not take money any more. */
async function nothingLeftToPay(deps: PaymentDeps, purchaseId: string | null): Promise<boolean> {
  if (!purchaseId) return false;
  const live = await deps.db.prisma.order.count({
    where: { purchaseId, status: { not: 'CANCELLED' } },
  });
  return live === 0;
}

export interface ReconciliationOptions {
  /** A Stripe payment or refund untouched this long is re-read. */
  staleMinutes?: number;
  /** Open payments older than this are left alone (abandoned checkouts). */
  maxAgeHours?: number;
  batch?: number;
}

/** One pass. Returns how many payments and refunds it looked at. */
export async function runPaymentReconciliation(
  deps: PaymentDeps,
  now: Date = new Date(),
  { staleMinutes = 5, maxAgeHours = 48, batch = 50 }: ReconciliationOptions = {},
): Promise<number> {
  const prisma = deps.db.prisma;
  const stale = new Date(now.getTime() - staleMinutes * 60_000);
  let handled = 0;
  const provider = stripeProvider(deps.env);

  if (provider) {
    const open = await prisma.payment.findMany({
      where: {
        method: 'STRIPE',
        status: { in: ['PENDING', 'REQUIRES_ACTION', 'FAILED'] },
        providerRef: { not: null },
        updatedAt: { lt: stale },
        createdAt: { gt: new Date(now.getTime() - maxAgeHours * 3_600_000) },
      },
      select: { id: true, providerRef: true, purchaseId: true },
      orderBy: { updatedAt: 'asc' },
      take: batch,
    });
    for (const payment of open) {
      try {
        let intent = await provider.retrievePaymentIntent(payment.providerRef!);
        if (CANCELABLE.has(intent.status) && (await nothingLeftToPay(deps, payment.purchaseId)))
          intent = await provider.cancelPaymentIntent(intent.id);
        const refunds = await prisma.$transaction(async (tx) => {
          // Touch it even when nothing changed: the next look is staleMinutes later.
          await tx.payment.update({ where: { id: payment.id }, data: { updatedAt: now } });
          return applyIntent(tx, intent);
        });
        await sendRefunds(deps, refunds);
        handled++;
      } catch (error) {
        deps.log.warn({ err: error, paymentId: payment.id }, 'payment reconciliation failed');
      }
    }
  }

  const unpaid = await prisma.$queryRaw<{ id: string; purchaseId: string }[]>`
    SELECT p.id::text AS id, p.purchase_id::text AS "purchaseId" FROM payments p
     WHERE p.status = 'SUCCEEDED' AND p.purpose = 'PURCHASE' AND p.method <> 'IN_STORE'
       AND EXISTS (SELECT 1 FROM orders o WHERE o.purchase_id = p.purchase_id AND o.status = 'PLACED')
     LIMIT ${batch}`;
  for (const payment of unpaid) {
    const refunds = await prisma.$transaction((tx) => completePaidPurchase(tx, payment));
    await sendRefunds(deps, refunds);
    handled++;
  }

  if (provider) {
    const pending = await prisma.refund.findMany({
      where: { status: 'PENDING', payment: { method: 'STRIPE' }, updatedAt: { lt: stale } },
      select: { id: true },
      take: batch,
    });
    await prisma.refund.updateMany({
      where: { id: { in: pending.map((r) => r.id) } },
      data: { updatedAt: now },
    });
    await sendRefunds(
      deps,
      pending.map((r) => r.id),
    );
    handled += pending.length;
  }
  return handled;
}

/** Runs reconciliation every minute until the returned function is called. */
export function startPaymentReconciliationJob(
  db: Database,
  env: Env,
  log: FastifyBaseLogger,
): () => Promise<void> {
  // Never loops at once: each item is touched, so nothing is due again before a minute.
  return startRecurringJob(
    'payment-reconciliation',
    RECONCILIATION_INTERVAL_MS,
    async () => {
      await runPaymentReconciliation({ db, env, log });
    },
    log,
  );
}
