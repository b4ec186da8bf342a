import type { PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';

export function createShopLoaders(prisma: PrismaClient) {
  return {
    /** Setting values by key; a missing key loads as undefined. */
    settingByKey: new DataLoader<string, unknown>(async (keys) => {
      const rows = await prisma.setting.findMany({ where: { key: { in: [...keys] } } });
      const byKey = new Map(rows.map((row) => [row.key, row.value]));
      return keys.map((key) => byKey.get(key));
    }),
  };
}
