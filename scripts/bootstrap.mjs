// Makes a fresh clone runnable with only Node 20+ and npm: installs pnpm when
// it is missing, then the workspace's dependencies when they are missing or
// older than the lockfile. Used by `npm run dev` and `npm run test:all`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PNPM_VERSION = '10.34.9';

function has(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

// The machine may be offline: keep turbo and Prisma from phoning home.
const QUIET = { TURBO_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

export function run(command, args, options = {}) {
  const env = { ...process.env, ...QUIET, ...options.env };
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options, env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

export function ensurePnpm() {
  if (has('pnpm')) return;
  console.log(`Installing pnpm ${PNPM_VERSION} with npm...`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

export function ensureDependencies() {
  const marker = `${ROOT}/node_modules/.modules.yaml`;
  const lockfile = `${ROOT}/pnpm-lock.yaml`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;
  run('pnpm', ['install', '--frozen-lockfile']);
}
