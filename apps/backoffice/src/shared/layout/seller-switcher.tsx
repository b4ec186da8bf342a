import { NativeSelect } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

import { useAccess, useCurrentSeller, useSellerIdFromUrl } from '../access/use-access';

/**
 * Picks the seller the back-office works on, for users who work for several.
 * The current seller lives in the URL (/sellers/:sellerId/...), so a link or a
 * reload keeps it; elsewhere the last choice is remembered for the navbar.
 */
export function SellerSwitcher() {
  const access = useAccess();
  const { current, select } = useCurrentSeller();
  const sellerIdInUrl = useSellerIdFromUrl();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (access.sellers.length < 2) return null;

  const change = (sellerId: string) => {
    select(sellerId);
    if (sellerIdInUrl) {
      // Same screen, other seller: /sellers/a/stores -> /sellers/b/stores.
      const prefix = `/sellers/${encodeURIComponent(sellerIdInUrl)}`;
      const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '/profile';
      void navigate(`/sellers/${encodeURIComponent(sellerId)}${rest || '/profile'}`);
    }
  };

  return (
    <NativeSelect
      aria-label="Current seller"
      size="xs"
      w={{ base: 120, sm: 200 }}
      value={current?.seller.id ?? ''}
      onChange={(event) => change(event.currentTarget.value)}
      data={access.sellers.map((entry) => ({ value: entry.seller.id, label: entry.seller.name }))}
    />
  );
}
