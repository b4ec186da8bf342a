import { createContext, useContext, useEffect } from 'react';

/** The shop's name, provided by the app shell once known; pages append it to their title. */
export const SiteNameContext = createContext<string | undefined>(undefined);

/**
 * Sets the tab title while the calling page is shown: "Page · Shop name", or the
 * page's own title until the shop's name is known. `undefined` leaves it unchanged.
 */
export function useDocumentTitle(page: string | undefined): void {
  const site = useContext(SiteNameContext);
  useEffect(() => {
    if (!page) return;
    document.title = site && site !== page ? `${page} · ${site}` : page;
  }, [page, site]);
}
