// Bounds how many transactions of one kind hold pool connections at once. In a
// rush on one hot row (a flash sale's stock level) every checkout transaction
// waits on that row's lock while holding a connection; without a bound they
// take the whole pool and other shoppers' reads time out. Over the bound they
// queue here, in arrival order, holding nothing.
import type { Database } from '@bazaar/db';

export class TransactionGate {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active < this.limit) this.#active++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or frees up.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}

const gates = new WeakMap<Database, Map<string, TransactionGate>>();

/** The gate for `kind` on this database: half its pool, so reads always find a connection. */
export function transactionGate(db: Database, kind: string): TransactionGate {
  let byKind = gates.get(db);
  if (!byKind) gates.set(db, (byKind = new Map()));
  let gate = byKind.get(kind);
  if (!gate) {
    gate = new TransactionGate(Math.max(1, Math.floor((db.pool.options.max ?? 10) / 2)));
    byKind.set(kind, gate);
  }
  return gate;
}
