import type { BuiltInRoleKey } from '@bazaar/schema';

const STORE_COUNTER = 'store_counter' satisfies BuiltInRoleKey;

/**
 * Whether an assignment of this role names a store: a store-counter account
 * belongs to one store of one seller. The built-in Store counter role is
 * recognised by its stable key (Role.key), whatever it is called.
 */
export function roleNeedsStore(role: { key?: string | null } | undefined): boolean {
  return role?.key === STORE_COUNTER;
}
