import type { PrismaClient, ShippingMethod } from '@bazaar/db';
import DataLoader from 'dataloader';
import { groupBy } from '../identity/identity.loaders.js';

export function createDeliveryLoaders(prisma: PrismaClient) {
  return {
    /** Every method of each seller, active or not, by position. */
    shippingMethodsBySeller: new DataLoader(async (sellerIds: readonly string[]) => {
      const rows = await prisma.shippingMethod.findMany({
        where: { sellerId: { in: [...sellerIds] } },
        orderBy: [{ position: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      });
      const groups = groupBy<ShippingMethod>(rows, (row) => row.sellerId);
      return sellerIds.map((id) => groups.get(id) ?? []);
    }),
  };
}
