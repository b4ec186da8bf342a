// `pnpm search:reindex`: rebuilds the search index from the database in this
// process (every engine is emptied, then every published product written).
// `--queue` only queues one indexing event per product, for a running API's
// indexer to pick up (what the searchReindex mutation does).
// Uses DATABASE_URL when set, otherwise the embedded server under .data/.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createDatabase, openLocalDatabase } from '@bazaar/db';
import { loadEnv } from '../env.js';
import { enqueueReindex, rebuildIndex } from '../modules/search/search.indexer.js';
import { searchEngines } from '../modules/search/search.registry.js';

const { values } = parseArgs({ options: { queue: { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  const env = loadEnv();
  const local = await openLocalDatabase({
    databaseUrl: env.DATABASE_URL,
    ...(env.EMBEDDED_DB_DIR ? { dataDir: env.EMBEDDED_DB_DIR } : {}),
  });
  const db = createDatabase(local.url, { poolSize: 4 });
  try {
    if (values.queue) {
      const queued = await enqueueReindex(db.prisma);
      console.log(`Queued ${queued} products for the running indexer.`);
      return;
    }
    const engines = searchEngines(env, db);
    const started = Date.now();
    const indexed = await rebuildIndex(db, engines.writers, (count) => {
      if (process.stdout.isTTY) process.stdout.write(`\rIndexed ${count} products...`);
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(
      `Indexed ${indexed} published products into ${engines.writers.map((e) => e.name).join(' and ')} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.close();
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
