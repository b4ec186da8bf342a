// Two API processes on one database behind one port (a round-robin TCP proxy,
// as a load balancer would be); one is killed (SIGKILL) during checkout load.
// Clients retry what got no answer, with the same idempotency keys, through
// the proxy: no order is lost or duplicated, stock and ledger stay consistent.
import assert from 'node:assert/strict';
import { createConnection, createServer } from 'node:net';
import {
  consistencyViolations,
  freePort,
  offersInStock,
  placeOrders,
  shoppers,
  sleep,
  startApi,
  stockBaseline,
  untilPlaced,
  waitForOutbox,
} from './harness.mjs';

/**
 * Each new connection goes to the next backend that accepts it. `placing[port]`
 * counts the checkouts sent to a backend and not yet answered.
 */
async function roundRobinProxy(backendPorts) {
  let next = 0;
  const placing = Object.fromEntries(backendPorts.map((port) => [port, 0]));
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    const connect = (tries) => {
      const port = backendPorts[next++ % backendPorts.length];
      const upstream = createConnection({ port, host: '127.0.0.1' });
      let waiting = false;
      const answered = () => {
        if (waiting) placing[port]--;
        waiting = false;
      };
      upstream.once('connect', () => {
        client.on('data', (chunk) => {
          if (!waiting && chunk.includes('checkoutComplete')) {
            waiting = true;
            placing[port]++;
          }
        });
        upstream.on('data', answered);
        upstream.once('close', answered);
        client.pipe(upstream).pipe(client);
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
      });
      upstream.once('error', () => {
        upstream.destroy();
        if (!upstream.connecting) return client.destroy();
        if (tries > 1) connect(tries - 1);
        else client.destroy();
      });
    };
    client.on('error', () => {});
    connect(backendPorts.length);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    placing,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** two API processes behind one port, one killed during checkout load: no order lost or duplicated. */
export async function twoApis(cluster, cleanup) {
  const database = await cluster.database('two_apis');
  const [portA, portB] = [await freePort(), await freePort()];
  // Both run the jobs (the indexer claims outbox events with SKIP LOCKED, so they share it).
  const a = await startApi(database, portA);
  cleanup.push(() => a.kill('SIGTERM'));
  const b = await startApi(database, portB);
  cleanup.push(() => b.kill('SIGTERM'));
  const proxy = await roundRobinProxy([portA, portB]);
  cleanup.push(() => proxy.close());

  const offers = await offersInStock(proxy.base);
  const buyers = await shoppers(proxy.base, 8, 100_000_000);
  const baseline = await stockBaseline(database.url);
  const load = {};
  let stopped = false;
  const running = placeOrders({
    base: () => proxy.base,
    buyers,
    offers,
    load,
    stop: () => stopped,
  });
  await untilPlaced(load, 8);
  // Killed while it works on a checkout, so that client must retry.
  while (proxy.placing[portA] === 0) await sleep(1);
  await a.kill('SIGKILL');
  const placedAtKill = load.outcomes.filter((o) => o.purchaseId).length;
  await sleep(5_000);
  stopped = true;
  const { outcomes, unanswered } = await running;
  const loadEnded = new Date();

  const placed = outcomes.filter((o) => o.purchaseId).length;
  const retried = outcomes.filter((o) => o.attempts > 1).length;
  console.log(
    `${outcomes.length} checkouts, ${placed} placed (${placedAtKill} before the kill), ${retried} retried`,
  );
  assert.equal(unanswered, 0, 'every checkout got an answer in the end');
  assert.ok(retried >= 1, 'a checkout was in flight on the killed process');
  assert.ok(placed > placedAtKill, 'the surviving process kept placing orders');

  assert.equal(await waitForOutbox(database.url, loadEnded), 0, 'the outbox is delivered');
  const { problems, purchases } = await consistencyViolations(database.url, outcomes, baseline);
  assert.deepEqual(problems, []);
  assert.equal(purchases, placed, 'every purchase in the database was acknowledged to its client');
}
