import { useCallback, useMemo, useState, type ReactNode } from 'react';

import type { Access_ViewerFragment } from '../../generated/graphql';
import { Access } from './access';
import { AccessContext } from './access-context';

const STORAGE_KEY = 'bazaar.backoffice.seller';

function readPreferred(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The signed-in viewer's permissions, for the shell and every page inside it. */
export function AccessProvider({
  viewer,
  children,
}: {
  viewer: Access_ViewerFragment;
  children: ReactNode;
}) {
  const access = useMemo(() => new Access(viewer), [viewer]);
  const [preferredSellerId, setPreferred] = useState<string | null>(readPreferred);
  const setPreferredSellerId = useCallback((sellerId: string) => {
    setPreferred(sellerId);
    try {
      window.localStorage.setItem(STORAGE_KEY, sellerId);
    } catch {
      // Private mode: the choice lasts until reload.
    }
  }, []);
  const value = useMemo(
    () => ({ access, preferredSellerId, setPreferredSellerId }),
    [access, preferredSellerId, setPreferredSellerId],
  );
  return <AccessContext value={value}>{children}</AccessContext>;
}
