import type { PrismaClient, Seller, Store } from '@bazaar/db';
import DataLoader from 'dataloader';
import { groupBy } from '../identity/identity.loaders.js';

export function createSellerLoaders(prisma: PrismaClient) {
  return {
    sellerById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.seller.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    storeById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.store.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    storesBySeller: new DataLoader(async (sellerIds: readonly string[]) => {
      const rows = await prisma.store.findMany({
        where: { sellerId: { in: [...sellerIds] } },
        orderBy: { name: 'asc' },
      });
      const groups = groupBy<Store>(rows, (row) => row.sellerId);
      return sellerIds.map((id) => groups.get(id) ?? []);
    }),
    sellersByOwner: new DataLoader(async (ownerIds: readonly string[]) => {
      const rows = await prisma.seller.findMany({
        where: { ownerId: { in: [...ownerIds] } },
        orderBy: { name: 'asc' },
      });
      const groups = groupBy<Seller>(rows, (row) => row.ownerId);
      return ownerIds.map((id) => groups.get(id) ?? []);
    }),
  };
}
