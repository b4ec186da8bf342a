import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

/** Locales text is stored in. Keys are the GraphQL enum values; values the stored keys. */
export const Locale = { EN: 'en', ZH_CN: 'zh-CN' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];
registerEnumType(Locale, { name: 'Locale' });

export const DEFAULT_LOCALE: Locale = Locale.EN;
export const LOCALES: readonly Locale[] = Object.values(Locale);

/** Text per locale as stored in JSONB columns: { "en": "...", "zh-CN": "..." }. */
export type LocalizedText = Partial<Record<Locale, string>>;

@ObjectType()
export class Translation {
  @Field(() => Locale)
  locale!: Locale;

  @Field(() => String)
  value!: string;
}

@InputType()
export class TranslationInput {
  @Field(() => Locale)
  locale!: Locale;

  @Field(() => String)
  value!: string;
}

/**
 * The request's locale from Accept-Language: the first supported language by
 * quality ("zh", "zh-CN", "zh-Hans" pick zh-CN); en otherwise.
 */
export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return Locale.ZH_CN;
    if (tag === 'en' || tag.startsWith('en-')) return Locale.EN;
  }
  return DEFAULT_LOCALE;
}

/** The text in `locale`, falling back to the default locale, then to any. */
export function pickText(text: unknown, locale: Locale): string | null {
  const map = (text ?? {}) as LocalizedText;
  return map[locale] || map[DEFAULT_LOCALE] || Object.values(map).find(Boolean) || null;
}

export function translationsOf(text: unknown): Translation[] {
  const map = (text ?? {}) as LocalizedText;
  return LOCALES.filter((locale) => map[locale]).map((locale) => ({
    locale,
    value: map[locale]!,
  }));
}

export type LocalizedTextProblem = 'LOCALE_DUPLICATE' | 'TEXT_TOO_LONG' | 'DEFAULT_MISSING';

/**
 * Trims translations into the stored shape; blank ones are dropped.
 * `requireDefault` asks for non-blank text in the default locale.
 */
export function toLocalizedText(
  inputs: readonly TranslationInput[] | null | undefined,
  { maxLength, requireDefault = false }: { maxLength: number; requireDefault?: boolean },
): { text: LocalizedText } | { problem: LocalizedTextProblem } {
  const text: LocalizedText = {};
  for (const { locale, value } of inputs ?? []) {
    if (locale in text) return { problem: 'LOCALE_DUPLICATE' };
    const trimmed = value.trim();
    if (trimmed.length > maxLength) return { problem: 'TEXT_TOO_LONG' };
    if (trimmed) text[locale] = trimmed;
  }
  if (requireDefault && !text[DEFAULT_LOCALE]) return { problem: 'DEFAULT_MISSING' };
  return { text };
}
