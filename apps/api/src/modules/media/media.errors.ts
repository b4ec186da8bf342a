/** Codes the media HTTP endpoints answer with, and their HTTP status. */
export const MEDIA_ERRORS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FILE_REQUIRED: 400,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  IMAGE_INVALID: 400,
  NOT_FOUND: 404,
} as const;

export type MediaErrorCode = keyof typeof MEDIA_ERRORS;

/** An expected refusal: sent as `{ code, message }` with the code's status. */
export class MediaError extends Error {
  readonly code: MediaErrorCode;

  constructor(code: MediaErrorCode, message: string) {
    super(message);
    this.name = 'MediaError';
    this.code = code;
  }

  get status(): number {
    return MEDIA_ERRORS[this.code];
  }
}
