// The fault suite (`pnpm test:faults`): one PostgreSQL with a seeded template,
// a database copy per scenario, the production build of the API under test.
// See docs/architecture.md, "Faults".
import { after, before, test } from 'node:test';
import { apiKilled } from './api-killed.mjs';
import { startCluster } from './harness.mjs';
import { postgresRestarted } from './postgres-restarted.mjs';
import { twoApis } from './two-apis.mjs';

let cluster;
before(async () => {
  cluster = await startCluster();
});
after(() => cluster?.stop());

/** Runs a scenario, then stops whatever it started, in reverse order. */
async function scenario(run) {
  const cleanup = [];
  try {
    await run(cluster, cleanup);
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => {});
  }
}

test('the API killed (SIGKILL) during checkout load and restarted: every paid order once, stock, ledger and outbox consistent', () =>
  scenario(apiKilled));

test('PostgreSQL restarted under load: errors not hangs, readiness follows, recovery without an API restart', () =>
  scenario(postgresRestarted));

test('two API processes behind one port, one killed during checkout load: no order lost or duplicated', () =>
  scenario(twoApis));
