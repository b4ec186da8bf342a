import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function fieldsOf(issues: ValidationIssue[], prefix = ''): { field: string; message: string }[] {
  return issues.flatMap((issue) => {
    const field = prefix ? `${prefix}.${issue.property}` : issue.property;
    const own = Object.values(issue.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldsOf(issue.children ?? [], field)];
  });
}

/**
 * Shape-validation failures become BAD_USER_INPUT with the fields at fault;
 * unexpected errors are logged and, in production, masked.
 */
export function createErrorFormatter(log: FastifyBaseLogger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      return {
        message: 'Some input is not valid.',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: fieldsOf(original.extensions.validationErrors as ValidationIssue[]),
        },
      };
    }
    if (formatted.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR') return formatted;
    log.error({ err: original }, 'unexpected GraphQL error');
    if (!production) return formatted;
    return {
      message: 'Something went wrong on our side.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
