import type { ApiKeysTable_ApiKeyFragment } from '../../../generated/graphql';

/** Whether a key still works, as a badge. */
export function keyState(key: ApiKeysTable_ApiKeyFragment, now = Date.now()) {
  if (key.revokedAt) return { label: 'Revoked', color: 'gray' } as const;
  if (key.expiresAt && Date.parse(key.expiresAt) <= now)
    return { label: 'Expired', color: 'orange' } as const;
  return { label: 'Active', color: 'teal' } as const;
}
