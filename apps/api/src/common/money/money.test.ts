import { describe, expect, it } from 'vitest';
import { formatMoney, isCurrency, isPriceAmount, minorUnitDigits } from './money.js';

describe('money', () => {
  it('accepts ISO 4217 codes only', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('CNY')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('US')).toBe(false);
  });

  it('formats minor units by the currency and the locale', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(formatMoney(1250, 'USD', 'en')).toBe('$12.50');
    expect(formatMoney(1250, 'JPY', 'en')).toBe('¥1,250');
    expect(formatMoney(99900, 'CNY', 'zh-CN')).toBe('¥999.00');
  });

  it('refuses negative, fractional and absurd prices', () => {
    expect(isPriceAmount(0)).toBe(true);
    expect(isPriceAmount(-1)).toBe(false);
    expect(isPriceAmount(12.5)).toBe(false);
    expect(isPriceAmount(1e12)).toBe(false);
  });
});
