// Error codes of the inventory mutations, as in the catalog contract.

export const StockLocationCreateCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  NAME_REQUIRED: 'NAME_REQUIRED',
  NAME_TAKEN: 'NAME_TAKEN',
} as const;
export type StockLocationCreateCode = keyof typeof StockLocationCreateCodes;

export const StockAdjustCodes = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  LOCATION_INVALID: 'LOCATION_INVALID',
  REASON_INVALID: 'REASON_INVALID',
  QUANTITY_INVALID: 'QUANTITY_INVALID',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
} as const;
export type StockAdjustCode = keyof typeof StockAdjustCodes;
