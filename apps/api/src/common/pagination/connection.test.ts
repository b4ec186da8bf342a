import 'reflect-metadata';
import { type ExecutionResult, graphql } from 'graphql';
import { Args, Ctx, Field, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, sqlLog } from '../../../test/api.js';
import {
  ConnectionArgs,
  ConnectionType,
  MAX_PAGE_SIZE,
  connectionFromRows,
  decodeCursor,
  encodeCursor,
} from './connection.js';

@ObjectType()
class Member {
  @Field(() => String)
  email!: string;
}
const MemberConnection = ConnectionType('Member', Member);

type Key = { email: string };
const isKey = (value: unknown): value is Key =>
  typeof value === 'object' && value !== null && typeof (value as Key).email === 'string';

@Resolver()
class MemberResolver {
  @Query(() => MemberConnection)
  async members(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: { prisma: typeof db.prisma },
  ) {
    const after = args.after ? decodeCursor(args.after, isKey) : null;
    const rows = await ctx.prisma.user.findMany({
      where: after ? { email: { gt: after.email } } : {},
      orderBy: { email: 'asc' },
      take: args.first + 1,
    });
    return connectionFromRows(rows, args, {
      cursorOf: (row) => ({ email: row.email }),
      count: () => ctx.prisma.user.count(),
    });
  }
}

type Page = {
  members: {
    totalCount?: number;
    edges: { cursor: string; node: { email: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

describe('Relay connections', async () => {
  const schema = await buildSchema({
    resolvers: [MemberResolver],
    validate: { forbidUnknownValues: false },
  });
  const page = (args: string, extra = '') =>
    graphql({
      schema,
      contextValue: { prisma: db.prisma },
      source: `{ members(${args}) { ${extra} edges { cursor node { email } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
    }) as Promise<ExecutionResult<Page>>;

  beforeAll(async () => {
    await db.prisma.user.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        email: `m${String(i).padStart(2, '0')}@example.com`,
        name: `M${i}`,
        passwordHash: 'x',
      })),
    });
  });
  beforeEach(() => {
    sqlLog.length = 0;
  });

  it('walk every node exactly once, page after page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: ExecutionResult<Page> = await page(
        `first: 10${after ? `, after: "${after}"` : ''}`,
      );
      const connection = result.data!.members;
      seen.push(...connection.edges.map((edge) => edge.node.email));
      expect(connection.pageInfo.hasPreviousPage).toBe(pages > 0);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      Array.from({ length: 25 }, (_, i) => `m${String(i).padStart(2, '0')}@example.com`),
    );
  });

  it('count all nodes only when totalCount is selected', async () => {
    const without = await page('first: 5');
    expect(without.data!.members.edges).toHaveLength(5);
    expect(sqlLog.filter((sql) => /count/i.test(sql))).toHaveLength(0);
    const withCount = await page('first: 5', 'totalCount');
    expect(withCount.errors).toBeUndefined();
    expect(withCount.data!.members.totalCount).toBe(25);
    expect(sqlLog.filter((sql) => /count/i.test(sql))).toHaveLength(1);
  });

  it(`refuse pages larger than ${MAX_PAGE_SIZE} or smaller than 1`, async () => {
    for (const first of [MAX_PAGE_SIZE + 1, 0, -5]) {
      const result = await page(`first: ${first}`);
      expect(result.errors?.[0]?.message).toMatch(/Argument Validation Error/);
    }
    expect(sqlLog).toHaveLength(0);
  });

  it('refuse a cursor it did not make', async () => {
    const result = await page('first: 5, after: "not-a-cursor"');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after' }],
    });
    expect(() => decodeCursor(encodeCursor({ id: 1 }), isKey)).toThrow(/cursor/);
    expect(decodeCursor(encodeCursor({ email: 'a@b.c' }), isKey)).toEqual({ email: 'a@b.c' });
  });
});
