import type { ApolloCache } from '@apollo/client';

/**
 * Points the root `cart` field at the cart a mutation returned, so every query
 * selecting it (the header's count, the cart page) reads the new one, also when the
 * shopper had no cart before (the field was null). The cart's own fields are
 * already normalised by the mutation's result.
 */
export function rememberCart(cache: ApolloCache, cart: { __typename: 'Cart'; id: string } | null) {
  if (!cart) return;
  const id = cache.identify(cart);
  if (!id) return;
  cache.modify({
    id: 'ROOT_QUERY',
    fields: { cart: (_current, { toReference }) => toReference(id) ?? _current },
  });
}
