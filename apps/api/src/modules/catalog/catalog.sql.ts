// Raw SQL helpers: the catalog's list queries are raw SQL because their
// filters (descendant categories, offered-by-seller, trigram similarity) and
// the capped count (common/pagination/capped-count.ts) have no Prisma equivalent.
import { Prisma } from '@bazaar/db';

const camel = (name: string) =>
  name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Rows of `SELECT table.*` with their snake_case columns renamed like Prisma's fields. */
export function rowsFromSql<Row>(rows: readonly Record<string, unknown>[]): Row[] {
  return rows.map(
    (row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [camel(key), value])) as Row,
  );
}

/** `a AND b AND ...` (TRUE when empty). */
export function and(conditions: readonly Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/** A LIKE pattern matching `text` anywhere, its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
