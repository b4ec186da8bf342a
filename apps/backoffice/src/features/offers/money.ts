/**
 * Prices as people type them ("12.50") and as the API stores them (integer
 * minor units plus an ISO 4217 code, DESIGN.md convention 6). Conversion works
 * on the digits of the text, never through floating-point arithmetic, so
 * "0.29" is 29 cents and not 28.999….
 */

/** GraphQL `Int` is 32-bit; the API refuses larger amounts anyway. */
const MAX_INT = 2_147_483_647;

/** Decimal digits of a currency's minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: currency.trim().toUpperCase(),
    }).resolvedOptions().maximumFractionDigits;
    return digits ?? 2;
  } catch {
    return 2;
  }
}

/** Whether the browser knows this ISO 4217 code. */
export function isKnownCurrency(currency: string): boolean {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = supportedCurrencies();
  return supported.length === 0 || supported.includes(code);
}

const FALLBACK_CURRENCIES = ['AUD', 'CAD', 'CHF', 'CNY', 'EUR', 'GBP', 'HKD', 'JPY', 'USD'];

/** ISO 4217 codes the browser can format (a short list where Intl cannot say). */
export function supportedCurrencies(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf ? intl.supportedValuesOf('currency') : FALLBACK_CURRENCIES;
  } catch {
    return FALLBACK_CURRENCIES;
  }
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/**
 * A decimal number typed by a person, as an integer scaled by 10^digits:
 * parseScaled("12.5", 2) = 1250, parseScaled("500", 0) = 500. A comma works as
 * the decimal separator too; more decimals than `digits` are refused, not
 * rounded.
 */
export function parseScaled(
  text: string,
  digits: number,
  { allowNegative = false, unit = 'amount' }: { allowNegative?: boolean; unit?: string } = {},
): Parsed {
  const value = text.trim().replace(/\s+/g, '');
  const match = /^([+-])?(\d+)?(?:[.,](\d*))?$/.exec(value);
  if (!value || !match || (match[2] === undefined && !match[3])) {
    return { ok: false, message: `Enter the ${unit} as a number, e.g. ${example(digits)}.` };
  }
  const [, sign, whole = '0', fraction = ''] = match;
  if (sign === '-' && !allowNegative) {
    return { ok: false, message: `The ${unit} cannot be negative.` };
  }
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `This ${unit} takes whole numbers only.`
          : `Use at most ${digits} decimal${digits === 1 ? '' : 's'}.`,
    };
  }
  const digitsText = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const magnitude = Number(digitsText);
  if (!Number.isSafeInteger(magnitude) || magnitude > MAX_INT) {
    return { ok: false, message: `This ${unit} is too large.` };
  }
  return { ok: true, value: sign === '-' && magnitude !== 0 ? -magnitude : magnitude };
}

function example(digits: number): string {
  return digits === 0 ? '500' : `12.${'5'.padEnd(digits, '0')}`;
}

/** "12.50" in `currency` as minor units (1250); "500" JPY as 500. */
export function toMinorUnits(
  text: string,
  currency: string,
  options: { allowNegative?: boolean; unit?: string } = {},
): Parsed {
  return parseScaled(text, currencyDigits(currency), { unit: 'price', ...options });
}

/** Minor units back to the text an input shows: 1250 USD -> "12.50", 500 JPY -> "500". */
export function fromMinorUnits(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = amount < 0;
  const text = String(Math.abs(Math.trunc(amount))).padStart(digits + 1, '0');
  const major = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${major}` : major;
}

/** A percentage typed by a person ("10", "-2.5") in basis points (1000, -250). */
export function percentToBasisPoints(text: string): Parsed {
  return parseScaled(text.replace(/%$/, ''), 2, { allowNegative: true, unit: 'percentage' });
}

/** Minor units formatted for display, e.g. "$12.50" (the API's `formatted` where it has one). */
export function formatMinor(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
      Number(fromMinorUnits(amount, currency)),
    );
  } catch {
    return `${fromMinorUnits(amount, currency)} ${currency}`;
  }
}
