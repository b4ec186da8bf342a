import { useSyncExternalStore } from 'react';
import { localeStore, type Locale } from './locale';

/**
 * A feature's interface text in every language the shop speaks. The English catalog
 * defines the keys; the others must have exactly the same ones (a missing or extra
 * key fails typecheck). Entries are strings or functions of the values they show.
 */
export type MessageCatalog<M> = Record<Locale, M>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- message functions take any values
type MessageShape = Record<string, string | ((...args: any[]) => string)>;

export function defineMessages<M extends MessageShape>(catalog: MessageCatalog<M>) {
  return catalog;
}

/** The current language; re-renders when the shopper switches it. */
export function useLocale(): Locale {
  return useSyncExternalStore(localeStore.subscribe, localeStore.get, localeStore.get);
}

/** The catalog's messages in the current language. */
export function useMessages<M extends MessageShape>(catalog: MessageCatalog<M>): M {
  return catalog[useLocale()];
}
