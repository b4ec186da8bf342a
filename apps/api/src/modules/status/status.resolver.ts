import { Ctx, Query, Resolver } from 'type-graphql';
import { Public } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { apiStatus } from './status.service.js';
import { ApiStatus } from './status.types.js';

@Resolver()
export class StatusResolver {
  @Query(() => ApiStatus, { description: 'Whether the API and its database answer. Public.' })
  @Public()
  apiStatus(@Ctx() ctx: Context): Promise<ApiStatus> {
    return apiStatus(ctx.db);
  }
}
