#!/usr/bin/env node
// Rehearses the Dockerfile without a Docker engine: runs its instructions on
// this machine (same Node 20 and Debian userland as node:20-bookworm-slim), each
// stage in its own folder standing for the image's root, then starts the
// runtime stage as the image would (uid 1000, the entrypoint's commands) against
// an embedded PostgreSQL and checks what a user relies on: migrate, seed,
// reindex, /healthz, /readyz, both SPAs, GraphQL, the HEALTHCHECK and a
// graceful SIGTERM.
//
//   pnpm deploy:rehearse            the committed tree (git archive HEAD)
//   pnpm deploy:rehearse --worktree the working tree as it is
//
// Takes a few minutes: a fresh package store (from the npm registry) and a build.
// Needs root (it stands in for the image's root user at build time).
/* eslint-disable no-restricted-properties -- a build tool like scripts/**: it
   hands its environment on to the commands it runs, as docker build would. */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { dockerignore } from './checks/dockerfile.mjs';
import { ROOT } from './checks/repo.mjs';

const { values } = parseArgs({
  options: {
    worktree: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const APP_UID = 1000;
const work = mkdtempSync('/tmp/bazaar-rehearsal-');
chmodSync(work, 0o755);
const log = (message) => console.log(`[rehearsal] ${message}`);

function sh(command, { cwd, env, uid } = {}) {
  const result = spawnSync('sh', ['-c', command], {
    cwd,
    env: { ...process.env, ...env },
    stdio: 'inherit',
    ...(uid ? { uid, gid: uid } : {}),
  });
  if (result.status !== 0) throw new Error(`failed (exit ${result.status}): ${command}`);
}

/** The Dockerfile (read even when .dockerignore leaves it out of the context). */
function readDockerfile() {
  if (values.worktree) return readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  return spawnSync('git', ['-C', ROOT, 'show', 'HEAD:Dockerfile'], { encoding: 'utf8' }).stdout;
}

/** The build context: the tree minus .dockerignore, as `docker build .` sends it. */
function makeContext() {
  const context = join(work, 'context');
  mkdirSync(context);
  if (values.worktree) {
    const ignored = dockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    cpSync(ROOT, context, {
      recursive: true,
      filter: (source) => source === ROOT || !ignored(source.slice(ROOT.length)),
    });
  } else {
    sh(`git -C ${ROOT} archive HEAD | tar -x -C ${context}`);
    const ignored = dockerignore(readFileSync(join(context, '.dockerignore'), 'utf8'));
    const files = spawnSync('git', ['-C', ROOT, 'ls-tree', '-r', '--name-only', 'HEAD'], {
      encoding: 'utf8',
    });
    for (const file of files.stdout.split('\n').filter(Boolean)) {
      if (ignored(file)) rmSync(join(context, file), { force: true, recursive: true });
    }
  }
  return context;
}

/** Absolute paths inside the image become paths inside the stage's folder. */
function imagePaths(text, root, tops) {
  return text.replace(
    new RegExp(`(^|[\\s=:'"(])/(${tops.join('|')})(?=[/\\s'"):]|$)`, 'g'),
    `$1${root}/$2`,
  );
}

function rehearseBuild(context) {
  const dockerfile = DockerfileParser.parse(readDockerfile());
  const instructions = dockerfile.getInstructions();
  const args = Object.fromEntries(
    dockerfile.getARGs().map((arg) => arg.getArgumentsContent().split('=')),
  );
  // Top-level folders the Dockerfile creates: they live inside the stage folders.
  const text = instructions
    .filter((i) => ['WORKDIR', 'COPY', 'RUN', 'ENV'].includes(i.getKeyword()))
    .map((i) => i.getArgumentsContent() ?? '')
    .join('\n');
  const tops = [
    ...new Set(
      [...text.matchAll(/(?:^|[\s=:'"])\/([a-z][a-z0-9-]*)(?=[/\s'"):]|$)/gm)].map((m) => m[1]),
    ),
  ].filter((top) => !existsSync(`/${top}`));
  log(`image folders: /${tops.join(', /')}`);
  const stages = new Map();
  let stage;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    const content = instruction.getArgumentsContent() ?? '';
    if (keyword === 'FROM') {
      const image = instruction.getImageName().replace('${NODE_IMAGE}', args.NODE_IMAGE);
      const major = process.versions.node.split('.')[0];
      if (!image.startsWith(`node:${major}-`))
        throw new Error(`FROM ${image}: this machine runs Node ${major}`);
      stage = {
        name: instruction.getBuildStage(),
        root: join(work, `stage-${instruction.getBuildStage()}`),
        env: {},
        cwd: '/',
      };
      mkdirSync(stage.root, { recursive: true });
      chmodSync(stage.root, 0o755);
      stages.set(stage.name, stage);
      log(`FROM ${image} AS ${stage.name}`);
      continue;
    }
    const inStage = (path) => join(stage.root, path.startsWith('/') ? path : join(stage.cwd, path));
    if (keyword === 'ENV') {
      for (const property of instruction.getProperties())
        stage.env[property.getName()] = property.getValue();
    } else if (keyword === 'WORKDIR') {
      stage.cwd = content;
      mkdirSync(inStage(content), { recursive: true });
    } else if (keyword === 'COPY') {
      const parts = instruction.getArguments().map((a) => a.getValue());
      const destination = parts.at(-1);
      const from = instruction
        .getFlags()
        .find((f) => f.getName() === 'from')
        ?.getValue();
      for (const source of parts.slice(0, -1)) {
        const origin = from ? join(stages.get(from).root, source) : join(context, source);
        const target =
          destination.endsWith('/') && source !== '.'
            ? join(inStage(destination), source.split('/').at(-1))
            : inStage(destination);
        mkdirSync(join(target, '..'), { recursive: true });
        cpSync(origin, target, { recursive: true, verbatimSymlinks: true });
        const mode = instruction
          .getFlags()
          .find((f) => f.getName() === 'chmod')
          ?.getValue();
        if (mode) chmodSync(target, Number.parseInt(mode, 8));
      }
      log(`COPY ${content}`);
    } else if (keyword === 'RUN') {
      const command = content.replace(/\\\n/g, ' ');
      const pnpm = command.match(/^npm install --global pnpm@(\S+)$/);
      if (pnpm) {
        const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).stdout.trim();
        if (installed !== pnpm[1])
          throw new Error(`install pnpm ${pnpm[1]} first (this machine has ${installed})`);
        log(`RUN ${command} (pnpm ${installed} already installed)`);
        continue;
      }
      log(`RUN ${command}`);
      sh(imagePaths(command, stage.root, tops), { cwd: inStage(stage.cwd), env: stage.env });
    }
  }
  return { runtime: stage, tops, instructions };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function smoke({ runtime, tops, instructions }) {
  const build = join(work, 'stage-build', 'repo');
  const { startEmbeddedPostgres, withDatabase } = await import(
    join(build, 'prisma/dist/embedded-postgres.js')
  );
  const { ensureDatabase } = await import(join(build, 'prisma/dist/local-database.js'));
  const postgres = await startEmbeddedPostgres({ dataDir: join(work, 'postgres'), fresh: true });
  const failures = [];
  const check = (ok, what) => {
    log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  let api;
  try {
    await ensureDatabase(postgres.url, 'bazaar');
    const port = await freePort();
    const env = {
      ...runtime.env,
      MEDIA_DIR: imagePaths(runtime.env.MEDIA_DIR, runtime.root, tops),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: withDatabase(postgres.url, 'bazaar'),
      SIGNING_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
    };
    const entrypoint = join(runtime.root, 'usr/local/bin/bazaar');
    const script = imagePaths(readFileSync(entrypoint, 'utf8'), runtime.root, tops);
    const run = (args) =>
      spawnSync('sh', ['-c', script, 'bazaar', ...args], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        uid: APP_UID,
        gid: APP_UID,
      });
    for (const [args, expected] of [
      [['migrate'], /Applied|up to date/],
      [['seed', '--scale', 'small'], /Seeded/],
      [['reindex'], /Indexed \d+ published products/],
    ]) {
      const result = run(args);
      check(
        result.status === 0 && expected.test(result.stdout),
        `bazaar ${args.join(' ')}: ${result.stdout.trim().split('\n').at(-1) ?? ''}${result.stderr.trim()}`,
      );
    }

    const cmd = JSON.parse(
      instructions.findLast((i) => i.getKeyword() === 'CMD').getArgumentsContent(),
    );
    api = spawn('sh', ['-c', script, 'bazaar', ...cmd], {
      env: { ...process.env, ...env },
      uid: APP_UID,
      gid: APP_UID,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    api.stdout.on('data', (chunk) => (output += chunk));
    api.stderr.on('data', (chunk) => (output += chunk));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (
      Date.now() < deadline &&
      !(await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    check(
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
      `/healthz answers 200 ${output.includes('Error') ? output : ''}`,
    );
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.json(),
      () => ({}),
    );
    check(
      ready.ready === true && ready.pendingMigrations?.length === 0,
      `/readyz: ${JSON.stringify(ready)}`,
    );
    for (const [path, marker] of [
      ['/', 'storefront'],
      ['/products/some-product', 'storefront (client route)'],
      ['/admin/', 'back-office'],
    ]) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      const html = await response.text();
      check(
        response.ok && html.includes('<script type="module"'),
        `${path} serves the ${marker} page`,
      );
    }
    const expectedAdmin = await fetch(`${base}/admin/`, { headers: { accept: 'text/html' } }).then(
      (r) => r.text(),
    );
    const expectedShop = await fetch(`${base}/`, { headers: { accept: 'text/html' } }).then((r) =>
      r.text(),
    );
    check(expectedAdmin !== expectedShop, '/ and /admin/ are different SPAs');
    const graphql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }),
    }).then(
      (r) => r.json(),
      () => ({}),
    );
    check(
      graphql.data?.products?.totalCount > 0,
      `GraphQL answers with the seeded catalog: ${JSON.stringify(graphql)}`,
    );
    const healthcheck = instructions.findLast((i) => i.getKeyword() === 'HEALTHCHECK');
    const probe = JSON.parse(healthcheck.getArgumentsContent().replace(/^.*?CMD\s+/s, ''));
    const probed = spawnSync(probe[0], probe.slice(1), {
      env: { ...process.env, PORT: String(port) },
      uid: APP_UID,
      gid: APP_UID,
    });
    check(probed.status === 0, 'the HEALTHCHECK command passes');

    const stopped = Date.now();
    api.kill('SIGTERM');
    const code = await new Promise((resolve) => api.once('exit', (exitCode) => resolve(exitCode)));
    api = undefined;
    check(
      code === 0 && Date.now() - stopped < 10_000,
      `SIGTERM: exit ${code} after ${Date.now() - stopped} ms`,
    );
  } finally {
    api?.kill('SIGKILL');
    await postgres.stop();
  }
  return failures;
}

let failures;
try {
  const context = makeContext();
  const built = rehearseBuild(context);
  failures = await smoke(built);
} finally {
  if (values.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(
  failures.length
    ? `\nRehearsal failed: ${failures.length} checks`
    : '\nRehearsal passed: the image builds and runs.',
);
process.exitCode = failures.length ? 1 : 0;
