import { useQuery } from '@apollo/client/react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';

import { SellerOptionsDocument, type SellerOptionsQuery } from '../../generated/graphql';

/** A shop found by the picker, with its stores (for the store select). */
export type PickedSeller = SellerOptionsQuery['sellers']['edges'][number]['node'];

/** How many shops one search shows; more matches ask for a longer search. */
const SELLER_OPTIONS_PAGE = 20;

/** How long typing pauses before the search is sent. */
const SELLER_SEARCH_DEBOUNCE_MS = 250;

function sellerOptionLabel(seller: { name: string; slug: string }): string {
  return `${seller.name} (${seller.slug})`;
}

/**
 * Picks a seller by searching the public shop directory (Query.sellers) for
 * part of its name or slug. Each option reads "Name (slug)"; the chosen
 * seller comes with its stores.
 */
export function SellerPicker({
  value,
  onChange,
  label = 'Seller',
  required,
  error,
}: {
  value: PickedSeller | null;
  onChange: (seller: PickedSeller | null) => void;
  label?: string;
  required?: boolean;
  error?: ReactNode;
}) {
  // What the input shows, and the search sent to the API. They differ once a
  // seller is chosen: the input then shows its label, which is no search.
  const [inputText, setInputText] = useState('');
  const [term, setTerm] = useState('');
  const [debouncedTerm] = useDebouncedValue(term.trim(), SELLER_SEARCH_DEBOUNCE_MS);
  const pending = debouncedTerm !== term.trim();
  const { data, previousData, loading } = useQuery(SellerOptionsDocument, {
    variables: { search: debouncedTerm || null, first: SELLER_OPTIONS_PAGE },
  });
  const result = (data ?? previousData)?.sellers;
  const found = result?.edges.map((edge) => edge.node) ?? [];
  // The chosen seller stays an option while other searches run.
  const sellers = value && !found.some((s) => s.id === value.id) ? [value, ...found] : found;
  const searching = pending || loading;

  const searchChange = (text: string) => {
    setInputText(text);
    if (!value || text !== sellerOptionLabel(value)) setTerm(text);
  };

  const more = result && result.totalCount > result.edges.length;
  const description = value
    ? `${value.stores.length} ${value.stores.length === 1 ? 'store' : 'stores'}`
    : more && !searching
      ? `${result.totalCount} shops match: type more of the name or slug to narrow them.`
      : 'Type part of the shop’s name or slug.';

  return (
    <Select
      label={label}
      required={required}
      error={error}
      description={description}
      placeholder="Search shops"
      searchable
      autoComplete="off"
      data={sellers.map((seller) => ({ value: seller.id, label: sellerOptionLabel(seller) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(sellers.find((seller) => seller.id === id) ?? null)}
      searchValue={inputText}
      onSearchChange={searchChange}
      // The API matches name or slug; narrowing the shown results while it
      // answers keeps typing responsive, and they are never wider than its answer.
      nothingFoundMessage={
        searching
          ? 'Searching…'
          : term.trim()
            ? `No shop matches “${term.trim()}”.`
            : 'There are no shops yet.'
      }
      rightSection={searching ? <Loader size="xs" aria-label="Searching shops" /> : undefined}
      maxDropdownHeight={280}
    />
  );
}
