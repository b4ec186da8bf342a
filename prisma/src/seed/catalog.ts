import type { Faker } from '@faker-js/faker';
import type { PrismaClient } from '../generated/client/client.js';
import { insertRows } from './bulk.js';
import { seedCategories } from './categories.js';
import { DEMO_SELLER } from './demo-accounts.js';
import { seedImages } from './images.js';
import { seedOffers } from './offers.js';
import { seedProducts, type SeedSeller } from './products.js';

export interface CatalogSeedOptions {
  products: number;
  /** Where the product pictures' renditions are written (the API's MEDIA_DIR). */
  mediaDir: string;
  referenceDate: Date;
}

/**
 * Categories, pictures, products with variants, every seller's offers and
 * stock, then one `product.changed` event per product so the API's indexer
 * builds the search index when it starts.
 */
export async function seedCatalog(
  prisma: PrismaClient,
  faker: Faker,
  options: CatalogSeedOptions,
): Promise<void> {
  const sellers: SeedSeller[] = await prisma.seller.findMany({
    select: {
      id: true,
      slug: true,
      stores: { select: { id: true, name: true }, orderBy: { id: 'asc' } },
    },
    orderBy: { slug: 'asc' },
  });
  const demoSeller = sellers.find((seller) => seller.slug === DEMO_SELLER.slug);
  if (!demoSeller) throw new Error('Seed the sellers before the catalog.');
  const otherSellers = sellers.filter((seller) => seller !== demoSeller);

  const categories = await seedCategories(prisma, faker);
  const pictures = await seedImages(prisma, faker, categories, options.mediaDir);
  const products = await seedProducts(prisma, faker, {
    count: options.products,
    categories,
    pictures,
    demoSeller,
    otherSellers,
    referenceDate: options.referenceDate,
  });
  await seedOffers(prisma, faker, {
    products,
    sellers,
    demoSeller,
    referenceDate: options.referenceDate,
  });
  await insertRows(
    prisma,
    'outbox_events',
    products.map((product) => ({ topic: 'product.changed', payload: { productId: product.id } })),
  );
}
