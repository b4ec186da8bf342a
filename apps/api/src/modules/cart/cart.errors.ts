// Error codes of the cart mutations.

export const CartLinesAddCodes = {
  QUANTITY_INVALID: 'QUANTITY_INVALID',
  TOO_MANY: 'TOO_MANY',
  OFFER_UNAVAILABLE: 'OFFER_UNAVAILABLE',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
} as const;
export type CartLinesAddCode = keyof typeof CartLinesAddCodes;

export const CartLinesUpdateCodes = {
  NOT_FOUND: 'NOT_FOUND',
  QUANTITY_INVALID: 'QUANTITY_INVALID',
  TOO_MANY: 'TOO_MANY',
  OFFER_UNAVAILABLE: 'OFFER_UNAVAILABLE',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
} as const;
export type CartLinesUpdateCode = keyof typeof CartLinesUpdateCodes;

export const CartLinesRemoveCodes = {
  NOT_FOUND: 'NOT_FOUND',
  TOO_MANY: 'TOO_MANY',
} as const;
export type CartLinesRemoveCode = keyof typeof CartLinesRemoveCodes;

export const CartPricesAcknowledgeCodes = {
  NOT_FOUND: 'NOT_FOUND',
} as const;
export type CartPricesAcknowledgeCode = keyof typeof CartPricesAcknowledgeCodes;

export const CartLineWarningCode = {
  PRICE_CHANGED: 'PRICE_CHANGED',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  QUANTITY_REDUCED_AVAILABLE: 'QUANTITY_REDUCED_AVAILABLE',
  OFFER_WITHDRAWN: 'OFFER_WITHDRAWN',
} as const;
export type CartLineWarningCode = (typeof CartLineWarningCode)[keyof typeof CartLineWarningCode];
