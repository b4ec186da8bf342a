/** Why searchReindex did not happen. */
export const SearchReindexErrorCode = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
} as const;
export type SearchReindexErrorCode =
  (typeof SearchReindexErrorCode)[keyof typeof SearchReindexErrorCode];
