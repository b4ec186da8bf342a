// The vocabulary of the index (search_words): the distinct folded words of
// titles, brands and tags. It serves word completion in autocomplete, the
// typo corrections of the PostgreSQL engine and "did you mean" for both
// engines, through pg_trgm similarity on a small table instead of the
// documents themselves.
import type { Prisma, PrismaClient } from '@bazaar/db';
import type { SearchDocument } from './search.engine.js';
import { editDistance, hasCjk, typoBudget, words } from './search.text.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Words shorter than this are not worth suggesting or correcting to. */
const MIN_WORD = 2;
const MAX_WORD = 40;

/** Synonyms both engines expand (the Meilisearch engine sends them as index settings). */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  tee: ['t-shirt', 'tshirt'],
  tshirt: ['tee', 't-shirt'],
  't-shirt': ['tee', 'tshirt'],
  phone: ['mobile', 'smartphone'],
  mobile: ['phone', 'smartphone'],
  smartphone: ['phone', 'mobile'],
  sofa: ['couch'],
  couch: ['sofa'],
  laptop: ['notebook'],
  notebook: ['laptop'],
  sneakers: ['trainers'],
  trainers: ['sneakers'],
  tv: ['television'],
  television: ['tv'],
  hoodie: ['sweatshirt'],
  sweatshirt: ['hoodie'],
};

/** The words a document contributes to the vocabulary. */
export function documentWords(document: SearchDocument): string[] {
  return words(
    [...Object.values(document.title), document.brand ?? '', ...document.tags].join(' '),
  ).filter((word) => word.length >= MIN_WORD && word.length <= MAX_WORD);
}

export async function recordWords(db: Db, documents: readonly SearchDocument[]): Promise<void> {
  const all = [...new Set(documents.flatMap(documentWords))].sort();
  if (all.length === 0) return;
  await db.$executeRaw`
    INSERT INTO search_words (word) SELECT unnest(${all}::text[]) ON CONFLICT (word) DO NOTHING`;
}

export async function clearWords(db: Db): Promise<void> {
  await db.$executeRaw`TRUNCATE search_words`;
}

/** Completions of `prefix` (folded), shortest first. */
export async function completeWord(db: Db, prefix: string, limit: number): Promise<string[]> {
  if (prefix.length < 1 || limit <= 0) return [];
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT word FROM search_words
     WHERE word LIKE ${`${prefix}%`} AND word <> ${prefix}
     ORDER BY length(word), word LIMIT ${limit}`;
  return rows.map((row) => row.word);
}

export interface Correction {
  /** Words within the typo budget, closest first: what the PostgreSQL engine also searches for. */
  alternatives: string[];
  /** The most likely intended word, or null when the word is known or nothing is close. */
  best: string | null;
}

/**
 * For each query word missing from the vocabulary, its likely intended words:
 * candidates by pg_trgm similarity (or sharing the first two letters, since
 * trigrams punish swapped letters), then ranked by edit distance.
 */
export async function correctWords(
  db: Db,
  queryWords: readonly string[],
): Promise<Map<string, Correction>> {
  const distinct = [...new Set(queryWords)].filter(
    (word) => word.length >= 3 && word.length <= MAX_WORD && !hasCjk(word) && !/^\d+$/.test(word),
  );
  const result = new Map<string, Correction>();
  if (distinct.length === 0) return result;
  const rows = await db.$queryRaw<{ query: string; word: string; score: number }[]>`
    SELECT q.word AS query, w.word, w.score
      FROM unnest(${distinct}::text[]) AS q(word)
      CROSS JOIN LATERAL (
        SELECT s.word, similarity(s.word, q.word)::float8 AS score FROM search_words s
         WHERE s.word % q.word
            OR (s.word LIKE left(q.word, 2) || '%'
                AND length(s.word) BETWEEN length(q.word) - 2 AND length(q.word) + 2)
         ORDER BY score DESC, s.word LIMIT 40
      ) w`;
  for (const query of distinct) {
    const candidates = rows.filter((row) => row.query === query);
    if (candidates.some((row) => row.word === query)) continue; // a known word
    const budget = Math.max(typoBudget(query), 1);
    const ranked = candidates
      .map((row) => ({ ...row, distance: editDistance(query, row.word, 3) }))
      .sort((a, b) => a.distance - b.distance || b.score - a.score || a.word.localeCompare(b.word));
    const alternatives = ranked
      .filter((row) => row.distance <= typoBudget(query))
      .map((row) => row.word);
    const best =
      ranked.find((row) => row.distance <= budget)?.word ??
      ranked.filter((row) => row.score > 0.3).sort((a, b) => b.score - a.score)[0]?.word ??
      null;
    result.set(query, { alternatives, best });
  }
  return result;
}

/** The query with each corrected word replaced; null when nothing changes. */
export function didYouMean(
  queryWords: readonly string[],
  corrections: Map<string, Correction>,
): string | null {
  let changed = false;
  const corrected = queryWords.map((word) => {
    const best = corrections.get(word)?.best;
    if (best && best !== word) {
      changed = true;
      return best;
    }
    return word;
  });
  return changed ? corrected.join(' ') : null;
}
