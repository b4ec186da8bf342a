import { describe, expect, it } from 'vitest';

import {
  currencyDigits,
  fromMinorUnits,
  parseScaled,
  percentToBasisPoints,
  toMinorUnits,
} from './money';

describe('money input', () => {
  it('converts major units to integer minor units by the currency’s digits', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(toMinorUnits('12.50', 'USD')).toEqual({ ok: true, value: 1250 });
    expect(toMinorUnits('12.5', 'USD')).toEqual({ ok: true, value: 1250 });
    expect(toMinorUnits('0.29', 'USD')).toEqual({ ok: true, value: 29 });
    expect(toMinorUnits('1,05', 'EUR')).toEqual({ ok: true, value: 105 });
    expect(toMinorUnits('500', 'JPY')).toEqual({ ok: true, value: 500 });
    expect(toMinorUnits('1.234', 'KWD')).toEqual({ ok: true, value: 1234 });
  });

  it('refuses what is not a price instead of rounding it', () => {
    expect(toMinorUnits('12.505', 'USD').ok).toBe(false);
    expect(toMinorUnits('500.5', 'JPY').ok).toBe(false);
    expect(toMinorUnits('-1', 'USD').ok).toBe(false);
    expect(toMinorUnits('12a', 'USD').ok).toBe(false);
    expect(toMinorUnits('', 'USD').ok).toBe(false);
    expect(toMinorUnits('99999999999', 'USD').ok).toBe(false);
    expect(toMinorUnits('-2.50', 'USD', { allowNegative: true })).toEqual({
      ok: true,
      value: -250,
    });
  });

  it('shows minor units as the text an input starts with', () => {
    expect(fromMinorUnits(1250, 'USD')).toBe('12.50');
    expect(fromMinorUnits(5, 'USD')).toBe('0.05');
    expect(fromMinorUnits(500, 'JPY')).toBe('500');
    expect(fromMinorUnits(-250, 'USD')).toBe('-2.50');
  });

  it('reads percentages as basis points', () => {
    expect(percentToBasisPoints('10')).toEqual({ ok: true, value: 1000 });
    expect(percentToBasisPoints('-5')).toEqual({ ok: true, value: -500 });
    expect(percentToBasisPoints('12.5%')).toEqual({ ok: true, value: 1250 });
    expect(percentToBasisPoints('0.125').ok).toBe(false);
    expect(parseScaled('7', 0)).toEqual({ ok: true, value: 7 });
  });
});
