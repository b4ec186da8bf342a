import { Field, Int, ObjectType } from 'type-graphql';
import type { Locale } from '../i18n/locale.js';

/** ISO 4217 codes accepted for prices (Intl knows their minor units). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point: 2 for USD, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // Building a NumberFormat costs far more than formatting with one: once per currency.
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(amount / 10 ** minorUnitDigits(currency));
}

/** An amount in minor units of an ISO 4217 currency. Never a float. */
@ObjectType()
export class Money {
  @Field(() => Int, { description: 'Minor units (cents).' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;

  @Field(() => String, { description: 'Formatted for the request\'s locale, e.g. "$12.50".' })
  formatted!: string;
}

export function money(amount: number, currency: string, locale: Locale): Money {
  return { amount, currency, formatted: formatMoney(amount, currency, locale) };
}

/** A valid price: a whole number of minor units, 0 to 1e9 (ten million dollars). */
export function isPriceAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= 1_000_000_000;
}
