import type { StoreForm_StoreFragment, StoreInput } from '../../../generated/graphql';
import type { Hours } from './weekdays';

/** The store form's values: text inputs hold strings, the API wants numbers and nulls. */
export interface StoreFormValues {
  name: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  latitude: string;
  longitude: string;
  openingHours: Hours[];
}

export function toFormValues(store: StoreForm_StoreFragment | null): StoreFormValues {
  return {
    name: store?.name ?? '',
    line1: store?.line1 ?? '',
    line2: store?.line2 ?? '',
    postalCode: store?.postalCode ?? '',
    city: store?.city ?? '',
    region: store?.region ?? '',
    country: store?.country ?? '',
    latitude: store?.latitude == null ? '' : String(store.latitude),
    longitude: store?.longitude == null ? '' : String(store.longitude),
    openingHours: (store?.openingHours ?? []).map(({ day, opens, closes }) => ({
      day,
      opens,
      closes,
    })),
  };
}

function coordinate(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

export function toStoreInput(values: StoreFormValues): StoreInput {
  const optional = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    line1: values.line1.trim(),
    line2: optional(values.line2),
    postalCode: values.postalCode.trim(),
    city: values.city.trim(),
    region: optional(values.region),
    country: values.country.trim().toUpperCase(),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    openingHours: [...values.openingHours].sort(
      (a, b) => a.day - b.day || a.opens.localeCompare(b.opens),
    ),
  };
}

/** Client-side checks; the API checks the same and more. */
export function validateStore(values: StoreFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = ['name', 'line1', 'postalCode', 'city'] as const;
  for (const field of required) if (!values[field].trim()) errors[field] = 'Required.';
  if (!/^[A-Za-z]{2}$/.test(values.country.trim()))
    errors['country'] = 'Two letters (ISO 3166-1), e.g. PT.';
  const lat = coordinate(values.latitude);
  const lng = coordinate(values.longitude);
  if ((lat === null) !== (lng === null)) {
    errors[lat === null ? 'latitude' : 'longitude'] = 'Give both coordinates, or neither.';
  }
  if (lat !== null && !(Number.isFinite(lat) && lat >= -90 && lat <= 90))
    errors['latitude'] = 'Between -90 and 90.';
  if (lng !== null && !(Number.isFinite(lng) && lng >= -180 && lng <= 180))
    errors['longitude'] = 'Between -180 and 180.';
  values.openingHours.forEach((h, i) => {
    if (!/^\d{2}:\d{2}$/.test(h.opens)) errors[`openingHours.${i}.opens`] = 'HH:MM';
    if (!/^\d{2}:\d{2}$/.test(h.closes)) errors[`openingHours.${i}.closes`] = 'HH:MM';
    else if (h.closes === h.opens) errors[`openingHours.${i}.closes`] = 'Not the opening time.';
  });
  return errors;
}
