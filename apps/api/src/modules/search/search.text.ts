// Text helpers shared by both engines: tokenising, accent folding and the
// edit distance used to pick typo corrections.

const WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Lower-case without accents ("Café" -> "cafe"). PostgreSQL's unaccent() does
 * the same on the index side; letters it maps beyond combining marks (ß, ø, æ)
 * are folded here too so both sides agree.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/** The folded words of a text, in order (duplicates kept). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

export function hasCjk(word: string): boolean {
  return CJK.test(word);
}

/** How many typos a word of this length may carry (Meilisearch's defaults: 5 and 9 letters). */
export function typoBudget(word: string): number {
  const length = [...word].length;
  if (hasCjk(word) || /^\d+$/.test(word)) return 0;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment Damerau-Levenshtein distance (a swap of neighbours is one edit). */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return rows[s.length]![t.length]!;
}

/** Whether `word` is `query` with at most its typo budget of edits. */
export function matchesWithTypos(query: string, word: string): boolean {
  if (query === word) return true;
  const budget = typoBudget(query);
  return budget > 0 && editDistance(query, word, budget) <= budget;
}
