// Every document the storefront and the back-office send must pass the
// server's validation (the spec's rules plus depth, cost, alias and directive
// limits): a document over a limit works in mocked front-end tests and fails
// for real users. This runs each operation, with the fragments it spreads,
// through the same rules as the server, against the schema the server builds.
import { type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationCosts, spaOperations, type SpaApp } from '../../../test/spa-documents.js';
import { buildApiSchema } from '../../schema.js';
import { LIMITS } from './limits.js';
import { apiValidationRules } from './validation-rules.js';

const rules = [...specifiedRules, ...apiValidationRules];

describe('documents of the single-page apps', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  /** Messages of the server's validation for a document, as the server parses it. */
  const errorsOf = (source: string) =>
    validate(schema, parse(source, { maxTokens: LIMITS.maxTokens }), rules).map(
      (error) => error.message,
    );

  it.each<SpaApp>(['storefront', 'backoffice'])(
    'every operation of the %s passes the server’s validation and limits',
    (app) => {
      const operations = spaOperations(app);
      expect(operations.length).toBeGreaterThan(10);
      const refused: Record<string, string[]> = {};
      for (const operation of operations) {
        const errors = errorsOf(operation.source);
        if (errors.length > 0) refused[`${operation.name} (${operation.file})`] = errors;
      }
      expect(refused).toEqual({});
    },
  );

  it('the category tree and picker stay well under the cost limit', () => {
    for (const name of ['CategoryTree', 'ProductCategoryOptions']) {
      const operation = spaOperations('backoffice').find((o) => o.name === name);
      expect(operation, name).toBeDefined();
      const [cost] = operationCosts(schema, operation!.document);
      expect(cost, name).toBeLessThan(LIMITS.maxCost * 0.75);
    }
  });

  it('would catch a document over the cost limit (the old nested category tree)', () => {
    const level = (n: number): string =>
      n === 0 ? 'id slug name position' : `id slug name position children { ${level(n - 1)} }`;
    expect(
      errorsOf(`query OldTree { categories(first: 100) { edges { node { ${level(4)} } } } }`),
    ).toEqual([expect.stringMatching(/Query Cost limit of 8000 exceeded/)]);
  });
});
