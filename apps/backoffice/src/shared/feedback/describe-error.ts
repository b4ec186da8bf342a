import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/**
 * A sentence a back-office user can act on, from whatever an Apollo operation,
 * a route loader or a lazy import threw. Never a stack trace.
 */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const messages = error.errors.map((e) => e.message).filter(Boolean);
    return messages.length > 0 ? messages.join(' ') : 'The API rejected the request.';
  }
  if (ServerError.is(error)) {
    if (error.statusCode >= 500)
      return `The API is unavailable (HTTP ${error.statusCode}). Try again in a moment.`;
    return `The API refused the request (HTTP ${error.statusCode}).`;
  }
  if (ServerParseError.is(error)) return 'The API sent a response that could not be read.';
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return 'Cannot reach the API. Check your connection and try again.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
