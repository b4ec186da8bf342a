import type { PrismaClient } from '@bazaar/db';
import { createAccessLoaders } from './modules/access/access.loaders.js';
import { createCartLoaders } from './modules/cart/cart.loaders.js';
import { createCatalogLoaders } from './modules/catalog/catalog.loaders.js';
import { createDeliveryLoaders } from './modules/delivery/delivery.loaders.js';
import { createMediaLoaders } from './modules/media/media.loaders.js';
import { createIdentityLoaders } from './modules/identity/identity.loaders.js';
import { createImportLoaders } from './modules/imports/imports.loaders.js';
import { createInventoryLoaders } from './modules/inventory/inventory.loaders.js';
import { createOfferLoaders } from './modules/offers/offers.loaders.js';
import { createOrderLoaders } from './modules/orders/orders.loaders.js';
import { createSearchLoaders } from './modules/search/search.loaders.js';
import { createSellerLoaders } from './modules/sellers/sellers.loaders.js';
import { createShopLoaders } from './modules/shop/shop.loaders.js';

/** Each module's request-scoped DataLoaders, under the module's name. */
export function createLoaders(prisma: PrismaClient) {
  return {
    shop: createShopLoaders(prisma),
    identity: createIdentityLoaders(prisma),
    access: createAccessLoaders(prisma),
    sellers: createSellerLoaders(prisma),
    media: createMediaLoaders(prisma),
    offers: createOfferLoaders(prisma),
    inventory: createInventoryLoaders(prisma),
    catalog: createCatalogLoaders(prisma),
    imports: createImportLoaders(prisma),
    search: createSearchLoaders(prisma),
    cart: createCartLoaders(prisma),
    delivery: createDeliveryLoaders(prisma),
    orders: createOrderLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
