import type { ApolloCache, Reference } from '@apollo/client';

/**
 * Keeps the cached address book in step with a mutation's answer, without asking
 * for the whole book again: the signed-in viewer is one cache entry (`Viewer:{}`).
 */
const VIEWER = { __typename: 'Viewer' };

/** A created or updated address: in the book, and the only default if it is one. */
export function rememberAddress(
  cache: ApolloCache,
  address: { __typename: 'Address'; id: string; isDefault: boolean },
): void {
  const formerDefaults: Reference[] = [];
  cache.modify({
    id: cache.identify(VIEWER),
    fields: {
      addresses(existing, { readField, toReference }) {
        const list = existing as readonly Reference[];
        if (address.isDefault) {
          for (const ref of list) if (readField('id', ref) !== address.id) formerDefaults.push(ref);
        }
        if (list.some((ref) => readField('id', ref) === address.id)) return list;
        const ref = toReference(address);
        return ref ? [...list, ref] : list;
      },
    },
  });
  for (const ref of formerDefaults) {
    cache.modify({ id: cache.identify(ref), fields: { isDefault: () => false } });
  }
}

/** A deleted address: out of the book and out of the cache. */
export function forgetAddress(cache: ApolloCache, id: string): void {
  cache.modify({
    id: cache.identify(VIEWER),
    fields: {
      addresses: (existing, { readField }) =>
        (existing as readonly Reference[]).filter((ref) => readField('id', ref) !== id),
    },
  });
  cache.evict({ id: cache.identify({ __typename: 'Address', id }) });
  cache.gc();
}
