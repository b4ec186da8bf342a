// Accounts and sign-in for tests: users made straight in the database, then
// signed in through the real login mutation.
import type { RoleScope } from '@bazaar/db';
import { hashPassword } from '../src/modules/identity/password.js';
import { db, type TestApi, type TestClient } from './api.js';

export const PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | undefined;

export interface Grant {
  role:
    | 'seller_owner'
    | 'salesperson'
    | 'store_counter'
    | 'admin'
    | 'super_admin'
    | { name: string; scope: RoleScope; permissions: string[] };
  sellerId?: string;
  storeId?: string;
}

export async function createUser(
  email: string,
  grants: Grant[] = [],
  extra: { status?: 'ACTIVE' | 'DISABLED' } = {},
) {
  hashed ??= hashPassword(PASSWORD);
  const user = await db.prisma.user.create({
    data: { email, name: email.split('@')[0]!, passwordHash: await hashed, ...extra },
  });
  for (const grant of grants) {
    const role =
      typeof grant.role === 'string'
        ? await db.prisma.role.findUniqueOrThrow({ where: { builtInKey: grant.role } })
        : await db.prisma.role.upsert({
            where: { name: grant.role.name },
            create: grant.role,
            update: {},
          });
    await db.prisma.roleAssignment.create({
      data: {
        userId: user.id,
        roleId: role.id,
        sellerId: grant.sellerId ?? null,
        storeId: grant.storeId ?? null,
      },
    });
  }
  return user;
}

export async function createSeller(slug: string, ownerEmail = `owner@${slug}.test`) {
  const owner = await createUser(ownerEmail);
  const seller = await db.prisma.seller.create({ data: { name: slug, slug, ownerId: owner.id } });
  const role = await db.prisma.role.findUniqueOrThrow({ where: { builtInKey: 'seller_owner' } });
  await db.prisma.roleAssignment.create({
    data: { userId: owner.id, roleId: role.id, sellerId: seller.id },
  });
  const store = await db.prisma.store.create({
    data: {
      sellerId: seller.id,
      name: `${slug} store`,
      line1: '1 Main St',
      city: 'Lyon',
      postalCode: '69001',
      country: 'FR',
    },
  });
  return { seller, store, owner };
}

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  sessionCreate(input: { email: $email, password: $password }) { session { accessToken expiresAt user { id email } } errors { code field message } }
}`;

export async function signIn(
  api: TestApi,
  email: string,
  password = PASSWORD,
  ip?: string,
): Promise<TestClient> {
  const client = api.client(ip);
  const result = await client.graphql(LOGIN, { email, password });
  if (!result.data?.sessionCreate?.session)
    throw new Error(`could not sign in ${email}: ${JSON.stringify(result)}`);
  return client;
}
