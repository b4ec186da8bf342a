// Which engines a process uses, made once per database handle. PostgreSQL's
// index (search_documents) is always written: it is the read model behind
// Category.productCount, autocomplete words and "did you mean". With
// MEILISEARCH_HOST set, Meilisearch answers searches and is written too.
import type { Database } from '@bazaar/db';
import type { Env } from '../../env.js';
import type { SearchEngine } from './search.engine.js';
import { MeilisearchEngine } from './search.meilisearch.js';
import { PostgresSearchEngine } from './search.postgres.js';

export type SearchConfig = Pick<
  Env,
  'MEILISEARCH_HOST' | 'MEILISEARCH_API_KEY' | 'MEILISEARCH_INDEX'
>;

export interface SearchEngines {
  /** Answers searches and suggestions. */
  query: SearchEngine;
  /** Every engine the indexer writes to (the query engine included). */
  writers: SearchEngine[];
}

const engines = new WeakMap<Database, Map<string, SearchEngines>>();

export function searchEngines(config: SearchConfig, db: Database): SearchEngines {
  const key = JSON.stringify([
    config.MEILISEARCH_HOST,
    config.MEILISEARCH_API_KEY,
    config.MEILISEARCH_INDEX,
  ]);
  let byConfig = engines.get(db);
  if (!byConfig) engines.set(db, (byConfig = new Map()));
  let found = byConfig.get(key);
  if (!found) {
    const postgres = new PostgresSearchEngine(db.prisma);
    if (config.MEILISEARCH_HOST) {
      const meilisearch = new MeilisearchEngine(
        {
          host: config.MEILISEARCH_HOST,
          apiKey: config.MEILISEARCH_API_KEY,
          index: config.MEILISEARCH_INDEX,
        },
        db.prisma,
      );
      found = { query: meilisearch, writers: [postgres, meilisearch] };
    } else {
      found = { query: postgres, writers: [postgres] };
    }
    byConfig.set(key, found);
  }
  return found;
}
