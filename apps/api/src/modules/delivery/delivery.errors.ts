// Error codes of the delivery mutations.

export const ShippingMethodCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  NAME_REQUIRED: 'NAME_REQUIRED',
  FEE_INVALID: 'FEE_INVALID',
  CURRENCY_INVALID: 'CURRENCY_INVALID',
  COUNTRY_INVALID: 'COUNTRY_INVALID',
  DAYS_INVALID: 'DAYS_INVALID',
} as const;
export type ShippingMethodCode = keyof typeof ShippingMethodCodes;

export const TaxRateCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  COUNTRY_INVALID: 'COUNTRY_INVALID',
  REGION_INVALID: 'REGION_INVALID',
  RATE_INVALID: 'RATE_INVALID',
} as const;
export type TaxRateCode = keyof typeof TaxRateCodes;

/** What a delete can fail on. */
export const DeleteCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
} as const;
