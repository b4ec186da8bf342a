import type { Locale } from '../../generated/graphql';

/**
 * Text stored per locale (titles, descriptions, category and attribute
 * names). Forms keep one string per locale; the API takes and returns
 * `[{ locale, value }]` lists. English is the default locale: required where
 * the text is, and the fallback for any other.
 */
export type Localized = Record<Locale, string>;

export const LOCALES: readonly { locale: Locale; label: string; lang: string }[] = [
  { locale: 'EN', label: 'English', lang: 'en' },
  { locale: 'ZH_CN', label: '简体中文', lang: 'zh-CN' },
];

export function emptyLocalized(): Localized {
  return { EN: '', ZH_CN: '' };
}

/** A `*Translations` list from the API, as form values. */
export function fromTranslations(
  list: readonly { locale: Locale; value: string }[] | null | undefined,
): Localized {
  const values = emptyLocalized();
  for (const { locale, value } of list ?? []) values[locale] = value;
  return values;
}

/**
 * Form values as a `[TranslationInput!]` list: the locales with text, English
 * first. Records in `fieldMap` where each input path lands in the form, so the
 * API's errors (`title`, `title.1`, `title.1.value`) reach the right input.
 */
export function toTranslationInputs(
  values: Localized,
  formPath: string,
  fieldMap: Record<string, string>,
  apiPath: string = formPath,
): { locale: Locale; value: string }[] {
  const inputs: { locale: Locale; value: string }[] = [];
  fieldMap[apiPath] = `${formPath}.EN`;
  for (const { locale } of LOCALES) {
    const value = values[locale].trim();
    if (!value) continue;
    const index = inputs.length;
    fieldMap[`${apiPath}.${index}`] = `${formPath}.${locale}`;
    fieldMap[`${apiPath}.${index}.value`] = `${formPath}.${locale}`;
    fieldMap[`${apiPath}.${index}.locale`] = `${formPath}.${locale}`;
    inputs.push({ locale, value });
  }
  return inputs;
}
