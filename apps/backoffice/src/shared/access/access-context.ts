import { createContext } from 'react';

import type { Access } from './access';

export interface AccessContextValue {
  access: Access;
  /** The seller chosen last in the switcher, for the navbar outside seller pages. */
  preferredSellerId: string | null;
  setPreferredSellerId: (sellerId: string) => void;
}

export const AccessContext = createContext<AccessContextValue | null>(null);
