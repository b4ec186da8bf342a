/** The address form's fields: payload errors naming one show beside it. */
export const ADDRESS_FIELDS = [
  'label',
  'recipient',
  'line1',
  'line2',
  'postalCode',
  'city',
  'region',
  'country',
  'phone',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
