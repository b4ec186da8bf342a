// The fault suite's harness: a PostgreSQL this test owns (so it can restart
// it), API processes of the production build pointed at it, shoppers placing
// wallet orders with idempotency keys and retrying through faults, and the
// SQL that checks what must hold afterwards.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  createDatabase,
  ensureDatabase,
  migrate,
  seedIfEmpty,
  startEmbeddedPostgres,
  syncBuiltInRoles,
  withDatabase,
} from '@bazaar/db';
import pg from 'pg';

export const ROOT = new URL('../../../../', import.meta.url).pathname;
const MASTER_KEY = randomBytes(32).toString('base64');
const ADMIN = { email: 'admin@bazaar.test', password: 'bazaar-demo-pass' };
export const ADDRESS = {
  recipient: 'Fault Buyer',
  line1: '1 Crash Street',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A fresh PostgreSQL on a fixed port (so it can be restarted in place) with a
 * template database, migrated and seeded (small) once; each scenario gets its
 * own copy from `database(name)`.
 */
export async function startCluster() {
  const dataDir = `${ROOT}.data/faults-postgres`;
  const mediaDir = `${ROOT}.data/faults-media`;
  mkdirSync(mediaDir, { recursive: true });
  const port = await freePort();
  // No fsync: the API is what gets killed, and PostgreSQL is only ever stopped cleanly.
  let server = await startEmbeddedPostgres({ dataDir, fresh: true, fast: true, port });
  await ensureDatabase(server.url, 'faults_template');
  const template = withDatabase(server.url, 'faults_template');
  await migrate(template);
  const db = createDatabase(template);
  try {
    await syncBuiltInRoles(db.prisma);
    await seedIfEmpty(db.prisma, 'small', { mediaDir });
  } finally {
    await db.close();
  }
  return {
    async database(name) {
      await ensureDatabase(server.url, name, 'faults_template');
      return { url: withDatabase(server.url, name), mediaDir };
    },
    stop: () => server.stop(),
    start: async () => {
      server = await startEmbeddedPostgres({ dataDir, fast: true, port });
    },
  };
}

/** One API process of the production build on `port`, ready when this resolves. */
export async function startApi(database, port, extraEnv = {}) {
  const child = spawn('node', ['apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SERVE_SPAS: 'false',
      DATABASE_URL: database.url,
      SIGNING_MASTER_KEY: MASTER_KEY,
      MEDIA_DIR: database.mediaDir,
      ...extraEnv,
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error(`the API on ${port} did not become ready: ${stderr}`);
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${stderr}`);
    if (await isReady(base)) break;
    await sleep(100);
  }
  return {
    base,
    child,
    stderr: () => stderr,
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      await exited;
      process.removeListener('exit', stopOnExit);
    },
  };
}

async function isReady(base) {
  try {
    return (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}

/** POST /graphql; throws on a network error, a timeout, a non-2xx answer or GraphQL errors. */
export async function graphql(base, query, variables, token, timeoutMs = 10_000) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const result = JSON.parse(text);
  if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 300));
  return result.data;
}

const LOGIN = `mutation Login($email: String!, $password: String!) {
  sessionCreate(input: { email: $email, password: $password }) { session { accessToken } errors { code } } }`;
const SIGN_UP = `mutation SignUp($input: AccountSignUpInput!) {
  accountSignUp(input: $input) { session { accessToken user { id } } errors { code message } } }`;
const CREDIT = `mutation Credit($input: WalletCreditInput!) {
  walletCredit(input: $input) { errors { code message } } }`;
const OFFERS = `query Offers($after: String) {
  products(first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node {
    variants { offers { id availableQuantity stockStatus } } } } } }`;
const ADD = `mutation Add($offerId: ID!) {
  cartLinesAdd(lines: [{ offerId: $offerId, quantity: 1 }]) {
    cart { lines { id } } errors { code } } }`;
const REMOVE = `mutation Remove($lineIds: [ID!]!) { cartLinesRemove(lineIds: $lineIds) { errors { code } } }`;
const QUOTE = `query Quote($input: CheckoutInput) {
  checkout(input: $input) { grandTotal { amount } problems { code } } }`;
const PLACE = `mutation Place($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { purchase { id } errors { code } } }`;

/** Offers a shopper can buy one unit of (backorders left out). */
export async function offersInStock(base) {
  const offers = [];
  let after = null;
  do {
    const { products } = await graphql(base, OFFERS, { after });
    for (const { node } of products.edges)
      for (const variant of node.variants)
        for (const offer of variant.offers)
          if (offer.stockStatus !== 'BACKORDER' && offer.availableQuantity > 0) offers.push(offer);
    after = products.pageInfo.hasNextPage ? products.pageInfo.endCursor : null;
  } while (after);
  return offers;
}

/** `count` new shoppers, each credited `amount` by the demo admin. */
export async function shoppers(base, count, amount) {
  const { shop } = await graphql(base, '{ shop { currency } }');
  const { sessionCreate } = await graphql(base, LOGIN, ADMIN);
  const admin = sessionCreate.session.accessToken;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { accountSignUp } = await graphql(base, SIGN_UP, {
        input: {
          email: `fault-${i}-${randomUUID()}@bazaar.test`,
          name: `Fault Buyer ${i}`,
          password: 'fault-buyer-pass-2026',
        },
      });
      const { accessToken, user } = accountSignUp.session;
      const credit = await graphql(
        base,
        CREDIT,
        {
          input: {
            userId: user.id,
            amount,
            currency: shop.currency,
            reason: 'fault suite budget',
            idempotencyKey: randomUUID(),
          },
        },
        admin,
      );
      if (credit.walletCredit.errors.length) throw new Error(JSON.stringify(credit));
      return { userId: user.id, token: accessToken };
    }),
  );
}

/**
 * Well-funded buyers placing orders in a loop through `base()` (read again
 * each call, so a restarted API may move) until `finish()`, which resolves to
 * placeOrders' result. `load` is readable meanwhile.
 */
export async function checkoutLoad(base, buyerCount) {
  const offers = await offersInStock(base());
  const buyers = await shoppers(base(), buyerCount, 100_000_000);
  const load = {};
  let stopped = false;
  const running = placeOrders({ base, buyers, offers, load, stop: () => stopped });
  return {
    buyers,
    load,
    stopped: () => stopped,
    finish: () => {
      stopped = true;
      return running;
    },
  };
}

/**
 * `load.placing` counts the checkouts in flight (kill when one is).
 * Shoppers buying one unit at a time until `stop()` says so. A checkout that
 * fails without an answer (connection refused or reset, 5xx, timeout) is
 * retried with the SAME idempotency key and expected total until it gets an
 * answer, as a real client would. `base()` is asked before every request, so
 * the caller can move clients around. Returns what each key ended as.
 */
export async function placeOrders({ base, buyers, offers, stop, load = {}, retryForMs = 90_000 }) {
  load.placing = 0;
  // { userId, key, purchaseId | null, code | null, attempts }, also readable while running
  const outcomes = (load.outcomes = []);
  let next = 0;
  let unanswered = 0;
  await Promise.all(
    buyers.map(async (buyer) => {
      let lineIds = [];
      while (!stop()) {
        try {
          if (lineIds.length) await graphql(base(), REMOVE, { lineIds }, buyer.token);
          const offer = offers[next++ % offers.length];
          const added = await graphql(base(), ADD, { offerId: offer.id }, buyer.token);
          lineIds = added.cartLinesAdd.cart?.lines.map((l) => l.id) ?? [];
          const quote = await graphql(
            base(),
            QUOTE,
            { input: { shippingAddress: ADDRESS } },
            buyer.token,
          );
          if (quote.checkout.problems.length) continue;
          const outcome = {
            userId: buyer.userId,
            key: randomUUID(),
            purchaseId: null,
            code: null,
            attempts: 0,
          };
          outcomes.push(outcome);
          const input = {
            shippingAddress: ADDRESS,
            paymentMethod: 'WALLET',
            idempotencyKey: outcome.key,
            expectedGrandTotal: quote.checkout.grandTotal.amount,
          };
          const until = Date.now() + retryForMs;
          for (;;) {
            outcome.attempts++;
            load.placing++;
            try {
              const { checkoutComplete } = await graphql(base(), PLACE, { input }, buyer.token);
              load.placing--;
              outcome.purchaseId = checkoutComplete.purchase?.id ?? null;
              outcome.code = checkoutComplete.errors[0]?.code ?? null;
              break;
            } catch {
              load.placing--;
              if (Date.now() > until) {
                outcome.code = 'UNANSWERED';
                unanswered++;
                break;
              }
              await sleep(200);
            }
          }
          if (outcome.purchaseId) lineIds = [];
        } catch {
          // add to cart or the quote failed (the API is down): try again shortly
          await sleep(200);
        }
      }
    }),
  );
  return { outcomes, unanswered };
}

/** How many of these checkouts' purchases were committed before `when`. */
export async function committedBefore(url, outcomes, when) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM purchases WHERE id = ANY($1::uuid[]) AND created_at < $2`,
      [outcomes.filter((o) => o.purchaseId).map((o) => o.purchaseId), when],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Waits until the shoppers have placed `count` orders. */
export async function untilPlaced(load, count) {
  while ((load.outcomes ?? []).filter((o) => o.purchaseId).length < count) await sleep(20);
}

/** Waits until the outbox has no unprocessed event created before `before`. */
export async function waitForOutbox(url, before, timeoutMs = 30_000) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const until = Date.now() + timeoutMs; ;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL AND created_at < $1`,
        [before],
      );
      if (rows[0].n === 0 || Date.now() > until) return rows[0].n;
      await sleep(500);
    }
  } finally {
    await client.end();
  }
}

/** Per stock level, reserved minus its HELD reservations, where not zero. */
async function unexplainedReserved(client) {
  const { rows } = await client.query(
    `SELECT sl.id::text, sl.reserved - coalesce(sum(r.quantity), 0)::int AS extra
       FROM stock_levels sl
       LEFT JOIN stock_reservations r ON r.stock_level_id = sl.id AND r.status = 'HELD'
      GROUP BY sl.id HAVING sl.reserved <> coalesce(sum(r.quantity), 0)`,
  );
  return new Map(rows.map((r) => [r.id, r.extra]));
}

/**
 * Everything that must hold in the database after a fault, as a list of
 * violations (empty: all good). `outcomes` are the clients' records.
 */
export async function consistencyViolations(url, outcomes) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const problems = [];
  const check = async (what, sql, params = []) => {
    const { rows } = await client.query(sql, params);
    if (rows.length) problems.push(`${what}: ${JSON.stringify(rows.slice(0, 5))} (${rows.length})`);
    return rows;
  };
  try {
    const keys = outcomes.map((o) => o.key);
    const { rows: purchases } = await client.query(
      `SELECT p.id::text, p.placed_by_id::text AS "userId", p.idempotency_key AS key, p.grand_total AS total
         FROM purchases p WHERE p.idempotency_key = ANY($1)`,
      [keys],
    );
    const byKey = new Map();
    for (const p of purchases) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
    for (const o of outcomes) {
      const found = byKey.get(o.key) ?? [];
      if (found.length > 1) problems.push(`key ${o.key}: ${found.length} purchases`);
      if (o.purchaseId && found[0]?.id !== o.purchaseId)
        problems.push(
          `key ${o.key}: the client was told ${o.purchaseId}, the database has ${found[0]?.id}`,
        );
      if (found[0] && found[0].userId !== o.userId)
        problems.push(`key ${o.key}: another buyer's purchase`);
      if (!o.purchaseId && o.code !== 'UNANSWERED' && found.length)
        problems.push(`key ${o.key}: refused (${o.code}) but placed`);
    }
    const userIds = [...new Set(outcomes.map((o) => o.userId))];
    await check(
      'purchases of these buyers without a client key',
      `SELECT id FROM purchases WHERE placed_by_id = ANY($1::uuid[]) AND NOT (idempotency_key = ANY($2))`,
      [userIds, keys],
    );
    await check(
      'a purchase whose payments are not exactly one succeeded wallet payment',
      `SELECT p.id, count(pay.id) AS payments, count(*) FILTER (WHERE pay.status = 'SUCCEEDED') AS ok
         FROM purchases p LEFT JOIN payments pay ON pay.purchase_id = p.id
        WHERE p.placed_by_id = ANY($1::uuid[])
        GROUP BY p.id HAVING count(pay.id) <> 1 OR count(*) FILTER (WHERE pay.status = 'SUCCEEDED') <> 1`,
      [userIds],
    );
    await check(
      'a paid purchase with an order that is not PAID, or without orders',
      `SELECT p.id, array_agg(o.status) AS statuses
         FROM purchases p JOIN payments pay ON pay.purchase_id = p.id AND pay.status = 'SUCCEEDED'
         LEFT JOIN orders o ON o.purchase_id = p.id
        WHERE p.placed_by_id = ANY($1::uuid[])
        GROUP BY p.id HAVING count(o.id) = 0 OR bool_or(o.status IS DISTINCT FROM 'PAID')`,
      [userIds],
    );
    await check(
      'a paid order without exactly one PAID transition',
      `SELECT o.id, count(t.id) AS paid_moves FROM orders o
         LEFT JOIN order_transitions t ON t.order_id = o.id AND t.to_status = 'PAID'
        WHERE o.status = 'PAID' AND o.customer_id = ANY($1::uuid[])
        GROUP BY o.id HAVING count(t.id) <> 1`,
      [userIds],
    );
    await check(
      'order totals that do not add up to their purchase',
      `SELECT p.id, p.grand_total, sum(o.total) AS orders FROM purchases p JOIN orders o ON o.purchase_id = p.id
        WHERE p.placed_by_id = ANY($1::uuid[])
        GROUP BY p.id HAVING sum(o.total) <> p.grand_total`,
      [userIds],
    );
    // Stock: reserved is exactly what is held; sold units left on-hand once, as movements.
    for (const [level, extra] of await unexplainedReserved(client))
      problems.push(
        `stock level ${level}: reserved differs from its HELD reservations by ${extra}`,
      );
    await check(
      'a stock level below zero or holding more than it has',
      `SELECT id, on_hand, reserved FROM stock_levels
        WHERE on_hand < 0 OR reserved < 0 OR (NOT backorder AND reserved > on_hand)`,
    );
    await check(
      'a stock level whose movements do not add up to on-hand',
      `SELECT sl.id, sl.on_hand, sum(m.delta) AS moved FROM stock_levels sl
         JOIN stock_movements m ON m.stock_level_id = sl.id
        GROUP BY sl.id HAVING sum(m.delta) <> sl.on_hand`,
    );
    await check(
      'consumed reservations differ from SOLD movements',
      `WITH consumed AS (SELECT stock_level_id, sum(quantity) AS q FROM stock_reservations
                          WHERE status = 'CONSUMED' GROUP BY stock_level_id),
            sold AS (SELECT stock_level_id, -sum(delta) AS q FROM stock_movements
                      WHERE reason = 'SOLD' GROUP BY stock_level_id)
       SELECT coalesce(c.stock_level_id, s.stock_level_id) AS level, c.q AS consumed, s.q AS sold
         FROM consumed c FULL JOIN sold s USING (stock_level_id) WHERE c.q IS DISTINCT FROM s.q`,
    );
    await check(
      'a paid order whose lines are not exactly its consumed reservations (none held)',
      `SELECT o.id, l.q AS ordered, r.consumed, r.held FROM orders o
         JOIN (SELECT order_id, sum(quantity) AS q FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
         LEFT JOIN (SELECT reference, sum(quantity) FILTER (WHERE status = 'CONSUMED') AS consumed,
                           sum(quantity) FILTER (WHERE status = 'HELD') AS held
                      FROM stock_reservations GROUP BY reference) r ON r.reference = o.id::text
        WHERE o.status = 'PAID' AND o.customer_id = ANY($1::uuid[])
          AND (r.consumed IS DISTINCT FROM l.q OR r.held IS NOT NULL)`,
      [userIds],
    );
    await check(
      'a HELD reservation for no unpaid order',
      `SELECT r.id, r.reference FROM stock_reservations r
         LEFT JOIN orders o ON o.id::text = r.reference
        WHERE r.status = 'HELD' AND o.status IS DISTINCT FROM 'PLACED'`,
    );
    // Ledger: balanced transactions, balances equal to their entries, no wallet below zero.
    await check(
      'a ledger transaction that does not sum to zero',
      `SELECT transaction_id, sum(amount) FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0`,
    );
    await check(
      'an account balance that differs from its entries',
      `SELECT a.id, a.kind, a.balance, coalesce(sum(e.amount), 0) AS entries
         FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
        GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
    );
    await check(
      'an account below zero that may not be',
      `SELECT id, kind, balance FROM ledger_accounts WHERE NOT allow_negative AND balance < 0`,
    );
    await check(
      'a succeeded wallet payment not booked exactly once',
      `SELECT pay.id, count(t.id) AS bookings FROM payments pay
         LEFT JOIN ledger_transactions t ON t.kind = 'PURCHASE_PAYMENT' AND t.reference = pay.id::text
        WHERE pay.method = 'WALLET' GROUP BY pay.id, pay.status
       HAVING count(t.id) <> CASE WHEN pay.status = 'SUCCEEDED' THEN 1 ELSE 0 END`,
    );
    await check(
      "a buyer's wallet debits that differ from their paid purchases",
      `WITH debits AS (
         SELECT a.user_id, -sum(e.amount) AS debited FROM ledger_accounts a
           JOIN ledger_entries e ON e.account_id = a.id
           JOIN ledger_transactions t ON t.id = e.transaction_id AND t.kind = 'PURCHASE_PAYMENT'
          WHERE a.kind = 'WALLET' AND a.user_id = ANY($1::uuid[]) GROUP BY a.user_id),
       paid AS (
         SELECT p.placed_by_id AS user_id, sum(pay.amount) AS paid FROM purchases p
           JOIN payments pay ON pay.purchase_id = p.id AND pay.status = 'SUCCEEDED'
          WHERE p.placed_by_id = ANY($1::uuid[]) GROUP BY p.placed_by_id)
       SELECT coalesce(d.user_id, p.user_id) AS "user", d.debited, p.paid
         FROM debits d FULL JOIN paid p USING (user_id) WHERE d.debited IS DISTINCT FROM p.paid`,
      [userIds],
    );
    return { problems, purchases: purchases.length };
  } finally {
    await client.end();
  }
}
