// Checks of the Dockerfile and .dockerignore without a Docker engine: syntax
// (dockerfile-utils), then every path and command against the repository:
// files copied from the context exist and are not ignored, stages exist, the
// pnpm version is the workspace's, the runtime layout is where the built API
// looks for the SPAs and the migrations, the user is not root, and the
// health check and commands are ones the API and the entrypoint know.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import {
  ROOT,
  entrypointCommands,
  migrationsFolder,
  packageJson,
  read,
  serverRoutes,
  spaFolders,
} from './repo.mjs';

/** .dockerignore as a predicate (Docker's rules: globs, `**`, `!` exceptions, parents). */
export function dockerignore(text) {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ''));
      const source = pattern
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replaceAll('*', '[^/]*')
            .replaceAll('?', '[^/]'),
        )
        .join('.*');
      return { negate, regex: new RegExp(`^${source.replace(/\.\*\//g, '(?:.*/)?')}$`) };
    });
  return (path) => {
    const parts = path.split('/');
    let ignored = false;
    for (const rule of rules) {
      for (let i = 1; i <= parts.length; i++) {
        if (rule.regex.test(parts.slice(0, i).join('/'))) {
          ignored = !rule.negate;
          break;
        }
      }
    }
    return ignored;
  };
}

const workspaceDirs = () =>
  ['apps', 'packages']
    .flatMap((parent) => readdirSync(`${ROOT}${parent}`).map((dir) => `${parent}/${dir}`))
    .concat(['prisma', 'e2e'])
    .filter((dir) => existsSync(`${ROOT}${dir}/package.json`));

/**
 * Packages the API loads at run time: bare imports reached from its entry
 * points (main.ts and the CLIs) through relative imports, type-only ones
 * excluded. Test helpers that nothing at run time imports do not count.
 */
function apiRuntimeImports() {
  const found = new Set();
  const seen = new Set();
  const pending = [
    'apps/api/src/main.ts',
    ...readdirSync(`${ROOT}apps/api/src/cli`)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => `apps/api/src/cli/${file}`),
  ];
  const statement =
    /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gms;
  while (pending.length) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of read(file).matchAll(statement)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) {
        const base = posix.join(posix.dirname(file), spec).replace(/\.js$/, '');
        const next = [`${base}.ts`, `${base}/index.ts`].find((candidate) =>
          existsSync(`${ROOT}${candidate}`),
        );
        if (next) pending.push(next);
        continue;
      }
      found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return found;
}

/** [command, filtered package, target directory] of `pnpm --filter X deploy ... <dir>`. */
function deployTarget(run) {
  const tokens = run.split('&&')[0].trim().split(/\s+/);
  if (tokens[0] !== 'pnpm' || !tokens.includes('deploy')) return null;
  const positional = [];
  let filter;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i] === '--filter') filter = tokens[++i];
    else if (tokens[i] === '--store-dir') i++;
    else if (!tokens[i].startsWith('-')) positional.push(tokens[i]);
  }
  return positional[0] === 'deploy' && positional[1] ? [run, filter, positional[1]] : null;
}

function flag(instruction, flagName) {
  return instruction
    .getFlags?.()
    .find((f) => f.getName() === flagName)
    ?.getValue();
}

