// Error codes of the offer and price mutations, as in the catalog contract.

export const OfferCreateCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VARIANT_INVALID: 'VARIANT_INVALID',
  OFFER_EXISTS: 'OFFER_EXISTS',
  PRICE_INVALID: 'PRICE_INVALID',
  CURRENCY_INVALID: 'CURRENCY_INVALID',
  COMPARE_AT_INVALID: 'COMPARE_AT_INVALID',
  HANDLING_INVALID: 'HANDLING_INVALID',
  THRESHOLD_INVALID: 'THRESHOLD_INVALID',
  LOCATION_INVALID: 'LOCATION_INVALID',
  QUANTITY_INVALID: 'QUANTITY_INVALID',
} as const;
export type OfferCreateCode = keyof typeof OfferCreateCodes;

export const OfferUpdateCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  PRICE_INVALID: 'PRICE_INVALID',
  COMPARE_AT_INVALID: 'COMPARE_AT_INVALID',
  HANDLING_INVALID: 'HANDLING_INVALID',
  THRESHOLD_INVALID: 'THRESHOLD_INVALID',
  BACKORDERS_RESERVED: 'BACKORDERS_RESERVED',
} as const;
export type OfferUpdateCode = keyof typeof OfferUpdateCodes;

export const OfferPricesBulkUpdateCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  TOO_MANY: 'TOO_MANY',
  PRICE_INVALID: 'PRICE_INVALID',
} as const;
export type OfferPricesBulkUpdateCode = keyof typeof OfferPricesBulkUpdateCodes;

export const PriceScheduleCreateCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  PRICE_INVALID: 'PRICE_INVALID',
  COMPARE_AT_INVALID: 'COMPARE_AT_INVALID',
  WINDOW_INVALID: 'WINDOW_INVALID',
} as const;
export type PriceScheduleCreateCode = keyof typeof PriceScheduleCreateCodes;

export const PriceScheduleCancelCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_ENDED: 'ALREADY_ENDED',
} as const;
export type PriceScheduleCancelCode = keyof typeof PriceScheduleCancelCodes;
