/**
 * A client-generated key for a mutation the API deduplicates (refunds,
 * counter sales, wallet credits). One key per attempt: keep it while the
 * outcome is unknown (the request threw, so a retry must not act twice), and
 * take a new one once the API has answered (it did, or refused, the thing).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const random = () => Math.random().toString(16).slice(2, 10);
  return `${Date.now().toString(16)}-${random()}-${random()}-${random()}`;
}
