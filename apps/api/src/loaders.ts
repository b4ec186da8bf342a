import type { PrismaClient } from '@bazaar/db';
import { createShopLoaders } from './modules/shop/shop.loaders.js';

/** Each module's request-scoped DataLoaders, under the module's name. */
export function createLoaders(prisma: PrismaClient) {
  return {
    shop: createShopLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
