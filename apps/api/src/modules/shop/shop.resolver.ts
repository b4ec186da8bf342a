import { Ctx, Query, Resolver } from 'type-graphql';
import { Public } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { getShop } from './shop.service.js';
import { Shop } from './shop.types.js';

@Resolver()
export class ShopResolver {
  @Query(() => Shop, { description: "The marketplace's public settings. Public." })
  @Public()
  shop(@Ctx() ctx: Context): Promise<Shop> {
    return getShop(ctx);
  }
}
