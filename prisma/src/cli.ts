#!/usr/bin/env node
// `pnpm db:migrate | db:reset | db:seed [--scale small|medium|large] [--reset]`.
// Uses DATABASE_URL when set, otherwise the embedded server under .data/;
// product pictures go to MEDIA_DIR (default .data/media), where the API serves them.
import { parseArgs } from 'node:util';
import { createDatabase } from './client.js';
import { openLocalDatabase } from './local-database.js';
import { migrate, resetDatabase } from './migrate.js';
import { isScale, seed } from './seed/index.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: 'small' },
    reset: { type: 'boolean', default: false },
  },
});
const command = positionals[0];

async function main(): Promise<void> {
  if (!isScale(values.scale))
    throw new Error(`--scale must be small, medium or large, not "${values.scale}"`);
  const local = await openLocalDatabase({ databaseUrl: process.env.DATABASE_URL });
  try {
    if (command === 'migrate') {
      const applied = await migrate(local.url);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
    } else if (command === 'reset') {
      await resetDatabase(local.url);
      console.log('Database reset and migrated.');
    } else if (command === 'seed') {
      await (values.reset ? resetDatabase(local.url) : migrate(local.url));
      await seedEmpty(local.url, values.scale);
    } else {
      throw new Error(
        'usage: cli.js migrate | reset | seed [--scale small|medium|large] [--reset]',
      );
    }
  } finally {
    await local.stop();
  }
}

async function seedEmpty(url: string, scale: Parameters<typeof seed>[1]): Promise<void> {
  const db = createDatabase(url);
  try {
    if ((await db.prisma.user.count()) > 0) {
      throw new Error('The database already has data: pass --reset to replace it with demo data.');
    }
    const started = Date.now();
    await seed(db.prisma, scale, { mediaDir: process.env.MEDIA_DIR });
    console.log(
      `Seeded the ${scale} demo data in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
