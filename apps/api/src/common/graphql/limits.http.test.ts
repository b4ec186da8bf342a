// The document limits as a client meets them: refused by the real server
// before anything runs, with HTTP 400 and a message naming the limit.
import { describe, expect, it } from 'vitest';
import { startApi } from '../../../test/api.js';
import { LIMITS } from './limits.js';

const nested = (depth: number) =>
  `{ category(slug: "x") ${'{ parent '.repeat(depth - 1)}{ name }${' }'.repeat(depth - 1)} }`;

describe('document limits over HTTP', async () => {
  const api = await startApi();

  it(`answers a query within ${LIMITS.maxDepth} levels and refuses a deeper one with 400`, async () => {
    const within = await api.graphql(nested(LIMITS.maxDepth - 1));
    expect(within.status).toBe(200);
    expect(within.errors).toBeUndefined();
    const deeper = await api.graphql(nested(LIMITS.maxDepth + 1));
    expect(deeper.status).toBe(400);
    expect(deeper.data).toBeUndefined();
    expect(deeper.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(`Query depth limit of ${LIMITS.maxDepth} exceeded`),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
  });

  it(`refuses a query costing more than ${LIMITS.maxCost} with 400, though within depth and aliases`, async () => {
    const level = (n: number): string =>
      n === 0 ? 'name' : `name parent { name } children { ${level(n - 1)} }`;
    const aliased = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: category(slug: "x") { ${level(9)} }`).join(' ')} }`;
    expect((await api.graphql(aliased(1))).status).toBe(200);
    const costly = await api.graphql(aliased(LIMITS.maxAliases));
    expect(costly.status).toBe(400);
    expect(costly.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(`Query Cost limit of ${LIMITS.maxCost} exceeded`),
      }),
    ]);
  });

  it(`refuses more than ${LIMITS.maxAliases} aliases with 400`, async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: shop { name }`);
    const result = await api.graphql(`{ ${aliases.join(' ')} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(`Aliases limit of ${LIMITS.maxAliases} exceeded`);
  });
});
