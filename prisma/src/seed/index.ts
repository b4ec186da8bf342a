import { Faker, en } from '@faker-js/faker';
import { syncBuiltInRoles } from '../built-in-roles.js';
import type { PrismaClient } from '../generated/client/client.js';
import { DATA_DIR } from '../local-database.js';
import { seedCatalog } from './catalog.js';
import { seedCommerce } from './commerce.js';
import { seedDemoOrders } from './demo-orders.js';
import { SCALES, type Scale } from './scale.js';
import { seedSettings } from './settings.js';
import { seedSellers } from './sellers.js';
import { seedUsers } from './users.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SELLER } from './demo-accounts.js';
export { SCALES, isScale, type Scale } from './scale.js';

/** The same seed and reference date give the same data on every machine. */
const SEED = 2026;
const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export interface SeedOptions {
  /** Where product pictures are written: the API's MEDIA_DIR, default .data/media. */
  mediaDir?: string | undefined;
  /**
   * The demo orders happened in the days before this moment; default now (or
   * the reference date when the clock is behind it), so the newest, still
   * unpaid one is not past its payment deadline when the app starts.
   */
  now?: Date | undefined;
}

const DAY = 86_400_000;

export async function seed(
  prisma: PrismaClient,
  scale: Scale,
  options: SeedOptions = {},
): Promise<void> {
  const faker = new Faker({ locale: [en], seed: SEED });
  faker.setDefaultRefDate(REFERENCE_DATE);
  const size = SCALES[scale];
  await syncBuiltInRoles(prisma);
  await seedSettings(prisma);
  const shoppers = await seedUsers(prisma, faker, size.users);
  await seedSellers(prisma, faker, shoppers, size.sellers);
  // Its own sequence: the catalog stays the same when the accounts change.
  const catalogFaker = new Faker({ locale: [en], seed: SEED + 1 });
  catalogFaker.setDefaultRefDate(REFERENCE_DATE);
  await seedCatalog(prisma, catalogFaker, {
    products: size.products,
    mediaDir: options.mediaDir ?? `${DATA_DIR}/media`,
    referenceDate: REFERENCE_DATE,
  });
  const commerceFaker = new Faker({ locale: [en], seed: SEED + 2 });
  commerceFaker.setDefaultRefDate(REFERENCE_DATE);
  const now = options.now ?? new Date(Math.max(Date.now(), REFERENCE_DATE.getTime()));
  await seedCommerce(prisma, commerceFaker, new Date(now.getTime() - 40 * DAY));
  await seedDemoOrders(prisma, commerceFaker, now);
}

/** Seeds only a database that has no users yet; returns whether it did. */
export async function seedIfEmpty(
  prisma: PrismaClient,
  scale: Scale,
  options: SeedOptions = {},
): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  await seed(prisma, scale, options);
  return true;
}
