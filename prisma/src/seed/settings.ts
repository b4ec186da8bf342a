import type { PrismaClient } from '../generated/client/client.js';

export async function seedSettings(prisma: PrismaClient): Promise<void> {
  await prisma.setting.upsert({
    where: { key: 'shop' },
    create: { key: 'shop', value: { name: 'Bazaar', currency: 'USD', defaultLocale: 'en' } },
    update: {},
  });
}
