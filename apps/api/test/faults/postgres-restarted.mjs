// PostgreSQL stops and starts again while shoppers read and check out: the API
// answers errors quickly during the outage (no request hangs), /readyz says
// 503 and then 200 again, and requests succeed again without restarting the
// API. Checkouts retried through the outage leave the data consistent.
import assert from 'node:assert/strict';
import {
  checkoutLoad,
  consistencyViolations,
  freePort,
  graphql,
  sleep,
  startApi,
} from './harness.mjs';

const PRODUCTS = '{ products(first: 5) { edges { node { id } } } }';
// A shopper's own data: never served from a cache, so it needs the database.
const CART = '{ cart { itemCount } }';

/** A request's outcome and how long it took; `answered` is false on a network error or timeout. */
async function timed(request) {
  const started = performance.now();
  try {
    const response = await request();
    return { answered: true, status: response.status, ms: performance.now() - started };
  } catch (error) {
    return { answered: false, error: String(error), ms: performance.now() - started };
  }
}

/** PostgreSQL restarted under load: errors, not hangs; readiness follows; recovery without restart. */
export async function postgresRestarted(cluster, cleanup) {
  const database = await cluster.database('postgres_restarted');
  const api = await startApi(database, await freePort());
  cleanup.push(() => api.kill('SIGTERM'));

  const { buyers, load, stopped, finish } = await checkoutLoad(() => api.base, 6);
  let reads = 0;
  const reading = (async () => {
    while (!stopped()) {
      await graphql(api.base, PRODUCTS).then(
        () => reads++,
        () => sleep(100),
      );
    }
  })();
  await sleep(2_000);

  await cluster.stop();
  const during = [];
  for (let i = 0; i < 3; i++) {
    const [ready, read] = await Promise.all([
      timed(() => fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(10_000) })),
      timed(() =>
        fetch(`${api.base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${buyers[0].token}`,
          },
          body: JSON.stringify({ query: CART }),
          signal: AbortSignal.timeout(10_000),
        }),
      ),
    ]);
    during.push({ ready, read });
    await sleep(300);
  }
  for (const { ready, read } of during) {
    assert.equal(
      ready.answered && ready.status,
      503,
      `readyz during the outage: ${JSON.stringify(ready)}`,
    );
    assert.ok(ready.ms < 5_000, `readyz answered in ${ready.ms} ms`);
    assert.ok(read.answered, `a read during the outage got no answer: ${read.error}`);
    assert.ok(read.ms < 8_000, `a read during the outage took ${read.ms} ms`);
  }
  // An error in the body (whatever the status), never a made-up empty cart.
  const body = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${buyers[0].token}` },
    body: JSON.stringify({ query: CART }),
    signal: AbortSignal.timeout(10_000),
  }).then((r) => r.json());
  assert.ok(body.errors?.length, `the read reports an error: ${JSON.stringify(body)}`);

  const placedBeforeRestart = load.outcomes.filter((o) => o.purchaseId).length;
  await cluster.start();
  let readyAgainMs = null;
  const restarted = performance.now();
  while (performance.now() - restarted < 30_000) {
    const ready = await timed(() =>
      fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(5_000) }),
    );
    if (ready.status === 200) {
      readyAgainMs = performance.now() - restarted;
      break;
    }
    await sleep(200);
  }
  assert.ok(readyAgainMs !== null, 'readyz is 200 again after the restart');
  const readsBefore = reads;
  const { products } = await graphql(api.base, PRODUCTS);
  assert.equal(products.edges.length, 5);
  const { cart } = await graphql(api.base, CART, {}, buyers[0].token);
  assert.equal(typeof cart?.itemCount, 'number');
  await sleep(2_000);
  assert.ok(reads > readsBefore, 'reads succeed again');
  const { outcomes, unanswered } = await finish();
  await reading;
  const placed = outcomes.filter((o) => o.purchaseId).length;
  console.log(
    `ready again after ${Math.round(readyAgainMs)} ms; ${placed} orders placed, ${reads} reads`,
  );
  assert.equal(unanswered, 0);
  assert.ok(placed > placedBeforeRestart, 'checkouts are placed again after the restart');
  const { problems } = await consistencyViolations(database.url, outcomes);
  assert.deepEqual(problems, []);
}
