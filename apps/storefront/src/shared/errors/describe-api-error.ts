import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { ErrorLike } from '@apollo/client';

/**
 * One short, shopper-readable sentence about why a request to the API failed.
 * Never the raw message: it may carry internals, and it is not written for shoppers.
 */
export function describeApiError(error: ErrorLike | undefined): string | undefined {
  if (!error) return undefined;
  if (ServerError.is(error)) {
    return error.statusCode >= 500
      ? `The shop's server had a problem (HTTP ${error.statusCode}).`
      : `The shop's server refused the request (HTTP ${error.statusCode}).`;
  }
  if (ServerParseError.is(error)) return "The shop's server sent an answer we could not read.";
  if (CombinedGraphQLErrors.is(error)) return "The shop's server could not complete the request.";
  return 'The shop could not be reached. Check your connection.';
}
