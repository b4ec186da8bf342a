import type { ApiKey as ApiKeyRow } from '@bazaar/db';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authenticated } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { Seller } from '../sellers/sellers.types.js';
import * as apiKeys from './api-keys.service.js';
import {
  ApiKey,
  ApiKeyCreateInput,
  ApiKeyCreatePayload,
  ApiKeyRevokePayload,
} from './api-keys.types.js';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  @Query(() => [ApiKey], { description: "The caller's own API keys." })
  @Authenticated()
  apiKeys(@Ctx() ctx: Context): Promise<ApiKeyRow[]> {
    return apiKeys.listApiKeys(ctx);
  }

  @Mutation(() => ApiKeyCreatePayload, {
    description: 'A key carrying a subset of your permissions; its secret is shown once.',
  })
  @Authenticated()
  apiKeyCreate(
    @Arg('input', () => ApiKeyCreateInput) input: ApiKeyCreateInput,
    @Ctx() ctx: Context,
  ) {
    return apiKeys.createApiKey(ctx, input);
  }

  @Mutation(() => ApiKeyRevokePayload)
  @Authenticated()
  apiKeyRevoke(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return apiKeys.revokeApiKey(ctx, id);
  }

  @FieldResolver(() => Seller, { nullable: true })
  seller(@Root() key: ApiKey, @Ctx() ctx: Context) {
    return key.sellerId ? ctx.loaders.sellers.sellerById.load(key.sellerId) : null;
  }
}
