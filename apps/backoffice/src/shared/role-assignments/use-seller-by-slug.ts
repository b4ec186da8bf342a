import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';

import { SellerBySlugDocument, type SellerBySlugQuery } from '../../generated/graphql';

export type PickedSeller = NonNullable<SellerBySlugQuery['seller']>;

/**
 * The seller a typed slug names. The contract has no seller search yet, so an
 * admin names a seller by the slug of its shop address; the seller's name
 * confirms the match and its stores come along.
 */
export function useSellerBySlug(input: string) {
  const [slug] = useDebouncedValue(input.trim().toLowerCase(), 300);
  const pending = slug !== input.trim().toLowerCase();
  const { data, loading } = useQuery(SellerBySlugDocument, {
    variables: { slug },
    skip: slug === '',
  });
  const seller = slug === '' ? null : (data?.seller ?? null);
  const notFound = slug !== '' && !pending && !loading && data !== undefined && !seller;
  return { slug, seller, loading: loading || pending, notFound };
}
