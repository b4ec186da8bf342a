import type { TaxRateInput, TaxRateList_RateFragment } from '../../../generated/graphql';
import { fromMinorUnits, percentToBasisPoints } from '../../offers/money';

export interface TaxRateFormValues {
  country: string;
  region: string;
  /** '' = every category. */
  categoryId: string;
  /** Percent as typed ("23", "5.5"). */
  rate: string;
}

export function toFormValues(rate: TaxRateList_RateFragment | null): TaxRateFormValues {
  return {
    country: rate?.country ?? '',
    region: rate?.region ?? '',
    categoryId: rate?.categoryId ?? '',
    rate: rate ? basisPointsToPercent(rate.rateBp) : '',
  };
}

/** 2300 -> "23", 550 -> "5.5". */
export function basisPointsToPercent(bp: number): string {
  return fromMinorUnits(bp, 'EUR').replace(/\.?0+$/, '') || '0';
}

export function validateTaxRate(values: TaxRateFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[A-Za-z]{2}$/.test(values.country.trim()))
    errors['country'] = 'Two letters (ISO 3166-1), e.g. PT.';
  const rate = percentToBasisPoints(values.rate);
  if (!rate.ok) errors['rate'] = rate.message;
  else if (rate.value < 0 || rate.value > 10_000) errors['rate'] = 'Between 0 and 100 %.';
  return errors;
}

export function toTaxRateInput(values: TaxRateFormValues): TaxRateInput {
  const rate = percentToBasisPoints(values.rate);
  return {
    country: values.country.trim().toUpperCase(),
    region: values.region.trim() || null,
    categoryId: values.categoryId || null,
    rateBp: rate.ok ? rate.value : 0,
  };
}
