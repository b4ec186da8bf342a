/** JSON on one line, cut short; the full text in a tooltip. */
export function compactJson(value: unknown, max = 80): { short: string; full: string } | null {
  if (value === null || value === undefined) return null;
  const full = JSON.stringify(value);
  return { short: full.length > max ? `${full.slice(0, max - 1)}…` : full, full };
}
