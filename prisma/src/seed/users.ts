import type { Faker } from '@faker-js/faker';
import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../generated/client/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';

const BATCH = 5_000;

// argon2id at OWASP's minimum (19 MiB, t=2, p=1), the parameters the identity
// module uses. One hash serves every generated user: hashing 100k passwords
// would take minutes and prove nothing.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function seedUsers(prisma: PrismaClient, faker: Faker, count: number): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2ID);
  await prisma.user.createMany({
    data: DEMO_ACCOUNTS.map((account) => ({
      id: faker.string.uuid(),
      email: account.email,
      name: account.name,
      passwordHash,
      createdAt: faker.date.past({ years: 2 }),
    })),
  });
  for (let start = 0; start < count; start += BATCH) {
    const data = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      data.push({
        id: faker.string.uuid(),
        email: `${firstName}.${lastName}.${i}@example.com`.toLowerCase(),
        name: `${firstName} ${lastName}`,
        passwordHash,
        createdAt: faker.date.past({ years: 2 }),
      });
    }
    await prisma.user.createMany({ data });
  }
}
