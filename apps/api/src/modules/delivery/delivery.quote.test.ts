import { describe, expect, it } from 'vitest';
import {
  type ApplicableTaxRate,
  type QuotableMethod,
  quoteDelivery,
  taxFor,
} from './delivery.quote.js';

const flat: QuotableMethod = {
  kind: 'FLAT',
  flatFee: 490,
  perKgFee: 0,
  freeOver: 5000,
  countries: [],
};
const byWeight: QuotableMethod = {
  kind: 'BY_WEIGHT',
  flatFee: 300,
  perKgFee: 150,
  freeOver: null,
  countries: ['FR', 'BE'],
};
const parcel = { subtotal: 1000, weightGrams: 0, country: 'FR' };

describe('quoteDelivery', () => {
  it('charges the flat fee below the threshold and nothing from exactly the threshold', () => {
    expect(quoteDelivery(flat, { ...parcel, subtotal: 4999 })).toBe(490);
    expect(quoteDelivery(flat, { ...parcel, subtotal: 5000 })).toBe(0);
    expect(quoteDelivery(flat, { ...parcel, subtotal: 5001 })).toBe(0);
    expect(quoteDelivery({ ...flat, freeOver: 0 }, { ...parcel, subtotal: 0 })).toBe(0);
  });

  it('adds the per-kg fee per started kilogram', () => {
    expect(quoteDelivery(byWeight, { ...parcel, weightGrams: 0 })).toBe(300);
    expect(quoteDelivery(byWeight, { ...parcel, weightGrams: 1 })).toBe(450);
    expect(quoteDelivery(byWeight, { ...parcel, weightGrams: 1000 })).toBe(450);
    expect(quoteDelivery(byWeight, { ...parcel, weightGrams: 1001 })).toBe(600);
    expect(quoteDelivery(byWeight, { ...parcel, weightGrams: 25_000 })).toBe(300 + 25 * 150);
  });

  it('is null for a country the method does not serve; empty countries ship everywhere', () => {
    expect(quoteDelivery(byWeight, { ...parcel, country: 'DE' })).toBeNull();
    expect(quoteDelivery(byWeight, { ...parcel, country: 'be' })).toBe(300);
    expect(quoteDelivery(flat, { ...parcel, country: 'JP' })).toBe(490);
  });

  it('refuses fractional or negative quantities', () => {
    expect(() => quoteDelivery(flat, { ...parcel, subtotal: -1 })).toThrow(RangeError);
    expect(() => quoteDelivery(flat, { ...parcel, weightGrams: 1.5 })).toThrow(RangeError);
  });
});

describe('taxFor', () => {
  const leaf = 'cat-leaf';
  const parent = 'cat-parent';
  const rates: ApplicableTaxRate[] = [
    { id: 'any-country', categoryId: null, country: 'US', region: null, rateBp: 500 },
    { id: 'any-region', categoryId: null, country: 'US', region: 'CA', rateBp: 725 },
    { id: 'cat-country', categoryId: parent, country: 'US', region: null, rateBp: 300 },
    { id: 'cat-region', categoryId: parent, country: 'US', region: 'NY', rateBp: 0 },
    { id: 'leaf-country', categoryId: leaf, country: 'FR', region: null, rateBp: 550 },
    { id: 'parent-fr', categoryId: parent, country: 'FR', region: null, rateBp: 2000 },
    { id: 'fr', categoryId: null, country: 'FR', region: null, rateBp: 2000 },
  ];
  const query = { categoryIds: [leaf, parent], amount: 10_000 };
  const pick = (country: string, region: string | null) =>
    taxFor(rates, { ...query, country, region });

  it('takes the most specific rate', () => {
    expect(pick('US', 'NY')).toMatchObject({ rate: { id: 'cat-region' }, tax: 0 });
    expect(pick('US', 'CA')).toMatchObject({ rate: { id: 'cat-country' }, tax: 300 });
    expect(
      taxFor(rates, { categoryIds: ['other'], country: 'US', region: 'CA', amount: 10_000 }),
    ).toMatchObject({ rate: { id: 'any-region' }, tax: 725 });
    expect(
      taxFor(rates, { categoryIds: [], country: 'US', region: 'TX', amount: 10_000 }),
    ).toMatchObject({ rate: { id: 'any-country' }, tax: 500 });
    // The nearest category wins within a tier.
    expect(pick('FR', null)).toMatchObject({ rate: { id: 'leaf-country' }, rateBp: 550 });
  });

  it('is 0 where no rate applies', () => {
    expect(pick('DE', null)).toEqual({ rate: null, rateBp: 0, tax: 0 });
  });

  it('rounds half-up to a whole minor unit', () => {
    const one = (rateBp: number, amount: number) =>
      taxFor([{ categoryId: null, country: 'FR', region: null, rateBp }], {
        categoryIds: [],
        country: 'FR',
        amount,
      }).tax;
    expect(one(2000, 999)).toBe(200); // 199.8
    expect(one(500, 10)).toBe(1); // 0.5 rounds up
    expect(one(500, 9)).toBe(0); // 0.45
    expect(one(725, 1000)).toBe(73); // 72.5
    expect(one(10_000, 1_000_000_000)).toBe(1_000_000_000);
    expect(one(2000, 0)).toBe(0);
    expect(() => one(2000, -5)).toThrow(RangeError);
  });
});
