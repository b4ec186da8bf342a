import type { Faker } from '@faker-js/faker';
import { hash } from '@node-rs/argon2';
import type { Prisma, PrismaClient } from '../generated/client/client.js';
import { insertRows } from './bulk.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';

const BATCH = 5_000;

// argon2id at OWASP's minimum (19 MiB, t=2, p=1), the parameters the identity
// module uses. One hash serves every generated user: hashing 100k passwords
// would take minutes and prove nothing.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Creates the demo accounts (with their roles) and `count` shoppers; returns the shoppers' ids. */
export async function seedUsers(
  prisma: PrismaClient,
  faker: Faker,
  count: number,
): Promise<string[]> {
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2ID);
  for (const account of DEMO_ACCOUNTS) {
    const user = await prisma.user.create({
      data: {
        id: faker.string.uuid(),
        email: account.email,
        name: account.name,
        passwordHash,
        emailVerifiedAt: faker.date.past({ years: 1 }),
        createdAt: faker.date.past({ years: 2 }),
      },
    });
    if (account.builtInRole === 'super_admin') {
      const role = await prisma.role.findUniqueOrThrow({
        where: { builtInKey: account.builtInRole },
      });
      await prisma.roleAssignment.create({
        data: { id: faker.string.uuid(), userId: user.id, roleId: role.id },
      });
    }
  }
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const data: Prisma.UserCreateManyInput[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const id = faker.string.uuid();
      ids.push(id);
      const emailVerifiedAt = faker.datatype.boolean(0.8) ? faker.date.past({ years: 1 }) : null;
      const createdAt = faker.date.past({ years: 2 });
      data.push({
        id,
        email: `${firstName}.${lastName}.${i}@example.com`.toLowerCase(),
        name: `${firstName} ${lastName}`,
        passwordHash,
        emailVerifiedAt,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await insertRows(prisma, 'users', data);
  }
  return ids;
}
