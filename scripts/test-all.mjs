// `npm run test:all`: everything CI checks, on a fresh clone with only Node 20+
// and npm. Installs pnpm, the dependencies and (as root, from Debian) Chromium
// when missing, then runs lint, typecheck, the schema drift and unit/API tests
// against embedded PostgreSQL, and the browser journeys.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { ensureDependencies, ensurePnpm, run } from './bootstrap.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (userInfo().uid !== 0) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  console.log('Installing Chromium from Debian...');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const started = Date.now();
ensurePnpm();
ensureDependencies();
ensureChromium();
run('pnpm', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']);
// Two tasks at a time: more only makes them fight over the two cores.
const tasks = ['lint', 'typecheck', 'test', 'build'];
run('pnpm', ['exec', 'turbo', 'run', ...tasks, '--concurrency=2', '--output-logs=new-only']);
run('node', ['scripts/bundle-budget.mjs']);
run('pnpm', ['test:deploy']);
run('pnpm', ['test:faults']);
run('node', ['--test', 'scripts/audit.test.mjs']);
run('node', ['scripts/audit.mjs']);
run('pnpm', ['--filter', '@bazaar/e2e', 'e2e']);
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
