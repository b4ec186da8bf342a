// A connection's totalCount over a list that may be huge (a catalog, a seller's
// offers): counted up to a cap, so the count scans at most COUNT_CAP + 1 rows
// however large the table grows.
import type { Prisma } from '@bazaar/db';

/** Capped counts stop here ("10,000+"). */
export const COUNT_CAP = 10_000;

/** The totalCount description of connections counted with cappedCount. */
export const CAPPED_TOTAL_COUNT = 'Capped at 10,000 for large lists.';

/** Rows of `from` matching `where`, counted up to COUNT_CAP. */
export async function cappedCount(
  prisma: Pick<Prisma.TransactionClient, '$queryRaw'>,
  from: Prisma.Sql,
  where: Prisma.Sql,
): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`;
  return Math.min(row?.count ?? 0, COUNT_CAP);
}
