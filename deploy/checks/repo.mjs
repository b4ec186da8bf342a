// Facts the deployment files must agree with, read from the repository's
// sources (never from a build): configuration variables, HTTP paths, the
// shutdown grace, where the built API looks for the SPAs and the migrations.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const read = (path) => readFileSync(`${ROOT}${path}`, 'utf8');

const ENV_FILE = 'apps/api/src/env.ts';

/** Variables env.ts reads (the keys of its zod schema object). */
export function envKeys() {
  const source = read(ENV_FILE);
  const body = source.slice(source.indexOf('z.object({'), source.indexOf('\n});'));
  return new Set([...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]));
}

/** Variables read by Node itself rather than env.ts. */
export const NODE_VARIABLES = new Set(['NODE_OPTIONS']);

let loadEnvPromise;
/**
 * The API's own loadEnv(), compiled from env.ts with zod resolved from
 * apps/api, so values are checked by the very rules the API applies at start.
 */
export function apiLoadEnv() {
  loadEnvPromise ??= (async () => {
    const zod = createRequire(`${ROOT}apps/api/package.json`).resolve('zod');
    const js = ts
      .transpileModule(read(ENV_FILE), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      })
      .outputText.replace(/from ['"]zod['"]/, `from ${JSON.stringify(pathToFileURL(zod).href)}`);
    const dir = new URL('../node_modules/.cache/', import.meta.url).pathname;
    mkdirSync(dir, { recursive: true });
    const file = `${dir}env.${process.pid}.mjs`;
    writeFileSync(file, js);
    try {
      return (await import(pathToFileURL(file).href)).loadEnv;
    } finally {
      rmSync(file, { force: true });
    }
  })();
  return loadEnvPromise;
}

/** GET routes the API registers anywhere in apps/api/src (`app.get('/path'`, `scope.get(...)`). */
export function serverRoutes() {
  const routes = new Set();
  for (const file of readdirSync(`${ROOT}apps/api/src`, { recursive: true })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = read(`apps/api/src/${file}`);
    for (const match of source.matchAll(/\b(?:app|scope)\.get\(\s*'(\/[^']*)'/g))
      routes.add(match[1]);
  }
  return routes;
}

/** Seconds main.ts waits for open requests after SIGTERM before it exits. */
export function shutdownGraceSeconds() {
  const match = read('apps/api/src/main.ts').match(/SHUTDOWN_GRACE_MS = ([\d_]+)/);
  if (!match) throw new Error('SHUTDOWN_GRACE_MS not found in apps/api/src/main.ts');
  return Number(match[1].replaceAll('_', '')) / 1000;
}

/**
 * Folders the built API serves the SPAs from when it runs from `apiDir`
 * (spa.ts resolves them relative to dist/common/http/spa.js).
 */
export function spaFolders(apiDir) {
  const source = read('apps/api/src/common/http/spa.ts');
  const compiled = pathToFileURL(`${apiDir}/dist/common/http/spa.js`);
  return [...source.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)].map(
    (match) => new URL(match[1], compiled).pathname,
  );
}

/** Where @bazaar/db looks for migrations when installed at `dbDir`. */
export function migrationsFolder(dbDir) {
  const match = read('prisma/src/migrate.ts').match(
    /MIGRATIONS_DIR = new URL\('([^']+)', import\.meta\.url\)/,
  );
  if (!match) throw new Error('MIGRATIONS_DIR not found in prisma/src/migrate.ts');
  return new URL(match[1], pathToFileURL(`${dbDir}/dist/migrate.js`)).pathname;
}

/** Commands deploy/docker/entrypoint.sh understands (its `case` branches). */
export function entrypointCommands() {
  const source = read('deploy/docker/entrypoint.sh');
  return new Set([...source.matchAll(/^ {2}([a-z]+)\) /gm)].map((match) => match[1]));
}

export const packageJson = (path) => JSON.parse(read(`${path}/package.json`));
