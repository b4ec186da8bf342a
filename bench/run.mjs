// `pnpm bench [scenario ...]`: load scenarios against the production build on a
// fresh embedded database, printing req/s and latency percentiles and writing
// bench/results/<date>.json. Loopback only; every run is bounded in time.
// Scenarios: catalog (product list, product page, search at three
// selectivities, category page with facets; medium dataset), checkout (place
// order over distinct offers, flash sale, add to cart; medium dataset), mixed
// (storefront profile; medium dataset) and login. CPU columns: percent of one
// core used by the API processes and by PostgreSQL during each measurement.
// API_WORKERS=N runs the API as N cluster workers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { run } from '../scripts/bootstrap.mjs';
import { DURATION_S, startApi } from './lib.mjs';
import { catalogScenarios } from './scenarios/catalog.mjs';
import { checkoutScenarios } from './scenarios/checkout.mjs';
import { loginScenario } from './scenarios/login.mjs';
import { mixedScenario } from './scenarios/mixed.mjs';

const SCENARIOS = {
  catalog: { scale: 'medium', run: catalogScenarios },
  checkout: { scale: 'medium', run: checkoutScenarios },
  mixed: { scale: 'medium', run: mixedScenario },
  login: { scale: 'small', run: loginScenario },
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SCENARIOS);
for (const name of chosen) {
  if (!SCENARIOS[name])
    throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS)}`);
}

run('pnpm', [
  'exec',
  'turbo',
  'run',
  'build',
  '--filter=@bazaar/api...',
  '--output-logs=errors-only',
]);

const rows = [];
for (const name of chosen) {
  const { scale, run: scenario } = SCENARIOS[name];
  console.log(`\n${name}: starting the API on a fresh ${scale} dataset...`);
  const api = await startApi(scale);
  try {
    rows.push(...(await scenario()));
  } finally {
    await api.stop();
  }
}

console.table(rows);
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
const file = new URL(
  `./results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  import.meta.url,
);
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      durationSeconds: DURATION_S,
      apiWorkers: Number(process.env.API_WORKERS ?? 1),
      cpuCores: availableParallelism(),
      rows,
    },
    null,
    2,
  ),
);
console.log(`Targets: docs/performance.md and DESIGN.md section 5. Written to ${file.pathname}`);
process.exit(0);
