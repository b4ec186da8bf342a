import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { assertEveryRootFieldDeclaresAccess } from './common/auth/access.js';
import { ShopResolver } from './modules/shop/shop.resolver.js';
import { StatusResolver } from './modules/status/status.resolver.js';

/** Every module's root resolver; a module is part of the API once listed here. */
export const resolvers = [ShopResolver, StatusResolver] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
  });
  assertEveryRootFieldDeclaresAccess(schema);
  return schema;
}

/** The SDL committed at packages/schema/schema.graphql, sorted for stable diffs. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = new URL('../../../packages/schema/schema.graphql', import.meta.url);
