import { useCallback, useState } from 'react';

/**
 * Wraps a query's `refetch` for a "Try again" button: the outcome is shown by the
 * query's own state, so a rejected promise is expected and must not go unhandled.
 */
export function useRetry(refetch: () => Promise<unknown>): {
  retry: () => void;
  retrying: boolean;
} {
  const [retrying, setRetrying] = useState(false);
  const retry = useCallback(() => {
    setRetrying(true);
    refetch()
      .catch(() => undefined)
      .finally(() => setRetrying(false));
  }, [refetch]);
  return { retry, retrying };
}
