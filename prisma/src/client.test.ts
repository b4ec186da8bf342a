import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../test/database.js';
import { createDatabase, type Database } from './client.js';

describe('createDatabase', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('prepares each of Prisma’s statements once per connection', async () => {
    db = createDatabase(testDatabaseUrl, { poolSize: 1 });
    await db.prisma.user.findMany({ where: { email: 'a@example.com' } });
    await db.prisma.user.findMany({ where: { email: 'b@example.com' } });
    // The pool's one connection: the same one Prisma used.
    const { rows } = await db.pool.query<{ statement: string }>(
      'SELECT statement FROM pg_prepared_statements',
    );
    expect(rows.filter((row) => row.statement.includes('"public"."users"'))).toHaveLength(1);
  });
});
