// Shared by every scenario: the API under test, GraphQL calls, autocannon runs.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { ROOT } from '../scripts/bootstrap.mjs';

export const PORT = 4200;
export const BASE = `http://127.0.0.1:${PORT}`;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
export const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);

/** Starts the production build on a fresh embedded database seeded at `scale`. */
export async function startApi(scale) {
  const api = spawn('node', ['apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      SERVE_SPAS: 'false',
      SEED_SCALE: scale,
      EMBEDDED_DB_DIR: `${ROOT}.data/bench-postgres-${scale}`,
      EMBEDDED_DB_FRESH: 'true',
    },
  });
  const stop = () => api.kill('SIGTERM');
  process.on('exit', stop);
  for (let i = 0; ; i++) {
    if (i > 3000) throw new Error('the API did not become ready');
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode})`);
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { stop };
}

export async function graphql(query, variables, token) {
  const response = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const result = await response.json();
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

export const body = (query, variables) => JSON.stringify({ query, variables });

/**
 * Runs autocannon for a warm-up (discarded), then for DURATION_S.
 * `requests` follows autocannon's format; see its README.
 */
export async function load(options) {
  const base = { url: `${BASE}/graphql`, connections: 20, ...options };
  if (WARMUP_S > 0) await autocannon({ ...base, duration: WARMUP_S });
  return autocannon({ ...base, duration: DURATION_S });
}

/** A table row for one autocannon result. */
export function row(scenario, result, target) {
  return {
    scenario,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p90 ms': result.latency.p90,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
    target,
  };
}
