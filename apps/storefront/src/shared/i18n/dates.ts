import type { Locale } from './locale';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** A date and time in the shopper's language ("23 Nov 2026, 14:05"). */
export function formatDateTime(iso: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}
