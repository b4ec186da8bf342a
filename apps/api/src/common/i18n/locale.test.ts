import { describe, expect, it } from 'vitest';
import { localeFromHeader, pickText, toLocalizedText, translationsOf } from './locale.js';

describe('locale', () => {
  it('picks the best supported language from Accept-Language', () => {
    expect(localeFromHeader(undefined)).toBe('en');
    expect(localeFromHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromHeader('fr-FR, zh-Hans;q=0.7, en;q=0.5')).toBe('zh-CN');
    expect(localeFromHeader('en;q=0.4, zh;q=0.8')).toBe('zh-CN');
    expect(localeFromHeader('de, fr;q=0.9')).toBe('en');
    expect(localeFromHeader('zh;q=0')).toBe('en');
  });

  it('falls back to English, then to any stored text', () => {
    expect(pickText({ en: 'Shirt', 'zh-CN': '衬衫' }, 'zh-CN')).toBe('衬衫');
    expect(pickText({ en: 'Shirt' }, 'zh-CN')).toBe('Shirt');
    expect(pickText({ 'zh-CN': '衬衫' }, 'en')).toBe('衬衫');
    expect(pickText({}, 'en')).toBeNull();
    expect(translationsOf({ 'zh-CN': '衬衫', en: 'Shirt' })).toEqual([
      { locale: 'en', value: 'Shirt' },
      { locale: 'zh-CN', value: '衬衫' },
    ]);
  });

  it('cleans input translations and names what is wrong', () => {
    const options = { maxLength: 5, requireDefault: true };
    expect(toLocalizedText([{ locale: 'en', value: ' Hat ' }], options)).toEqual({
      text: { en: 'Hat' },
    });
    expect(toLocalizedText([{ locale: 'zh-CN', value: '帽子' }], options)).toEqual({
      problem: 'DEFAULT_MISSING',
    });
    expect(
      toLocalizedText(
        [
          { locale: 'en', value: 'a' },
          { locale: 'en', value: 'b' },
        ],
        options,
      ),
    ).toEqual({ problem: 'LOCALE_DUPLICATE' });
    expect(toLocalizedText([{ locale: 'en', value: 'toolong' }], options)).toEqual({
      problem: 'TEXT_TOO_LONG',
    });
  });
});
