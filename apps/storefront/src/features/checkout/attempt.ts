import { useRef } from 'react';

/**
 * The idempotency key of one attempt to place an order. The same order (same input,
 * same expected total) keeps its key, so a retry after a lost answer or a double click
 * returns the purchase the first request made; a changed order is a new attempt.
 */
export function useAttemptKey(): (signature: string) => string {
  const attempt = useRef<{ signature: string; key: string } | null>(null);
  return (signature) => {
    if (attempt.current?.signature !== signature) {
      attempt.current = { signature, key: crypto.randomUUID() };
    }
    return attempt.current.key;
  };
}
