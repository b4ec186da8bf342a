import { BUILT_IN_ROLES } from '@bazaar/schema';

/**
 * Whether an assignment of this role names a store: a store-counter account
 * belongs to one store of one seller. The contract marks no role as such, so
 * the built-in Store counter role is recognised by its shared name.
 */
export function roleNeedsStore(role: { name: string; builtIn: boolean } | undefined): boolean {
  return Boolean(role?.builtIn && role.name === BUILT_IN_ROLES.store_counter.name);
}
