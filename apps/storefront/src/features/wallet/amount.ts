/** Digits after the decimal point in a currency's minor unit (JPY 0, USD 2, BHD 3). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * "12.5" typed by the shopper as minor units (1250 for USD), without floating point;
 * null when it is not a positive amount with at most the currency's digits.
 */
export function parseAmount(text: string, currency: string): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d+)?$/.test(value)) return null;
  const digits = currencyDigits(currency);
  const [whole = '0', fraction = ''] = value.split('.');
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor > 0 && Number.isSafeInteger(minor) ? minor : null;
}
