// Limits on what one GraphQL document may ask for, so a single request cannot
// exhaust the server. Values are documented in docs/graphql.md; raise them
// only with a benchmark that shows the cost.
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

export const LIMITS = {
  /** Nesting of selections: product > offers > seller > stores > ... */
  maxDepth: 12,
  /** Objects cost 2, scalars 1, multiplied by 1.5 per level of depth. */
  maxCost: 8_000,
  maxAliases: 15,
  maxDirectives: 50,
  /** Lexical tokens in a document, checked by the parser before validation. */
  maxTokens: 5_000,
} as const;

/** How the cost rule weighs a document (exported for tests that measure one). */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

// Report a breach as a validation error (HTTP 400); thrown, it would be a 500.
const report = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.maxDepth, ignoreIntrospection: true, ...report }),
  costLimitRule({
    maxCost: LIMITS.maxCost,
    ...COST_WEIGHTS,
    ignoreIntrospection: true,
    ...report,
  }),
  maxAliasesRule({ n: LIMITS.maxAliases, ...report }),
  maxDirectivesRule({ n: LIMITS.maxDirectives, ...report }),
] as ValidationRule[];
