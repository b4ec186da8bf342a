import type { Faker } from '@faker-js/faker';
import type { PrismaClient } from '../generated/client/client.js';
import { DEMO_ACCOUNTS, DEMO_SELLER } from './demo-accounts.js';

const COUNTRIES = ['FR', 'DE', 'CN', 'US', 'GB', 'ES', 'IT', 'JP'];

function openingHours(faker: Faker) {
  const opens = faker.helpers.arrayElement(['08:00', '09:00', '10:00']);
  const closes = faker.helpers.arrayElement(['18:00', '19:00', '20:00']);
  return [1, 2, 3, 4, 5, 6].map((day) => ({ day, opens, closes }));
}

/**
 * The demo seller's shop, then `count` more shops owned by generated users,
 * each with one to three stores and its owner's role.
 */
export async function seedSellers(
  prisma: PrismaClient,
  faker: Faker,
  ownerIds: string[],
  count: number,
): Promise<void> {
  const ownerRole = await prisma.role.findUniqueOrThrow({ where: { builtInKey: 'seller_owner' } });
  const demoOwner = await prisma.user.findUniqueOrThrow({
    where: { email: DEMO_ACCOUNTS[1].email },
  });
  const shops: { name: string; slug: string; ownerId: string }[] = [
    { ...DEMO_SELLER, ownerId: demoOwner.id },
  ];
  for (let i = 0; i < Math.min(count, ownerIds.length); i++) {
    const name = faker.company.name();
    shops.push({
      name,
      slug: `${faker.helpers.slugify(name).toLowerCase().slice(0, 40)}-${i}`,
      ownerId: ownerIds[i]!,
    });
  }
  const sellers = shops.map((shop) => ({
    id: faker.string.uuid(),
    ...shop,
    description: faker.company.catchPhrase(),
    contactEmail: faker.internet.email({ provider: 'example.com' }).toLowerCase(),
    createdAt: faker.date.past({ years: 2 }),
    ratingAverage: faker.number.float({ min: 3.5, max: 5, fractionDigits: 1 }),
    ratingCount: faker.number.int({ min: 3, max: 2_000 }),
  }));
  await prisma.seller.createMany({ data: sellers });
  await prisma.roleAssignment.createMany({
    data: sellers.map((seller) => ({
      id: faker.string.uuid(),
      userId: seller.ownerId,
      roleId: ownerRole.id,
      sellerId: seller.id,
    })),
  });
  await prisma.store.createMany({
    data: sellers.flatMap((seller) =>
      Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, () => {
        const country = faker.helpers.arrayElement(COUNTRIES);
        return {
          id: faker.string.uuid(),
          sellerId: seller.id,
          name: `${faker.location.city()} store`,
          line1: faker.location.streetAddress(),
          city: faker.location.city(),
          postalCode: faker.location.zipCode(),
          country,
          latitude: faker.location.latitude(),
          longitude: faker.location.longitude(),
          openingHours: openingHours(faker),
        };
      }),
    ),
  });
}
