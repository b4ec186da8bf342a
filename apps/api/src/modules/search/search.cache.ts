// Short-lived caches of what is costly to count and asked for again and again:
// facet counts of a search (a category page's facets are the same for every
// shopper) and Category.productCount. The indexer clears them whenever it
// writes (so this process never shows counts older than its own index); other
// replicas' writes show up within the TTL.
import type { FacetCounts } from './search.engine.js';

const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

export class TtlCache<Value> {
  private readonly entries = new Map<string, { value: Value; expires: number }>();

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: Value): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface SearchCaches {
  facets: TtlCache<FacetCounts>;
  productCounts: TtlCache<number>;
}

const caches = new WeakMap<object, SearchCaches>();

/** The caches of one database (keyed by its client). */
export function searchCaches(database: object): SearchCaches {
  let found = caches.get(database);
  if (!found) {
    found = { facets: new TtlCache(), productCounts: new TtlCache() };
    caches.set(database, found);
  }
  return found;
}

export function clearSearchCaches(database: object): void {
  const found = caches.get(database);
  found?.facets.clear();
  found?.productCounts.clear();
}
