import { Faker, en } from '@faker-js/faker';
import { syncBuiltInRoles } from '../built-in-roles.js';
import type { PrismaClient } from '../generated/client/client.js';
import { SCALES, type Scale } from './scale.js';
import { seedSettings } from './settings.js';
import { seedSellers } from './sellers.js';
import { seedUsers } from './users.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SELLER } from './demo-accounts.js';
export { SCALES, isScale, type Scale } from './scale.js';

/** The same seed and reference date give the same data on every machine. */
const SEED = 2026;
const REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

export async function seed(prisma: PrismaClient, scale: Scale): Promise<void> {
  const faker = new Faker({ locale: [en], seed: SEED });
  faker.setDefaultRefDate(REFERENCE_DATE);
  const size = SCALES[scale];
  await syncBuiltInRoles(prisma);
  await seedSettings(prisma);
  const shoppers = await seedUsers(prisma, faker, size.users);
  await seedSellers(prisma, faker, shoppers, size.sellers);
}

/** Seeds only a database that has no users yet; returns whether it did. */
export async function seedIfEmpty(prisma: PrismaClient, scale: Scale): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  await seed(prisma, scale);
  return true;
}
