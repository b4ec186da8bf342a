// Shared by every scenario: the API under test, GraphQL calls, autocannon runs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import { ROOT } from '../scripts/bootstrap.mjs';

export const PORT = 4200;
export const BASE = `http://127.0.0.1:${PORT}`;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
export const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** The API process under test; its descendants are its workers and embedded PostgreSQL. */
let apiPid = null;

/** Starts the production build on a fresh embedded database seeded at `scale`. */
export async function startApi(scale) {
  // Warnings and errors the API logs (LOG_LEVEL=warn) go to a file, to explain errors in the table.
  const logFile = `${ROOT}.data/bench-api-${scale}.log`;
  mkdirSync(`${ROOT}.data`, { recursive: true });
  console.log(`API log: ${logFile}`);
  const api = spawn('node', ['apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
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
  apiPid = api.pid;
  const kill = () => api.kill('SIGTERM');
  process.on('exit', kill);
  /** Resolves once the API (and so its embedded PostgreSQL) has stopped, at most 30 s. */
  const stop = async () => {
    process.off('exit', kill);
    if (api.exitCode !== null || api.signalCode !== null) return;
    const exited = new Promise((resolve) => api.once('exit', resolve));
    kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  };
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
 * Signed-in buyers lent to autocannon's connections one request sequence at
 * a time, so no two connections use one buyer's cart at once. (Autocannon
 * resets a connection's context each time it starts the sequence again, so
 * the context cannot remember a buyer for longer.) `take` on the first
 * request of a sequence, `give` on the answer to its last.
 */
export function buyerLoans(count) {
  let free = Array.from({ length: count }, (_, i) => i);
  return {
    /** Between runs: a run's last sequences end without their last answer. */
    reset: () => (free = Array.from({ length: count }, (_, i) => i)),
    take: (context) => (context.buyer ??= free.shift() ?? Math.floor(Math.random() * count)),
    give: (context) => {
      if (context.buyer !== undefined && !free.includes(context.buyer)) free.push(context.buyer);
    },
  };
}

/**
 * Runs autocannon for a warm-up (discarded), then for DURATION_S.
 * `requests` follows autocannon's format; see its README. `beforeMeasure`
 * runs between the two (to reset counters kept by the requests).
 */
export async function load({ beforeMeasure = () => {}, ...options }) {
  const base = { url: `${BASE}/graphql`, connections: 20, ...options };
  if (WARMUP_S > 0) await autocannon({ ...base, duration: WARMUP_S });
  beforeMeasure();
  const { value, cpu } = await measureCpu(() => autocannon({ ...base, duration: DURATION_S }));
  return { ...value, cpu };
}

/** A table row for one autocannon result (`payloadErrors`: answers with GraphQL or payload errors). */
export function row(scenario, result, target, payloadErrors = 0) {
  return {
    scenario,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p90 ms': result.latency.p90,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx + payloadErrors,
    ...cpuColumns(result.cpu),
    target,
  };
}

/**
 * CPU seconds so far of the API process and its descendants, split into the
 * API (node: the process and its cluster workers) and PostgreSQL (the embedded
 * server's processes). Children that exited count in their parent's cutime.
 */
function cpuSnapshot() {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = text.lastIndexOf(')');
      const comm = text.slice(text.indexOf('(') + 1, close);
      const fields = text.slice(close + 2).split(' ');
      // After the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15), 1-based from state.
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      stats.set(Number(name), { comm, ppid: Number(fields[1]), ticks });
    } catch {
      // exited meanwhile
    }
  }
  const snapshot = { api: 0, postgres: 0 };
  if (apiPid === null) return snapshot;
  const tree = new Set([apiPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (tree.has(pid) || !tree.has(stat.ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  for (const pid of tree) {
    const stat = stats.get(pid);
    if (!stat) continue;
    const isPostgres = stat.comm.startsWith('postgres');
    snapshot[isPostgres ? 'postgres' : 'api'] += stat.ticks / CLOCK_TICKS;
  }
  return snapshot;
}

/** Runs `fn`, returning its value and the CPU used meanwhile (percent of one core). */
export async function measureCpu(fn) {
  const before = cpuSnapshot();
  const started = performance.now();
  const value = await fn();
  const seconds = (performance.now() - started) / 1000;
  const after = cpuSnapshot();
  const percent = (key) => Math.round(((after[key] - before[key]) / seconds) * 100);
  return { value, cpu: { api: percent('api'), postgres: percent('postgres') } };
}

export function cpuColumns(cpu) {
  return cpu ? { 'API cpu %': cpu.api, 'PG cpu %': cpu.postgres } : {};
}
