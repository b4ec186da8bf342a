// The API is killed (SIGKILL) while shoppers check out, and restarted on the
// same database; the shoppers retry what got no answer with the same
// idempotency keys. Afterwards every paid order exists exactly once, stock and
// reservations agree, the ledger balances and the outbox has been delivered.
import assert from 'node:assert/strict';
import pg from 'pg';
import {
  checkoutLoad,
  committedBefore,
  consistencyViolations,
  freePort,
  sleep,
  startApi,
  untilPlaced,
  waitForOutbox,
} from './harness.mjs';

/** SIGKILL during checkout load: every paid order once, stock and ledger consistent. */
export async function apiKilled(cluster, cleanup) {
  const database = await cluster.database('api_killed');
  const port = await freePort();
  let api = await startApi(database, port);
  cleanup.push(() => api.kill('SIGTERM'));

  const { buyers, load, finish } = await checkoutLoad(() => api.base, 8);

  await untilPlaced(load, 8);
  while (load.placing === 0) await sleep(2);
  const killedAt = new Date();
  await api.kill('SIGKILL');
  const placedAtKill = load.outcomes.filter((o) => o.purchaseId).length;
  await sleep(500);
  api = await startApi(database, port);
  await sleep(4_000);
  const { outcomes, unanswered } = await finish();
  const loadEnded = new Date();

  const placed = outcomes.filter((o) => o.purchaseId).length;
  const retried = outcomes.filter((o) => o.attempts > 1).length;
  const retriedOutcomes = outcomes.filter((o) => o.attempts > 1);
  const recovered = await committedBefore(database.url, retriedOutcomes, killedAt);
  console.log(
    `${outcomes.length} checkouts, ${placed} placed, ${retried} retried after the kill ` +
      `(${recovered} of them had committed before it)`,
  );
  assert.equal(unanswered, 0, 'every checkout got an answer in the end');
  assert.ok(retried >= 1, 'a checkout was in flight when the API died');
  assert.ok(placed > placedAtKill, 'orders are placed again after the restart');

  assert.equal(await waitForOutbox(database.url, loadEnded), 0, 'the outbox is delivered');
  const { problems, purchases } = await consistencyViolations(database.url, outcomes);
  assert.deepEqual(problems, []);
  assert.equal(purchases, placed, 'every purchase in the database was acknowledged to its client');

  // The checks catch what they look for: one unit reserved from nothing, one cent from nowhere.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`UPDATE stock_levels SET reserved = reserved + 1
    WHERE id = (SELECT id FROM stock_levels WHERE on_hand > reserved + 1 LIMIT 1)`);
  await client.query(
    `UPDATE ledger_accounts SET balance = balance + 1
    WHERE id = (SELECT id FROM ledger_accounts WHERE kind = 'WALLET' AND user_id = $1)`,
    [buyers[0].userId],
  );
  await client.end();
  const broken = await consistencyViolations(database.url, outcomes);
  assert.equal(broken.problems.length, 2, broken.problems.join('\n'));
}
