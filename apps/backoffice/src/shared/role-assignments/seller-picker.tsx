import { Loader, TextInput, type TextInputProps } from '@mantine/core';

import type { useSellerBySlug } from './use-seller-by-slug';

/** The slug input, saying which seller it found (or that none has it). */
export function SellerSlugInput({
  lookup,
  error,
  ...props
}: TextInputProps & { lookup: ReturnType<typeof useSellerBySlug> }) {
  const description = lookup.seller
    ? `Found: ${lookup.seller.name}`
    : 'The slug of the shop address, e.g. “green-grocer”.';
  const notFound = lookup.notFound ? `No seller has the slug “${lookup.slug}”.` : null;
  return (
    <TextInput
      autoComplete="off"
      {...props}
      description={description}
      error={error || notFound}
      rightSection={
        lookup.loading && lookup.slug !== '' ? (
          <Loader size="xs" aria-label="Looking up the seller" />
        ) : null
      }
    />
  );
}
