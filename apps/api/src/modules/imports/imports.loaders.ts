import type { PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';
import type { ImportRowError } from './imports.types.js';

/** Row errors a job lists in GraphQL; the full report is the errors.csv download. */
export const LISTED_ERRORS = 1_000;

export function createImportLoaders(prisma: PrismaClient) {
  return {
    /** The first LISTED_ERRORS row errors of each job, without reading the rest. */
    errorsByJob: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.$queryRaw<{ id: string; errors: ImportRowError[] }[]>`
        SELECT id::text,
               jsonb_path_query_array(errors, ${`$[0 to ${LISTED_ERRORS - 1}]`}::jsonpath) AS errors
          FROM import_jobs WHERE id = ANY(${[...ids]}::uuid[])`;
      const byId = new Map(rows.map((row) => [row.id, row.errors]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}
