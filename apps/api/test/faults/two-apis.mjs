// Two API processes on one database behind one port (a round-robin TCP proxy,
// as a load balancer would be); one is killed (SIGKILL) during checkout load.
// Clients retry what got no answer, with the same idempotency keys, through
// the proxy: no order is lost or duplicated, stock and ledger stay consistent.
import assert from 'node:assert/strict';
import { createConnection, createServer } from 'node:net';
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

const PLACED = '"checkoutComplete":{"purchase":{"id"';

/**
 * Each new connection goes to the next backend that accepts it. `trap(port)`
 * resolves when that backend answers a placed checkout, and that answer (and
 * the rest of its connection) is never passed on: the purchase is committed
 * but its client does not know.
 */
async function roundRobinProxy(backendPorts) {
  let next = 0;
  let trap = null;
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    const connect = (tries) => {
      const port = backendPorts[next++ % backendPorts.length];
      const upstream = createConnection({ port, host: '127.0.0.1' });
      let withheld = false;
      upstream.once('connect', () => {
        client.pipe(upstream);
        upstream.on('data', (chunk) => {
          if (!withheld && trap?.port === port && chunk.includes(PLACED)) {
            withheld = true;
            trap.resolve();
            trap = null;
          }
          if (!withheld) client.write(chunk);
        });
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
    trap: (backend) => new Promise((resolve) => (trap = { port: backend, resolve })),
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

  const { load, finish } = await checkoutLoad(() => proxy.base, 8);
  await untilPlaced(load, 8);
  // Killed right after it committed a purchase whose answer never reached the
  // client: the client's retry, through the other process, must get that purchase.
  await proxy.trap(portA);
  const killedAt = new Date();
  await a.kill('SIGKILL');
  const placedAtKill = load.outcomes.filter((o) => o.purchaseId).length;
  await sleep(5_000);
  const { outcomes, unanswered } = await finish();
  const loadEnded = new Date();

  const placed = outcomes.filter((o) => o.purchaseId).length;
  const retried = outcomes.filter((o) => o.attempts > 1).length;
  const recovered = await committedBefore(
    database.url,
    outcomes.filter((o) => o.attempts > 1),
    killedAt,
  );
  console.log(
    `${outcomes.length} checkouts, ${placed} placed (${placedAtKill} before the kill), ${retried} retried, ${recovered} answered by the retry with the purchase committed before the kill`,
  );
  assert.equal(unanswered, 0, 'every checkout got an answer in the end');
  assert.ok(recovered >= 1, 'a retry got the purchase committed before the kill');
  assert.ok(placed > placedAtKill, 'the surviving process kept placing orders');

  assert.equal(await waitForOutbox(database.url, loadEnded), 0, 'the outbox is delivered');
  const { problems, purchases } = await consistencyViolations(database.url, outcomes);
  assert.deepEqual(problems, []);
  assert.equal(purchases, placed, 'every purchase in the database was acknowledged to its client');
}
