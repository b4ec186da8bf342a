// `pnpm bench`: load scenarios against the production build on a fresh
// embedded database, printing req/s and latency percentiles and writing
// bench/results/<date>.json. Loopback only; every run is bounded in time.
//
// Scenarios so far:
//   login — 100 logins/s arrive while 1,000 signed-in sessions make
//           authenticated requests as fast as the server answers them.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { ROOT, run } from '../scripts/bootstrap.mjs';

const PORT = 4200;
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const SESSIONS = 1_000;
const LOGINS_PER_SECOND = 100;
const DEMO = { email: 'shopper@bazaar.test', password: 'bazaar-demo-pass' };

run('pnpm', [
  'exec',
  'turbo',
  'run',
  'build',
  '--filter=@bazaar/api...',
  '--output-logs=errors-only',
]);

const api = spawn('node', ['apps/api/dist/main.js'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    SERVE_SPAS: 'false',
    EMBEDDED_DB_DIR: `${ROOT}.data/bench-postgres`,
    EMBEDDED_DB_FRESH: 'true',
  },
});
const stop = () => api.kill('SIGTERM');
process.on('exit', stop);

async function graphql(query, variables, token) {
  const response = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

for (let i = 0; ; i++) {
  if (i > 600) throw new Error('the API did not become ready');
  try {
    if ((await fetch(`${BASE}/readyz`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const LOGIN =
  'mutation Login($email: String!, $password: String!) { sessionCreate(input: { email: $email, password: $password }) { session { accessToken } errors { code } } }';
console.log(`Opening ${SESSIONS} sessions...`);
const tokens = [];
while (tokens.length < SESSIONS) {
  const batch = await Promise.all(Array.from({ length: 20 }, () => graphql(LOGIN, DEMO)));
  for (const result of batch) tokens.push(result.data.sessionCreate.session.accessToken);
}

const body = (query, variables) => JSON.stringify({ query, variables });
let next = 0;
const authenticated = autocannon({
  url: `${BASE}/graphql`,
  connections: 50,
  duration: DURATION_S,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens[next++ % tokens.length]}`,
        },
        body: body('query Me { viewer { user { id name } permissions } }'),
      }),
    },
  ],
});
const logins = autocannon({
  url: `${BASE}/graphql`,
  // Enough connections that a slow answer never holds back the offered rate.
  connections: 100,
  overallRate: LOGINS_PER_SECOND,
  duration: DURATION_S,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: body(LOGIN, DEMO),
});
const [reads, signIns] = await Promise.all([authenticated, logins]);

const row = (name, result) => ({
  scenario: name,
  'req/s': Math.round(result.requests.average),
  'p50 ms': result.latency.p50,
  'p90 ms': result.latency.p90,
  'p99 ms': result.latency.p99,
  errors: result.errors + result.non2xx,
});
const rows = [
  row('login (100/s offered)', signIns),
  row(`authenticated reads (${SESSIONS} sessions)`, reads),
];
console.table(rows);
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
const file = new URL(
  `./results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  import.meta.url,
);
writeFileSync(
  file,
  JSON.stringify({ date: new Date().toISOString(), durationSeconds: DURATION_S, rows }, null, 2),
);
console.log(
  `Target (docs): login p99 < 3 s under 1,000 active sessions. Written to ${file.pathname}`,
);
stop();
