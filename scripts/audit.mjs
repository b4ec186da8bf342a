// `node scripts/audit.mjs`: fails on high or critical advisories in the
// production dependencies (`pnpm audit --prod`) unless audit-allowlist.json
// lists them with a reason and a review-by date that has not passed.
// When the registry's audit endpoint cannot be reached (offline, or a mirror
// without it, as on the project's own build machines), it says so and fails
// only when AUDIT_REQUIRED=true (set it where the registry answers audits). `--report <file>` evaluates a saved
// `pnpm audit --prod --json` answer instead of asking the registry.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BLOCKING = new Set(['high', 'critical']);

/**
 * Sorts the high and critical advisories of a `pnpm audit --json` report into
 * blocking and allowed; allowlist entries past their review-by date allow
 * nothing, and entries matching no advisory are reported as stale.
 */
export function evaluate(report, allowlist, today = new Date().toISOString().slice(0, 10)) {
  const advisories = Object.values(report.advisories ?? {}).filter((advisory) =>
    BLOCKING.has(advisory.severity),
  );
  const matches = (entry, advisory) =>
    entry.package === advisory.module_name &&
    (String(entry.id) === String(advisory.id) || entry.id === advisory.github_advisory_id);
  const result = { blocking: [], allowed: [], expired: [], stale: [] };
  for (const advisory of advisories) {
    const entry = allowlist.find((candidate) => matches(candidate, advisory));
    if (!entry) result.blocking.push(advisory);
    else if (entry.reviewBy < today) {
      result.blocking.push(advisory);
      result.expired.push(entry);
    } else result.allowed.push(advisory);
  }
  result.stale = allowlist.filter((entry) => !advisories.some((a) => matches(entry, a)));
  return result;
}

function loadAllowlist() {
  const entries = JSON.parse(readFileSync(`${ROOT}audit-allowlist.json`, 'utf8')).advisories;
  for (const entry of entries) {
    for (const field of ['id', 'package', 'reason', 'reviewBy'])
      if (!entry[field]) throw new Error(`audit-allowlist.json: an entry has no ${field}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.reviewBy))
      throw new Error(`audit-allowlist.json: reviewBy of ${entry.id} is not YYYY-MM-DD`);
  }
  return entries;
}

/** Every production package version installed, from `pnpm list` (workspace links skipped). */
function productionPackages() {
  const list = spawnSync(
    'pnpm',
    ['list', '--prod', '--recursive', '--depth', 'Infinity', '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const versions = {};
  const walk = (dependencies = {}) => {
    for (const [name, dependency] of Object.entries(dependencies)) {
      if (/^\d/.test(dependency.version ?? ''))
        (versions[name] ??= new Set()).add(dependency.version);
      walk(dependency.dependencies);
    }
  };
  for (const project of JSON.parse(list.stdout)) walk(project.dependencies);
  return Object.fromEntries(Object.entries(versions).map(([name, set]) => [name, [...set]]));
}

/**
 * npm's bulk advisory endpoint (the one `npm audit` uses), for when pnpm's
 * older endpoints answer with an error; its answer in pnpm's report shape.
 */
async function bulkReport() {
  const response = await fetch('https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(productionPackages()),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`bulk advisory endpoint answered ${response.status}`);
  const advisories = {};
  for (const [name, found] of Object.entries(await response.json()))
    for (const advisory of found)
      advisories[advisory.id] = {
        ...advisory,
        module_name: name,
        github_advisory_id: /GHSA-[\w-]+/.exec(advisory.url ?? '')?.[0],
      };
  return { advisories };
}

/** The registry's report, or null with the reason when it could not be had. */
async function fetchReport() {
  const audit = spawnSync('pnpm', ['audit', '--prod', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(audit.stdout);
  } catch {
    report = { error: { message: (audit.stderr || audit.error?.message || 'no answer').trim() } };
  }
  if (!report.error) return { report, problem: null };
  try {
    return { report: await bulkReport(), problem: null };
  } catch (error) {
    return {
      report: null,
      problem: `${report.error.message ?? report.error.code}; ${error.message}`,
    };
  }
}

const describe = (advisory) =>
  `${advisory.severity.padEnd(8)} ${advisory.module_name} ${advisory.github_advisory_id ?? advisory.id}: ${advisory.title}\n         ${advisory.url}`;

async function main() {
  const reportFlag = process.argv.indexOf('--report');
  const { report, problem } =
    reportFlag > 0
      ? { report: JSON.parse(readFileSync(process.argv[reportFlag + 1], 'utf8')), problem: null }
      : await fetchReport();
  if (!report) {
    const required = process.env.AUDIT_REQUIRED === 'true';
    console.error(`Dependency audit could not run: ${problem}`);
    console.error(
      required
        ? 'Failing: AUDIT_REQUIRED=true.'
        : 'Skipped (set AUDIT_REQUIRED=true to make this fatal).',
    );
    process.exit(required ? 1 : 0);
  }
  const result = evaluate(report, loadAllowlist());
  for (const entry of result.expired)
    console.error(`Allowlist entry ${entry.id} (${entry.package}) expired on ${entry.reviewBy}.`);
  for (const entry of result.stale)
    console.warn(`Allowlist entry ${entry.id} (${entry.package}) matches no advisory: remove it.`);
  if (result.allowed.length)
    console.log(`Allowed by audit-allowlist.json:\n${result.allowed.map(describe).join('\n')}`);
  if (result.blocking.length) {
    console.error(
      `High or critical advisories in production dependencies:\n${result.blocking.map(describe).join('\n')}\nUpgrade, or list them in audit-allowlist.json with a reason and a review-by date.`,
    );
    process.exit(1);
  }
  console.log('Dependency audit: no high or critical advisories outside the allowlist.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
