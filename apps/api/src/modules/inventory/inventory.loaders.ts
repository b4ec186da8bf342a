import type { PrismaClient, StockLevel, StockLocation, StockLocationKind } from '@bazaar/db';
import DataLoader from 'dataloader';

/** A stock level with what its location is: enough for stock status and pick-up stores. */
export type LevelWithLocation = StockLevel & {
  locationKind: StockLocationKind;
  storeId: string | null;
};

export function createInventoryLoaders(prisma: PrismaClient) {
  return {
    /** Every stock level of each offer, with its location's kind and store. */
    levelsByOffer: new DataLoader(async (offerIds: readonly string[]) => {
      const rows = await prisma.$queryRaw<LevelWithLocation[]>`
        SELECT sl.id::text AS id, sl.offer_id::text AS "offerId",
               sl.location_id::text AS "locationId", sl.on_hand AS "onHand", sl.reserved,
               sl.backorder, sl.updated_at AS "updatedAt",
               loc.kind::text AS "locationKind", loc.store_id::text AS "storeId"
          FROM stock_levels sl JOIN stock_locations loc ON loc.id = sl.location_id
         WHERE sl.offer_id = ANY(${[...offerIds]}::uuid[])
         ORDER BY loc.kind, loc.created_at, loc.id`;
      const groups = new Map<string, LevelWithLocation[]>();
      for (const row of rows) {
        const group = groups.get(row.offerId);
        if (group) group.push(row);
        else groups.set(row.offerId, [row]);
      }
      return offerIds.map((id) => groups.get(id) ?? []);
    }),
    locationById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.stockLocation.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /**
     * Each seller's locations, warehouses then stores by name. Stores opened
     * since the last call get their STORE location here first.
     */
    locationsBySeller: new DataLoader(async (sellerIds: readonly string[]) => {
      await ensureStoreLocations(prisma, sellerIds);
      const rows = await prisma.stockLocation.findMany({
        where: { sellerId: { in: [...sellerIds] } },
        orderBy: [{ kind: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      });
      const groups = new Map<string, StockLocation[]>();
      for (const row of rows) {
        const group = groups.get(row.sellerId);
        if (group) group.push(row);
        else groups.set(row.sellerId, [row]);
      }
      return sellerIds.map((id) => groups.get(id) ?? []);
    }),
  };
}

/** Creates the STORE location of every store of these sellers that has none yet. */
export async function ensureStoreLocations(
  prisma: Pick<PrismaClient, '$executeRaw'>,
  sellerIds: readonly string[],
): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO stock_locations (id, seller_id, kind, store_id, name)
    SELECT gen_random_uuid(), s.seller_id, 'STORE', s.id, s.name
      FROM stores s
     WHERE s.seller_id = ANY(${[...sellerIds]}::uuid[])
       AND NOT EXISTS (SELECT 1 FROM stock_locations l WHERE l.store_id = s.id)
    ON CONFLICT (store_id) DO NOTHING`;
}
