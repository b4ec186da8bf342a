import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/database.js';
import { createDatabase } from '../client.js';
import { truncateAll } from '../testing/index.js';
import { DEMO_ACCOUNTS, SCALES, seed, seedIfEmpty } from './index.js';

const db = createDatabase(testDatabaseUrl);

describe('demo data', () => {
  beforeEach(() => truncateAll(testDatabaseUrl));

  it('creates the demo accounts, the generated users and the shop settings', async () => {
    await seed(db.prisma, 'small');
    expect(await db.prisma.user.count()).toBe(SCALES.small.users + DEMO_ACCOUNTS.length);
    const admin = await db.prisma.user.findUnique({ where: { email: 'ADMIN@bazaar.test' } });
    expect(admin?.name).toBe('Ada Admin');
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await db.prisma.setting.findUnique({ where: { key: 'shop' } }))?.value).toMatchObject({
      name: 'Bazaar',
    });
    const adminRoles = await db.prisma.roleAssignment.findMany({
      where: { userId: admin!.id },
      include: { role: true },
    });
    expect(adminRoles.map((a) => a.role.builtInKey)).toEqual(['super_admin']);
    const shop = await db.prisma.seller.findUniqueOrThrow({
      where: { slug: 'sams-corner-shop' },
      include: { owner: true, stores: true },
    });
    expect(shop.owner.email).toBe('seller@bazaar.test');
    expect(shop.stores.length).toBeGreaterThan(0);
    expect(await db.prisma.seller.count()).toBe(SCALES.small.sellers + 1);
  });

  it('is the same on every run', async () => {
    const snapshot = () =>
      db.prisma.user.findMany({
        select: { id: true, email: true, createdAt: true },
        orderBy: { email: 'asc' },
      });
    await seed(db.prisma, 'small');
    const first = await snapshot();
    await truncateAll(testDatabaseUrl);
    await seed(db.prisma, 'small');
    expect(await snapshot()).toEqual(first);
  });

  it('seeds only an empty database', async () => {
    expect(await seedIfEmpty(db.prisma, 'small')).toBe(true);
    expect(await seedIfEmpty(db.prisma, 'small')).toBe(false);
    expect(await db.prisma.user.count()).toBe(SCALES.small.users + DEMO_ACCOUNTS.length);
  });
});
