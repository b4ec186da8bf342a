import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, signIn } from '../../../test/accounts.js';
import { createProductWithVariant, resetCatalog } from '../../../test/catalog.js';
import { csv, importCsv, sellerWithOwner } from '../../../test/imports.js';

const CREATE_LOCATION = `mutation($s: ID!, $name: String!) { stockLocationCreate(sellerId: $s, name: $name) { stockLocation { id } errors { code } } }`;
const CREATE_OFFER = `mutation($input: OfferCreateInput!) { offerCreate(input: $input) { offer { id } errors { code field } } }`;
const ADJUST = `mutation($input: StockAdjustInput!) { stockAdjust(input: $input) {
  stockLevel { offer { availableQuantity } } errors { code field } } }`;

const alerts = () =>
  db.prisma.emailOutbox.findMany({
    where: { subject: { startsWith: 'Low stock' } },
    orderBy: { createdAt: 'asc' },
  });

describe('low-stock alerts', async () => {
  const api = await startApi({ PUBLIC_URL: 'https://bazaar.example' });

  beforeEach(async () => {
    await resetCatalog();
    await db.prisma.emailOutbox.deleteMany();
  });

  it('e-mails the seller once when an offer drops to its threshold, again after a restock', async () => {
    const { seller, owner } = await createSeller('low-shop');
    const session = await signIn(api, owner.email);
    const warehouse = (
      await session.graphql(CREATE_LOCATION, { s: seller.id, name: 'Main warehouse' })
    ).data?.stockLocationCreate.stockLocation.id as string;
    const store = await db.prisma.stockLocation.findFirstOrThrow({
      where: { sellerId: seller.id, kind: 'STORE' },
    });
    const { variant } = await createProductWithVariant({ title: 'Blue mug' });
    const offerId = (
      await session.graphql(CREATE_OFFER, {
        input: {
          sellerId: seller.id,
          variantId: variant.id,
          price: 1000,
          currency: 'USD',
          lowStockThreshold: 5,
        },
      })
    ).data?.offerCreate.offer.id as string;
    const adjust = async (
      reason: string,
      delta: number,
      locationId = warehouse,
    ): Promise<{ available: number | undefined; errors: { code: string }[] }> => {
      const result = await session.graphql(ADJUST, {
        input: { offerId, locationId, reason, delta },
      });
      expect(result.errors).toBeUndefined();
      const payload = result.data?.stockAdjust;
      return { available: payload.stockLevel?.offer.availableQuantity, errors: payload.errors };
    };

    // From nothing to plenty: no crossing downwards, no mail.
    expect(await adjust('RECEIVED', 10)).toEqual({ available: 10, errors: [] });
    // A refused change sends nothing.
    expect(await adjust('DAMAGED', -20)).toEqual({
      available: undefined,
      errors: [{ code: 'INSUFFICIENT_STOCK', field: 'delta' }],
    });
    expect(await alerts()).toEqual([]);

    // 10 -> 5 crosses the threshold: one mail to the owner (no contact e-mail set).
    expect(await adjust('DAMAGED', -5)).toEqual({ available: 5, errors: [] });
    const [first, ...rest] = await alerts();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      to: owner.email,
      subject: `Low stock: Blue mug (${variant.sku})`,
      sentAt: null,
    });
    expect(first!.text).toContain('5 available');
    expect(first!.text).toContain('threshold of 5');
    expect(first!.text).toContain(
      `https://bazaar.example/admin/sellers/${seller.id}/offers/${offerId}?tab=stock`,
    );

    // Already low: further decreases, and a store going below zero, send nothing.
    expect(await adjust('DAMAGED', -2)).toEqual({ available: 3, errors: [] });
    expect(await adjust('OFFLINE_SALE', -4, store.id)).toEqual({ available: 3, errors: [] });
    expect(await alerts()).toHaveLength(1);

    // A restock lifts it above the threshold; the next drop alerts again, to the
    // seller's contact e-mail now that one is set.
    await db.prisma.seller.update({
      where: { id: seller.id },
      data: { contactEmail: 'stock@low-shop.test' },
    });
    expect(await adjust('RECEIVED', 10)).toEqual({ available: 13, errors: [] });
    expect(await alerts()).toHaveLength(1);
    expect(await adjust('DAMAGED', -9)).toEqual({ available: 4, errors: [] });
    const all = await alerts();
    expect(all.map((mail) => mail.to)).toEqual([owner.email, 'stock@low-shop.test']);
    expect(all[1]!.text).toContain('4 available');
  });

  it('sends nothing for a refused adjustment that would have crossed, or for an inactive offer', async () => {
    const { seller, owner } = await createSeller('quiet-shop');
    const session = await signIn(api, owner.email);
    const warehouse = (
      await session.graphql(CREATE_LOCATION, { s: seller.id, name: 'Main warehouse' })
    ).data?.stockLocationCreate.stockLocation.id as string;
    const offerIds: string[] = [];
    for (const status of ['ACTIVE', 'INACTIVE']) {
      const { variant } = await createProductWithVariant();
      const offer = await db.prisma.offer.create({
        data: {
          variantId: variant.id,
          sellerId: seller.id,
          price: 500,
          currency: 'USD',
          lowStockThreshold: 2,
          status: status as 'ACTIVE' | 'INACTIVE',
        },
      });
      await db.prisma.stockLevel.create({
        data: { offerId: offer.id, locationId: warehouse, onHand: 10, reserved: 7 },
      });
      offerIds.push(offer.id);
    }
    const [active, inactive] = offerIds;
    // 3 available, 7 reserved: taking 4 would eat into reservations and is refused.
    const refused = await session.graphql(ADJUST, {
      input: { offerId: active, locationId: warehouse, reason: 'DAMAGED', delta: -4 },
    });
    expect(refused.data?.stockAdjust.errors).toEqual([
      { code: 'INSUFFICIENT_STOCK', field: 'delta' },
    ]);
    const inactiveDrop = await session.graphql(ADJUST, {
      input: { offerId: inactive, locationId: warehouse, reason: 'DAMAGED', delta: -2 },
    });
    expect(inactiveDrop.data?.stockAdjust.errors).toEqual([]);
    expect(await alerts()).toEqual([]);
  });

  it('alerts on a CSV import that takes an offer to its threshold, once', async () => {
    const { seller, owner, token } = await sellerWithOwner(api, 'csv-shop');
    const stockTo = async (onHand: number) => {
      const job = await importCsv(
        api,
        csv([{ sku: 'MUG-1', title_en: 'Blue mug', price: 850, currency: 'EUR', on_hand: onHand }]),
        { sellerId: seller.id, token },
      );
      expect(job).toMatchObject({ status: 'SUCCEEDED', succeededRows: 1 });
    };
    // A new offer starting low did not cross anything.
    await stockTo(3);
    await stockTo(10);
    expect(await alerts()).toEqual([]);
    await stockTo(4); // default threshold 5
    await stockTo(2);
    const [mail, ...rest] = await alerts();
    expect(rest).toEqual([]);
    const offer = await db.prisma.offer.findFirstOrThrow({ where: { sellerId: seller.id } });
    expect(mail).toMatchObject({ to: owner.email, subject: 'Low stock: Blue mug (MUG-1)' });
    expect(mail!.text).toContain('4 available');
    expect(mail!.text).toContain(
      `http://localhost:4000/admin/sellers/${seller.id}/offers/${offer.id}?tab=stock`,
    );
    await stockTo(20);
    await stockTo(0);
    expect(await alerts()).toHaveLength(2);
  });
});
