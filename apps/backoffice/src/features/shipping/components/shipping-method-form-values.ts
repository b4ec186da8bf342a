import type {
  ShippingMethodForm_MethodFragment,
  ShippingMethodInput,
  ShippingMethodKind,
} from '../../../generated/graphql';
import { fromMinorUnits, isKnownCurrency, toMinorUnits } from '../../offers/money';

/** The form's values: amounts as typed ("4.90"), the API wants minor units. */
export interface ShippingMethodFormValues {
  name: string;
  kind: ShippingMethodKind;
  currency: string;
  flatFee: string;
  perKgFee: string;
  /** Empty: never free. */
  freeOver: string;
  /** Comma- or space-separated codes, as typed. */
  countries: string;
  minDays: string;
  maxDays: string;
  active: boolean;
  position: string;
}

export function toFormValues(
  method: ShippingMethodForm_MethodFragment | null,
  defaultCurrency: string,
): ShippingMethodFormValues {
  const currency = method?.currency ?? defaultCurrency;
  return {
    name: method?.name ?? '',
    kind: method?.kind ?? 'FLAT',
    currency,
    flatFee: method ? fromMinorUnits(method.flatFee.amount, currency) : '',
    perKgFee: method ? fromMinorUnits(method.perKgFee.amount, currency) : '',
    freeOver: method?.freeOver ? fromMinorUnits(method.freeOver.amount, currency) : '',
    countries: method ? method.countries.join(', ') : '',
    minDays: method ? String(method.minDays) : '1',
    maxDays: method ? String(method.maxDays) : '3',
    active: method?.active ?? true,
    position: method ? String(method.position) : '0',
  };
}

function countryCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

function wholeNumber(text: string): number | null {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Client-side checks; the API checks the same and more. */
export function validateShippingMethod(values: ShippingMethodFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors['name'] = 'Required.';
  if (!isKnownCurrency(values.currency)) errors['currency'] = 'A three-letter ISO 4217 code.';
  const currency = isKnownCurrency(values.currency) ? values.currency : 'EUR';
  const flat = toMinorUnits(values.flatFee, currency, { unit: 'fee' });
  if (!flat.ok) errors['flatFee'] = flat.message;
  if (values.kind === 'BY_WEIGHT') {
    const perKg = toMinorUnits(values.perKgFee, currency, { unit: 'fee' });
    if (!perKg.ok) errors['perKgFee'] = perKg.message;
  }
  if (values.freeOver.trim()) {
    const freeOver = toMinorUnits(values.freeOver, currency, { unit: 'amount' });
    if (!freeOver.ok) errors['freeOver'] = freeOver.message;
  }
  const wrong = countryCodes(values.countries).filter((code) => !/^[A-Z]{2}$/.test(code));
  if (wrong.length > 0) errors['countries'] = `Not two-letter country codes: ${wrong.join(', ')}.`;
  const min = wholeNumber(values.minDays);
  const max = wholeNumber(values.maxDays);
  if (min === null) errors['minDays'] = 'Whole days, 0 or more.';
  if (max === null) errors['maxDays'] = 'Whole days, 0 or more.';
  else if (min !== null && max < min) errors['maxDays'] = 'At least the fewest days.';
  if (!/^-?\d{1,6}$/.test(values.position.trim())) errors['position'] = 'A whole number.';
  return errors;
}

/** Call after validateShippingMethod passed. */
export function toShippingMethodInput(values: ShippingMethodFormValues): ShippingMethodInput {
  const currency = values.currency.trim().toUpperCase();
  const amount = (text: string) => {
    const parsed = toMinorUnits(text, currency);
    return parsed.ok ? parsed.value : 0;
  };
  return {
    name: values.name.trim(),
    kind: values.kind,
    currency,
    flatFee: amount(values.flatFee),
    perKgFee: values.kind === 'BY_WEIGHT' ? amount(values.perKgFee) : 0,
    freeOver: values.freeOver.trim() ? amount(values.freeOver) : null,
    countries: [...new Set(countryCodes(values.countries))],
    minDays: Number(values.minDays.trim()),
    maxDays: Number(values.maxDays.trim()),
    active: values.active,
    position: Number(values.position.trim()),
  };
}
