import { type CartLine, type Offer, type Prisma, type PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';
import { OFFER_COLUMNS } from '../offers/offers.loaders.js';

/** An offer with what a cart needs to re-validate it: its product's status and the stock available. */
export type OfferState = Offer & {
  productStatus: string;
  /** Sum over locations of max(0, on_hand - reserved). */
  available: number;
};

type Queryable = Pick<PrismaClient, '$queryRaw'> | Prisma.TransactionClient;

/** One statement for any number of offers. */
export async function loadOfferStates(
  client: Queryable,
  offerIds: readonly string[],
): Promise<Map<string, OfferState>> {
  if (offerIds.length === 0) return new Map();
  const rows = await client.$queryRaw<OfferState[]>`
    SELECT ${OFFER_COLUMNS}, p.status::text AS "productStatus",
           coalesce((SELECT sum(greatest(sl.on_hand - sl.reserved, 0))
                       FROM stock_levels sl WHERE sl.offer_id = o.id), 0)::int AS available
      FROM offers o
      JOIN variants v ON v.id = o.variant_id
      JOIN products p ON p.id = v.product_id
     WHERE o.id = ANY(${[...offerIds]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

export function createCartLoaders(prisma: PrismaClient) {
  return {
    offerState: new DataLoader(async (offerIds: readonly string[]) => {
      const states = await loadOfferStates(prisma, offerIds);
      return offerIds.map((id) => states.get(id) ?? null);
    }),
    linesByCart: new DataLoader(async (cartIds: readonly string[]) => {
      const rows = await prisma.cartLine.findMany({
        where: { cartId: { in: [...cartIds] } },
        orderBy: [{ addedAt: 'asc' }, { id: 'asc' }],
      });
      const groups = new Map<string, CartLine[]>();
      for (const row of rows) {
        const group = groups.get(row.cartId);
        if (group) group.push(row);
        else groups.set(row.cartId, [row]);
      }
      return cartIds.map((id) => groups.get(id) ?? []);
    }),
  };
}
