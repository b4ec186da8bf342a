import { use } from 'react';
import { useMatch } from 'react-router';

import type { Access, SellerAccessInfo } from './access';
import { AccessContext, type AccessContextValue } from './access-context';

function useAccessContext(): AccessContextValue {
  const value = use(AccessContext);
  if (!value) throw new Error('useAccess needs an <AccessProvider> (the signed-in shell).');
  return value;
}

export function useAccess(): Access {
  return useAccessContext().access;
}

/** The seller id in the URL (/sellers/:sellerId/...), when on a seller page. */
export function useSellerIdFromUrl(): string | null {
  return useMatch('/sellers/:sellerId/*')?.params.sellerId ?? null;
}

/**
 * The seller the back-office works on: the one in the URL on seller pages,
 * otherwise the last one chosen in the switcher, otherwise the first.
 */
export function useCurrentSeller(): {
  current: SellerAccessInfo | null;
  select: (sellerId: string) => void;
} {
  const { access, preferredSellerId, setPreferredSellerId } = useAccessContext();
  const fromUrl = useSellerIdFromUrl();
  const current =
    access.seller(fromUrl) ?? access.seller(preferredSellerId) ?? access.sellers[0] ?? null;
  return { current, select: setPreferredSellerId };
}
