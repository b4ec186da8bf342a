import type { Prisma } from '../generated/client/client.js';

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for any table here. */
const CHUNK = 2_000;

/** Inserts `rows` with one createMany per chunk, in order. */
export async function insertChunked<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  size = CHUNK,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await insert(rows.slice(start, start + size));
  }
}

/** A typed value for a JSON column (interfaces lack the index signature Prisma asks for). */
export function json(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
