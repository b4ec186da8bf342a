/**
 * The shopper's language: what the API writes product, category and attribute text
 * in (it reads the `Accept-Language` header of every request, see locale-link.ts)
 * and the page's `<html lang>`. Chosen in the footer and remembered in
 * localStorage; until then, the browser's preferred languages decide.
 */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: ReadonlyArray<{ value: Locale; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
];

export const LOCALE_STORAGE_KEY = 'bazaar.locale';

function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale.value === value);
}

/**
 * The first of the browser's languages that the shop speaks: any English, and
 * Chinese unless written in traditional characters (zh-TW, zh-HK, zh-Hant...).
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) {
      if (/^zh-(hant|tw|hk|mo)\b/.test(lower)) continue;
      return 'zh-CN';
    }
  }
  return 'en';
}

export interface LocaleStore {
  get: () => Locale;
  /** Remembers the choice, sets `<html lang>` and tells the subscribers. */
  set: (locale: Locale) => void;
  subscribe: (listener: () => void) => () => void;
}

export interface LocaleStoreOptions {
  /** Where the choice is kept; null where storage is unavailable (private modes). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The browser's preferred languages, most preferred first. */
  languages: () => readonly string[];
  /** Sets `<html lang>`; a no-op outside a document. */
  setDocumentLanguage?: (locale: Locale) => void;
}

export function createLocaleStore({
  storage,
  languages,
  setDocumentLanguage,
}: LocaleStoreOptions): LocaleStore {
  const listeners = new Set<() => void>();
  // Only used when storage fails: the choice then lasts as long as the page.
  let memory: Locale | null = null;

  const read = (): Locale | null => {
    try {
      const stored = storage?.getItem(LOCALE_STORAGE_KEY);
      if (isLocale(stored)) return stored;
    } catch {
      // Storage disabled: fall through to memory.
    }
    return memory;
  };

  return {
    get: () => read() ?? localeFromLanguages(languages()),
    set: (locale) => {
      memory = locale;
      try {
        storage?.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Quota or privacy mode: the choice lasts until the page is closed.
      }
      setDocumentLanguage?.(locale);
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The app's one store. */
export const localeStore: LocaleStore = createLocaleStore({
  storage: browserStorage(),
  languages: () =>
    navigator.languages.length ? navigator.languages : [navigator.language].filter(Boolean),
  setDocumentLanguage: (locale) => {
    document.documentElement.lang = locale;
  },
});

/** Sets `<html lang>` to the current locale; called once at start. */
export function applyDocumentLanguage(store: LocaleStore = localeStore): void {
  document.documentElement.lang = store.get();
}