export function dockerfileProblems(text, ignoreText) {
  const problems = [];
  for (const diagnostic of validate(text)) {
    problems.push(`Dockerfile:${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  }
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const ignored = dockerignore(ignoreText);
  const root = packageJson('.');

  // Base image: Node 20 (engines) on Debian slim, through the NODE_IMAGE argument.
  const nodeImage = dockerfile
    .getARGs()
    .map((arg) => arg.getArgumentsContent())
    .find((content) => content.startsWith('NODE_IMAGE='));
  if (nodeImage !== 'NODE_IMAGE=node:20-bookworm-slim')
    problems.push(`ARG NODE_IMAGE must default to node:20-bookworm-slim, not ${nodeImage}`);
  const stages = [];
  for (const from of dockerfile.getFROMs()) {
    const image = from.getImageName();
    if (image !== '${NODE_IMAGE}' && !stages.includes(image))
      problems.push(`FROM ${image}: use \${NODE_IMAGE} or an earlier stage`);
    stages.push(from.getBuildStage());
  }
  if (!stages.includes('build') || stages.at(-1) !== 'runtime')
    problems.push('stages must be build ... runtime (the last one)');

  // pnpm: the workspace's version, a frozen install, a pruned production deploy.
  const runs = instructions
    .filter((i) => i.getKeyword() === 'RUN')
    .map((i) => i.getArgumentsContent().replace(/\\\n/g, ' '));
  const pnpmVersion = root.packageManager.replace('pnpm@', '');
  if (!runs.some((run) => run.includes(`npm install --global pnpm@${pnpmVersion}`)))
    problems.push(`pnpm must be installed as pnpm@${pnpmVersion} (package.json packageManager)`);
  if (!runs.some((run) => /pnpm install --frozen-lockfile/.test(run)))
    problems.push('pnpm install must use --frozen-lockfile');
  const buildRun = runs.find((run) => run.includes('turbo run build')) ?? '';
  const names = new Set(workspaceDirs().map((dir) => packageJson(dir).name));
  for (const [, filter] of buildRun.matchAll(/--filter=(\S+?)(?:\.\.\.)?(?=\s|$)/g)) {
    if (!names.has(filter)) problems.push(`turbo --filter=${filter}: no such workspace package`);
  }
  for (const needed of ['@bazaar/api...', '@bazaar/storefront', '@bazaar/backoffice']) {
    if (!buildRun.includes(`--filter=${needed}`))
      problems.push(`the build must include --filter=${needed}`);
  }
  const deployRun = runs.find((run) => run.includes(' deploy ')) ?? '';
  const deployed = deployTarget(deployRun);
  if (!deployed || deployed[1] !== '@bazaar/api' || !deployRun.includes('--prod'))
    problems.push('a RUN must `pnpm --filter @bazaar/api deploy --prod ... <dir>`');
  const hoisted = deployRun.includes('--config.node-linker=hoisted');

  // Packages the API imports without declaring them resolve only when hoisted.
  const api = packageJson('apps/api');
  const declared = new Set(Object.keys(api.dependencies ?? {}));
  const workspaceProd = new Set(
    Object.keys(api.dependencies ?? {})
      .filter((dep) => dep.startsWith('@bazaar/'))
      .flatMap((dep) => {
        const dir = workspaceDirs().find((d) => packageJson(d).name === dep);
        return dir ? Object.keys(packageJson(dir).dependencies ?? {}) : [];
      }),
  );
  for (const imported of apiRuntimeImports()) {
    if (declared.has(imported)) continue;
    if (!hoisted || !workspaceProd.has(imported))
      problems.push(
        `apps/api imports ${imported} without declaring it: declare it or deploy with a hoisted node-linker`,
      );
  }
  const dbDeployedAt = hoisted ? '/node_modules/@bazaar/db' : null;

  // COPY: context files exist and are not ignored; --from names an earlier stage.
  const stageOf = new Map();
  let stage = null;
  const copies = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') stage = instruction.getBuildStage();
    if (instruction.getKeyword() !== 'COPY') continue;
    const args = instruction.getArguments().map((a) => a.getValue());
    const from = flag(instruction, 'from');
    const sources = args.slice(0, -1);
    const destination = args.at(-1);
    copies.push({ stage, from, sources, destination });
    if (from) {
      if (!stageOf.has(from) && !stages.slice(0, stages.indexOf(stage)).includes(from))
        problems.push(`COPY --from=${from}: no earlier stage of that name`);
      continue;
    }
    for (const source of sources) {
      if (source === '.') continue;
      if (!existsSync(`${ROOT}${source}`)) problems.push(`COPY ${source}: not in the repository`);
      else if (ignored(source)) problems.push(`COPY ${source}: excluded by .dockerignore`);
    }
  }
  // What `COPY . .` must bring for the build to work.
  const needed = [
    'package.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    '.npmrc',
    'turbo.json',
    'tsconfig.base.json',
    'scripts/precompress.mjs',
    'prisma/migrations',
    'prisma/schema.prisma',
    'packages/schema/schema.graphql',
    'deploy/docker/entrypoint.sh',
  ];
  for (const dir of workspaceDirs()) needed.push(`${dir}/package.json`);
  for (const path of needed) {
    if (ignored(path)) problems.push(`.dockerignore excludes ${path}, which the build needs`);
  }
  for (const path of [
    'node_modules',
    'apps/api/node_modules',
    'apps/api/dist',
    '.git',
    '.env',
    '.data',
  ]) {
    if (!ignored(path)) problems.push(`.dockerignore must exclude ${path}`);
  }

  // Runtime layout: the API at /app/api, the SPAs where spa.ts resolves them.
  const runtimeCopies = copies.filter((c) => c.stage === 'runtime' && c.from === 'build');
  const apiCopy = runtimeCopies.find((c) => deployed && c.sources[0] === deployed[2]);
  if (!apiCopy) problems.push('the runtime stage must COPY the deployed API from the build stage');
  const apiDir = apiCopy?.destination.replace(/\/$/, '');
  const workdirs = instructions
    .filter((i) => i.getKeyword() === 'WORKDIR')
    .map((i) => i.getArgumentsContent());
  if (apiDir) {
    if (workdirs.at(-1) !== apiDir) problems.push(`the runtime WORKDIR must be ${apiDir}`);
    const buildWorkdir = workdirs[0];
    const folders = spaFolders(apiDir);
    if (folders.length !== 2)
      problems.push(
        `expected two SPA folders in apps/api/src/common/http/spa.ts, found ${folders.length}`,
      );
    for (const folder of folders) {
      const copy = runtimeCopies.find((c) => c.destination.replace(/\/$/, '') === folder);
      if (!copy) {
        problems.push(`the API looks for an SPA in ${folder}, which no COPY fills`);
        continue;
      }
      const app = folder.split('/').at(-2);
      if (copy.sources[0] !== `${buildWorkdir}/apps/${app}/dist`)
        problems.push(`${folder} must come from ${buildWorkdir}/apps/${app}/dist`);
    }
    if (dbDeployedAt) {
      const migrations = migrationsFolder(`${apiDir}${dbDeployedAt}`);
      if (!migrations.startsWith(`${apiDir}/node_modules/@bazaar/db/`))
        problems.push(`migrations resolve outside @bazaar/db: ${migrations}`);
    }
    const files = packageJson('prisma').files;
    if (files && !files.some((f) => f.startsWith('migrations')))
      problems.push(
        'prisma/package.json "files" leaves out migrations/, so the deployed @bazaar/db has none',
      );
  }

  // Runtime settings: user, environment, port, health check, entrypoint.
  const runtimeStart = instructions.findLastIndex((i) => i.getKeyword() === 'FROM');
  const runtime = instructions.slice(runtimeStart);
  const last = (keyword) => runtime.filter((i) => i.getKeyword() === keyword).at(-1);
  const user = last('USER')?.getArgumentsContent() ?? 'root';
  if (!/^[1-9]\d*(:\d+)?$/.test(user))
    problems.push(
      `USER must be a numeric non-root uid (Kubernetes runAsNonRoot checks it), not ${user}`,
    );
  const env = Object.fromEntries(
    runtime
      .filter((i) => i.getKeyword() === 'ENV')
      .flatMap((i) => i.getProperties().map((p) => [p.getName(), p.getValue()])),
  );
  const expected = { NODE_ENV: 'production', HOST: '0.0.0.0', SERVE_SPAS: 'true' };
  for (const [key, value] of Object.entries(expected)) {
    if (env[key] !== value) problems.push(`runtime ENV ${key} must be ${value}`);
  }
  const exposed = last('EXPOSE')?.getArgumentsContent();
  if (exposed !== env.PORT) problems.push(`EXPOSE ${exposed} must equal ENV PORT ${env.PORT}`);
  const healthcheck = last('HEALTHCHECK')?.getArgumentsContent() ?? '';
  const routes = [...serverRoutes()].filter(
    (route) => healthcheck.includes(`${route}'`) || healthcheck.includes(`${route}"`),
  );
  if (!routes.includes('/healthz')) problems.push('HEALTHCHECK must GET /healthz');
  const entrypoint = JSON.parse(last('ENTRYPOINT')?.getArgumentsContent() ?? '[]');
  const script = copies.find(
    (c) => c.stage === 'runtime' && !c.from && c.destination.endsWith(`/${entrypoint[0]}`),
  );
  if (!script || script.sources[0] !== 'deploy/docker/entrypoint.sh')
    problems.push('ENTRYPOINT must be deploy/docker/entrypoint.sh, copied onto the PATH');
  const cmd = JSON.parse(last('CMD')?.getArgumentsContent() ?? '[]');
  if (!entrypointCommands().has(cmd[0]))
    problems.push(`CMD ${cmd[0]} is not an entrypoint command`);
  return problems;
}

/** The entrypoint's commands run what the package scripts run. */
export function entrypointProblems(text, apiDir = '/app/api') {
  const problems = [];
  if (!text.includes(`cd ${apiDir}`)) problems.push(`entrypoint.sh must cd ${apiDir}`);
  const branch = (command) => text.match(new RegExp(`^ {2}${command}\\) (.*) ;;$`, 'm'))?.[1] ?? '';
  const scripts = {
    api: ['apps/api', 'start', 'dist/main.js'],
    reindex: ['apps/api', 'search:reindex', 'dist/cli/search-reindex.js'],
  };
  for (const [command, [dir, script, file]] of Object.entries(scripts)) {
    if (!packageJson(dir).scripts[script].includes(`node ${file}`))
      problems.push(`${dir} script ${script} no longer runs ${file}`);
    if (!branch(command).includes(`exec node ${file}`))
      problems.push(`entrypoint ${command} must exec node ${file}`);
  }
  for (const command of ['migrate', 'seed']) {
    if (!packageJson('prisma').scripts[command].includes(`node dist/cli.js ${command}`))
      problems.push(`@bazaar/db script ${command} no longer runs dist/cli.js ${command}`);
    if (!branch(command).includes(`exec node node_modules/@bazaar/db/dist/cli.js ${command}`))
      problems.push(`entrypoint ${command} must run @bazaar/db's dist/cli.js ${command}`);
  }
  if (!/^\s*\*\) exec "\$command" "\$@" ;;$/m.test(text))
    problems.push('entrypoint must run any other command as given');
  return problems;
}

export const readRepo = (path) => readFileSync(`${ROOT}${path}`, 'utf8');
