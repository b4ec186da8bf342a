import type { PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';
import { Image } from './media.types.js';

export function createMediaLoaders(prisma: PrismaClient) {
  return {
    /** Media rows as GraphQL Images (null when the id is unknown). */
    mediaById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.media.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, Image.fromMedia(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
