import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS, limitRules } from './limits.js';

// A recursive type stands in for the deep graphs (product > offers > seller > ...) later modules add.
const schema = buildSchema(`
  type Category { name: String, parent: Category, children(first: Int): [Category] }
  type Query { category: Category }
`);
const errorsOf = (source: string) =>
  validate(schema, parse(source), limitRules).map((error) => error.message);
const nested = (depth: number) =>
  `{ category ${'{ parent '.repeat(depth - 1)}{ name }${' }'.repeat(depth - 1)} }`;

describe('document limits', () => {
  it(`accept a query ${LIMITS.maxDepth} levels deep and refuse one level more`, () => {
    expect(errorsOf(nested(LIMITS.maxDepth - 1))).toEqual([]);
    expect(errorsOf(nested(LIMITS.maxDepth + 1))).toEqual([
      expect.stringMatching(/Query depth limit of 12 exceeded/),
    ]);
  });

  it(`refuse a query whose cost exceeds ${LIMITS.maxCost}`, () => {
    // Within the depth, alias and token limits, yet too expensive taken together.
    const level = (n: number): string =>
      n === 0 ? 'name' : `name parent { name } children { ${level(n - 1)} }`;
    const aliases = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: category { ${level(9)} }`).join(' ')} }`;
    expect(errorsOf(aliases(2))).toEqual([]);
    expect(errorsOf(aliases(15))).toEqual([
      expect.stringMatching(/Query Cost limit of 8000 exceeded/),
    ]);
  });

  it('accept an everyday query', () => {
    expect(errorsOf('{ category { name children { name } parent { name } } }')).toEqual([]);
  });

  it(`refuse more than ${LIMITS.maxAliases} aliases and ${LIMITS.maxDirectives} directives`, () => {
    expect(
      errorsOf(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: category { name }`).join(' ')} }`),
    ).toEqual([expect.stringMatching(/Aliases limit of 15 exceeded/)]);
    expect(errorsOf(`{ category { name ${'@include(if: true) '.repeat(51)} } }`)).toContainEqual(
      expect.stringMatching(/Directives limit of 50 exceeded/),
    );
  });
});
