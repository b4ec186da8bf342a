// Error codes of the wallet mutations.

export const WalletTopUpCodes = {
  AMOUNT_INVALID: 'AMOUNT_INVALID',
  CURRENCY_INVALID: 'CURRENCY_INVALID',
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  STRIPE_NOT_CONFIGURED: 'STRIPE_NOT_CONFIGURED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
} as const;
export type WalletTopUpCode = keyof typeof WalletTopUpCodes;

export const WalletWithdrawalRequestCodes = {
  AMOUNT_INVALID: 'AMOUNT_INVALID',
  CURRENCY_INVALID: 'CURRENCY_INVALID',
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
} as const;
export type WalletWithdrawalRequestCode = keyof typeof WalletWithdrawalRequestCodes;

export const WalletCreditCodes = {
  NOT_FOUND: 'NOT_FOUND',
  AMOUNT_INVALID: 'AMOUNT_INVALID',
  CURRENCY_INVALID: 'CURRENCY_INVALID',
  REASON_REQUIRED: 'REASON_REQUIRED',
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;
export type WalletCreditCode = keyof typeof WalletCreditCodes;

export const WithdrawalDecideCodes = {
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_DECIDED: 'ALREADY_DECIDED',
  NOTE_TOO_LONG: 'NOTE_TOO_LONG',
} as const;
export type WithdrawalDecideCode = keyof typeof WithdrawalDecideCodes;
