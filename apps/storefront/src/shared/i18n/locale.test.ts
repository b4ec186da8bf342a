import { describe, expect, it, vi } from 'vitest';
import { createLocaleStore, LOCALE_STORAGE_KEY, localeFromLanguages } from './locale';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    values,
  };
}

describe('the shopper locale', () => {
  it("defaults to the browser's first language the shop speaks", () => {
    expect(localeFromLanguages(['zh-CN', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['zh'])).toBe('zh-CN');
    expect(localeFromLanguages(['zh-Hans-SG'])).toBe('zh-CN');
    expect(localeFromLanguages(['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(localeFromLanguages(['en-GB', 'zh-CN'])).toBe('en');
    // Traditional script: simplified Chinese would be a guess, English is the default.
    expect(localeFromLanguages(['zh-TW'])).toBe('en');
    expect(localeFromLanguages(['zh-Hant-HK', 'zh-CN'])).toBe('zh-CN');
    expect(localeFromLanguages(['de', 'fr'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('remembers a choice over the browser languages, sets <html lang> and tells subscribers', () => {
    const storage = memoryStorage();
    const setDocumentLanguage = vi.fn();
    const store = createLocaleStore({ storage, languages: () => ['en-US'], setDocumentLanguage });
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.get()).toBe('en');

    store.set('zh-CN');
    expect(store.get()).toBe('zh-CN');
    expect(storage.values.get(LOCALE_STORAGE_KEY)).toBe('zh-CN');
    expect(setDocumentLanguage).toHaveBeenCalledWith('zh-CN');
    expect(listener).toHaveBeenCalledTimes(1);

    // A later visit reads the stored choice.
    const again = createLocaleStore({ storage, languages: () => ['en-US'] });
    expect(again.get()).toBe('zh-CN');
  });

  it('ignores a stored value it does not know, and keeps working without storage', () => {
    const junk = createLocaleStore({
      storage: memoryStorage({ [LOCALE_STORAGE_KEY]: 'klingon' }),
      languages: () => ['zh-CN'],
    });
    expect(junk.get()).toBe('zh-CN');

    const broken = createLocaleStore({
      storage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
      languages: () => ['en'],
    });
    broken.set('zh-CN');
    expect(broken.get()).toBe('zh-CN');
  });
});
