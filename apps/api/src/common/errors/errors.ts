// Unexpected or access failures are thrown as GraphQL errors with a code in
// extensions; expected business failures are returned as payload errors
// (payload.ts), never thrown.
import { GraphQLError } from 'graphql';

export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export class UnauthenticatedError extends ApiError {
  constructor() {
    super('UNAUTHENTICATED', 'Sign in to do this.');
  }
}

export class ForbiddenError extends ApiError {
  constructor() {
    super('FORBIDDEN', 'You do not have permission to do this.');
  }
}

export class BadInputError extends ApiError {
  constructor(message: string, fields: { field: string; message: string }[] = []) {
    super('BAD_USER_INPUT', message, { fields });
  }
}
