// `pnpm lighthouse`: Lighthouse on the production storefront (home, a category page, a
// product page), mobile and desktop presets, with Debian's Chromium (CHROME_PATH, else
// /usr/bin/chromium). Builds first, starts the API on a fresh small embedded database,
// prints performance, accessibility and best-practices scores and LCP per page, and
// writes the summary to bench/results/lighthouse-<date>.json. Targets: DESIGN.md section 5.
// Each page and preset is audited LIGHTHOUSE_RUNS times (3 unless told) and the median
// run reported (Lighthouse's own choice: the run closest to the median FCP and TTI). On a
// shared machine one run's CPU timings, hence TBT and the simulated LCP, swing with the load.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { ROOT, run } from './bootstrap.mjs';

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4300);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

async function startApi() {
  const api = spawn('node', ['apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      PUBLIC_URL: BASE,
      SEED_SCALE: 'small',
      EMBEDDED_DB_DIR: `${ROOT}.data/lighthouse-postgres`,
      EMBEDDED_DB_FRESH: 'true',
    },
  });
  process.on('exit', () => api.kill('SIGTERM'));
  for (let i = 0; i < 1500; i++) {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode})`);
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return api;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become ready');
}

async function graphql(query) {
  const response = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}

/** The pages to audit: the home, the first top-level category, the newest product. */
async function pages() {
  const data = await graphql(
    '{ categories(first: 1) { edges { node { slug } } } products(first: 1) { edges { node { slug } } } }',
  );
  return [
    { page: 'home', url: `${BASE}/` },
    { page: 'category', url: `${BASE}/c/${data.categories.edges[0].node.slug}` },
    { page: 'product', url: `${BASE}/p/${data.products.edges[0].node.slug}` },
  ];
}

const score = (lhr, category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

async function audit(port, url, preset) {
  const lhrs = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    lhrs.push(result.lhr);
  }
  // Among the runs that measured FCP and TTI; when none did, the first (its runtimeError says why).
  const valid = filterToValidRuns(lhrs);
  const lhr = valid.length ? computeMedianRun(valid) : lhrs[0];
  // A metric Lighthouse could not measure (a runtime error, no paint) is null, not a crash.
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  const ms = (id) => (metric(id) === null ? null : Math.round(metric(id)));
  const failing = (category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
      .map((ref) => ref.id);
  return {
    runs: lhrs.length,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    lcpMs: ms('largest-contentful-paint'),
    fcpMs: ms('first-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    runtimeError: lhr.runtimeError?.message ?? null,
    failing: {
      accessibility: failing('accessibility'),
      bestPractices: failing('best-practices'),
    },
  };
}

if (!process.argv.includes('--no-build')) {
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
}
const api = await startApi();
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const rows = [];
try {
  for (const target of await pages()) {
    for (const preset of ['mobile', 'desktop']) {
      const row = { ...target, preset, ...(await audit(chrome.port, target.url, preset)) };
      rows.push(row);
      console.log(
        `${row.page.padEnd(9)} ${preset.padEnd(8)} performance ${row.performance}  accessibility ${row.accessibility}  best practices ${row.bestPractices}  LCP ${row.lcpMs} ms  (FCP ${row.fcpMs} ms, TBT ${row.tbtMs} ms, CLS ${row.cls?.toFixed(3)})${row.runtimeError ? ` ERROR ${row.runtimeError}` : ''}`,
      );
    }
  }
} finally {
  await chrome.kill();
  api.kill('SIGTERM');
}
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(`\nWritten to ${file}`);
