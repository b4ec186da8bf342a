import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/database.js';
import { invariantViolations } from '../../test/invariants.js';
import { createDatabase } from '../client.js';
import { truncateAll } from '../testing/index.js';
import { DEMO_ACCOUNTS, DEMO_SELLER, SCALES, seed, seedIfEmpty } from './index.js';

const db = createDatabase(testDatabaseUrl);
// Shared by the tests of this file: later seeds reuse the pictures already drawn.
const mediaDir = mkdtempSync(join(tmpdir(), 'bazaar-seed-media-'));
const options = { mediaDir };

afterAll(async () => {
  await db.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** Checked here from the definition of EAN-13, independently of the seed's helper. */
function hasValidCheckDigit(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((total, d, i) => total + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

interface Definition {
  key: string;
  type: string;
  options?: string[];
  required: boolean;
}

/** Problems of `attributes` against `definitions`, as the API's validation sees them. */
function attributeProblems(
  attributes: Record<string, unknown>,
  definitions: Definition[],
): string[] {
  const problems: string[] = [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(attributes)) {
    const definition = byKey.get(key);
    if (!definition) problems.push(`${key}: not defined`);
    else if (definition.type === 'NUMBER' && !(typeof value === 'number' && Number.isFinite(value)))
      problems.push(`${key}: ${JSON.stringify(value)} is not a number`);
    else if (definition.type === 'BOOLEAN' && typeof value !== 'boolean')
      problems.push(`${key}: ${JSON.stringify(value)} is not a boolean`);
    else if (definition.type === 'TEXT' && !(typeof value === 'string' && value.trim()))
      problems.push(`${key}: ${JSON.stringify(value)} is not text`);
    else if (
      definition.type === 'ENUM' &&
      !(typeof value === 'string' && definition.options?.includes(value))
    )
      problems.push(`${key}: ${JSON.stringify(value)} is not one of ${definition.options}`);
  }
  for (const definition of definitions) {
    if (definition.required && attributes[definition.key] === undefined)
      problems.push(`${definition.key}: required`);
  }
  return problems;
}

describe('demo data', () => {
  beforeEach(() => truncateAll(testDatabaseUrl));

  it('creates the demo accounts, the generated users and the shop settings', async () => {
    await seed(db.prisma, 'small', options);
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

  it('builds a catalog every published product can be bought from', async () => {
    await seed(db.prisma, 'small', options);
    const prisma = db.prisma;

    const categories = await prisma.category.findMany();
    const byId = new Map(categories.map((c) => [c.id, c]));
    const definitionsOf = (id: string): Definition[] => {
      const category = byId.get(id)!;
      const own = category.attributeDefinitions as unknown as Definition[];
      return category.parentId ? [...definitionsOf(category.parentId), ...own] : own;
    };
    expect(categories.filter((c) => !c.parentId)).toHaveLength(6);
    for (const category of categories) {
      expect(category.name).toMatchObject({ en: expect.any(String), 'zh-CN': expect.any(String) });
    }

    const products = await prisma.product.findMany({
      include: {
        variants: { include: { offers: true } },
        images: { include: { media: true } },
      },
    });
    expect(products).toHaveLength(SCALES.small.products);
    const published = products.filter((p) => p.status === 'PUBLISHED');
    expect(published.length).toBeGreaterThan(SCALES.small.products * 0.8);
    expect(products.some((p) => p.status === 'DRAFT' && p.publishedAt === null)).toBe(true);

    for (const product of products) {
      const where = `${product.slug}`;
      expect(product.title, where).toMatchObject({
        en: expect.any(String),
        'zh-CN': expect.any(String),
      });
      expect(product.categoryId, where).not.toBeNull();
      expect(product.tags.length, where).toBeGreaterThan(0);
      expect(product.description, where).toMatchObject({
        en: expect.stringContaining('## Specifications'),
        'zh-CN': expect.stringContaining('## 规格参数'),
      });
      // Products sit in leaf categories.
      expect(
        categories.some((c) => c.parentId === product.categoryId),
        where,
      ).toBe(false);
      const attributes = product.attributes as Record<string, unknown>;
      expect(attributeProblems(attributes, definitionsOf(product.categoryId!)), where).toEqual([]);
      const optionNames = (product.options as { name: string; values: string[] }[]).map(
        (o) => o.name,
      );
      for (const variant of product.variants) {
        expect(Object.keys(variant.optionValues as object).sort(), variant.sku).toEqual(
          [...optionNames].sort(),
        );
      }
      if (product.status !== 'PUBLISHED') continue;
      expect(product.publishedAt, where).not.toBeNull();
      expect(product.variants.length, where).toBeGreaterThanOrEqual(1);
      expect(product.variants.length, where).toBeLessThanOrEqual(4);
      expect(product.images.length, where).toBeGreaterThanOrEqual(1);
      const offers = product.variants.flatMap((v) => v.offers);
      expect(
        offers.some((o) => o.status === 'ACTIVE' && o.price > 0),
        where,
      ).toBe(true);
    }

    const variants = products.flatMap((p) => p.variants);
    const barcodes = variants.map((v) => v.barcode ?? '');
    expect(barcodes.filter((code) => !hasValidCheckDigit(code))).toEqual([]);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(variants.every((v) => v.weightGrams! > 0 && v.lengthMm! > 0)).toBe(true);

    // Several sellers offer the same product, the demo seller among them.
    const sellersOf = (p: (typeof products)[number]) =>
      new Set(p.variants.flatMap((v) => v.offers.map((o) => o.sellerId)));
    expect(products.some((p) => sellersOf(p).size >= 2)).toBe(true);
    expect(products.filter((p) => sellersOf(p).size > 4)).toEqual([]);
    const demo = await prisma.seller.findUniqueOrThrow({ where: { slug: DEMO_SELLER.slug } });
    const demoOwned = products.filter((p) => p.ownerSellerId === demo.id);
    expect(demoOwned.length).toBeGreaterThanOrEqual(8);
    expect(demoOwned.length).toBeLessThanOrEqual(12);
    expect(
      products.some(
        (p) => p.ownerSellerId !== demo.id && sellersOf(p).has(demo.id) && sellersOf(p).size >= 2,
      ),
    ).toBe(true);

    // Pictures: shared media rows whose renditions are on disk.
    const media = await prisma.media.findMany();
    expect(media.length).toBeLessThanOrEqual(60);
    for (const row of media) {
      const renditions = row.renditions as {
        width: number;
        format: string;
        key: string;
        bytes: number;
      }[];
      expect(renditions.map((r) => `${r.width}.${r.format}`).sort()).toEqual([
        '320.webp',
        '640.jpeg',
        '640.webp',
      ]);
      for (const rendition of renditions) {
        expect(rendition.key).toBe(`${row.storageKey}/${rendition.width}.${rendition.format}`);
        expect(statSync(join(mediaDir, rendition.key)).size).toBe(rendition.bytes);
      }
    }

    // One event per product for the search indexer.
    const events = await prisma.outboxEvent.findMany();
    expect(events.every((e) => e.topic === 'product.changed' && e.processedAt === null)).toBe(true);
    expect(new Set(events.map((e) => (e.payload as { productId: string }).productId))).toEqual(
      new Set(products.map((p) => p.id)),
    );
  });

  it('gives every offer stock per location, a ledger and a price history', async () => {
    await seed(db.prisma, 'small', options);
    const prisma = db.prisma;
    const sellers = await prisma.seller.findMany({ include: { stores: true, locations: true } });
    for (const seller of sellers) {
      expect(seller.locations.filter((l) => l.kind === 'WAREHOUSE').map((l) => l.name)).toEqual([
        'Main warehouse',
      ]);
      expect(
        seller.locations
          .filter((l) => l.kind === 'STORE')
          .map((l) => l.storeId)
          .sort(),
      ).toEqual(seller.stores.map((s) => s.id).sort());
    }

    const offers = await prisma.offer.findMany({
      include: {
        stockLevels: { include: { movements: true, location: true } },
        priceHistory: true,
      },
    });
    expect(offers.every((o) => o.currency === 'USD' && Number.isInteger(o.price))).toBe(true);
    expect(offers.every((o) => o.handlingDays >= 1)).toBe(true);
    expect(
      offers.filter((o) => o.compareAtPrice !== null && o.compareAtPrice > o.price).length,
    ).toBeGreaterThan(0);
    expect(offers.filter((o) => o.allowBackorder).length).toBeGreaterThanOrEqual(2);
    for (const offer of offers) {
      expect(offer.priceHistory.map((h) => [h.reason, h.price])).toEqual([
        ['CREATED', offer.price],
      ]);
      expect(offer.stockLevels.length).toBeGreaterThanOrEqual(1);
      for (const level of offer.stockLevels) {
        expect(level.location.sellerId).toBe(offer.sellerId);
        expect(level.onHand).toBeGreaterThanOrEqual(level.reserved);
        expect(level.backorder).toBe(offer.allowBackorder);
        expect(level.movements.filter((m) => m.note === 'Opening stock')).toHaveLength(1);
        expect(level.movements.reduce((sum, m) => sum + m.delta, 0)).toBe(level.onHand);
      }
    }
    const levels = offers.flatMap((o) => o.stockLevels);
    expect(levels.some((l) => l.onHand === 0)).toBe(true);
    expect(levels.some((l) => l.onHand > 0 && l.onHand <= 5)).toBe(true);
    expect(levels.some((l) => l.location.kind === 'STORE')).toBe(true);
  });

  it('keeps stock and money consistent: every reserved unit held, every balance booked', async () => {
    await seed(db.prisma, 'small', options);
    expect(await invariantViolations(db.prisma)).toEqual([]);
  });

  it('is the same on every run', async () => {
    const snapshot = async () => ({
      users: await db.prisma.user.findMany({
        select: { id: true, email: true, createdAt: true },
        orderBy: { email: 'asc' },
      }),
      products: await db.prisma.product.findMany({
        select: { id: true, slug: true, title: true, attributes: true },
        orderBy: { slug: 'asc' },
      }),
      offers: await db.prisma.offer.findMany({
        select: {
          id: true,
          price: true,
          sellerId: true,
          stockLevels: { select: { onHand: true } },
        },
        orderBy: { id: 'asc' },
      }),
    });
    await seed(db.prisma, 'small', options);
    const first = await snapshot();
    await truncateAll(testDatabaseUrl);
    await seed(db.prisma, 'small', options);
    expect(await snapshot()).toEqual(first);
  });

  it('gives sellers shipping methods, countries tax rates, WELCOME10 and the demo shopper an address and 500.00', async () => {
    await seed(db.prisma, 'small', options);
    const sellers = await db.prisma.seller.findMany({ include: { shippingMethods: true } });
    for (const seller of sellers)
      expect(seller.shippingMethods.map((m) => m.kind).sort()).toEqual([
        'BY_WEIGHT',
        'FLAT',
        'FLAT',
      ]);
    const countries = await db.prisma.store.findMany({
      distinct: ['country'],
      select: { country: true },
    });
    const rates = await db.prisma.taxRate.findMany();
    for (const { country } of countries) expect(rates.map((r) => r.country)).toContain(country);
    expect(rates.some((r) => r.rateBp === 0)).toBe(true);
    expect(await db.prisma.coupon.findUnique({ where: { code: 'welcome10' } })).toMatchObject({
      kind: 'PERCENTAGE',
      percentBp: 1_000,
      sellerId: null,
    });
    const shopper = await db.prisma.user.findUniqueOrThrow({
      where: { email: 'shopper@bazaar.test' },
      include: { addresses: true },
    });
    expect(shopper.addresses.filter((a) => a.isDefault)).toHaveLength(1);
    const wallet = await db.prisma.ledgerAccount.findFirstOrThrow({
      where: { kind: 'WALLET', userId: shopper.id, currency: 'USD' },
    });
    const booked = await db.prisma.ledgerTransaction.findUniqueOrThrow({
      where: { kind_reference: { kind: 'ADMIN_CREDIT', reference: `seed:${shopper.id}` } },
      include: { entries: true },
    });
    expect(booked.entries.find((e) => e.accountId === wallet.id)?.amount).toBe(50_000n);
    expect(booked.entries.reduce((sum, e) => sum + e.amount, 0n)).toBe(0n);
  });

  it('gives the demo seller orders from the demo shopper in every usual status, paid from the wallet', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    await seed(db.prisma, 'small', { ...options, now });
    const prisma = db.prisma;
    const shopper = await prisma.user.findUniqueOrThrow({
      where: { email: 'shopper@bazaar.test' },
    });
    const demo = await prisma.seller.findUniqueOrThrow({ where: { slug: DEMO_SELLER.slug } });
    const orders = await prisma.order.findMany({
      include: {
        lines: true,
        transitions: { orderBy: { createdAt: 'asc' } },
        purchase: { include: { payments: true } },
      },
      orderBy: { placedAt: 'asc' },
    });
    expect(orders.every((o) => o.sellerId === demo.id && o.customerId === shopper.id)).toBe(true);
    const paths = Object.fromEntries(
      orders.map((o) => [o.status, o.transitions.map((t) => t.toStatus).join(' > ')]),
    );
    expect(paths).toEqual({
      COMPLETED: 'PLACED > PAID > ACCEPTED > PACKED > SHIPPED > DELIVERED > COMPLETED',
      CANCELLED: 'PLACED > PAID > CANCELLED',
      DELIVERED: 'PLACED > PAID > ACCEPTED > PACKED > SHIPPED > DELIVERED',
      SHIPPED: 'PLACED > PAID > ACCEPTED > PACKED > SHIPPED',
      ACCEPTED: 'PLACED > PAID > ACCEPTED',
      PAID: 'PLACED > PAID',
      PLACED: 'PLACED',
    });
    expect(orders.every((o) => o.placedAt < now && o.updatedAt < now)).toBe(true);
    const byStatus = new Map(orders.map((o) => [o.status, o]));
    expect(byStatus.get('SHIPPED')).toMatchObject({
      carrier: 'Colissimo',
      trackingNumber: expect.stringMatching(/^6A\d{11}$/),
    });

    // Paid ones: one succeeded wallet payment of the order's total; the cancelled one refunded.
    for (const order of orders.filter((o) => o.status !== 'PLACED')) {
      expect(order.purchase.payments).toMatchObject([
        { method: 'WALLET', status: 'SUCCEEDED', amount: order.total },
      ]);
      expect(order.total).toBe(
        order.lines.reduce((sum, l) => sum + l.total, 0) + order.shippingFee,
      );
    }
    const cancelled = byStatus.get('CANCELLED')!;
    expect(cancelled.refundedTotal).toBe(cancelled.total);
    expect(await prisma.refund.findMany({ where: { orderId: cancelled.id } })).toMatchObject([
      { amount: cancelled.total, status: 'SUCCEEDED' },
    ]);

    // The unpaid one: picked up and paid in store, its stock held until its deadline.
    const unpaid = byStatus.get('PLACED')!;
    expect(unpaid).toMatchObject({ fulfilment: 'PICKUP', paymentMethod: 'IN_STORE' });
    expect(unpaid.paymentDueAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(unpaid.purchase.payments).toMatchObject([
      { method: 'IN_STORE', status: 'PENDING', orderId: unpaid.id, amount: unpaid.total },
    ]);
    const held = await prisma.stockReservation.findMany({
      where: { reference: unpaid.id },
      include: { stockLevel: true },
    });
    expect(held.map((r) => [r.status, r.quantity])).toEqual([['HELD', unpaid.lines[0]!.quantity]]);
    expect(held[0]!.stockLevel.reserved).toBeGreaterThanOrEqual(held[0]!.quantity);

    // Money: a card top-up paid for what was not refunded; the welcome credit is left to shop with.
    const account = (kind: 'WALLET' | 'SELLER_ESCROW' | 'SELLER_AVAILABLE') =>
      prisma.ledgerAccount.findFirstOrThrow({
        where: { kind, currency: 'USD', OR: [{ userId: shopper.id }, { sellerId: demo.id }] },
      });
    const spent = orders
      .filter((o) => o.status !== 'PLACED')
      .reduce((sum, o) => sum + o.total - o.refundedTotal, 0);
    expect(
      await prisma.payment.findMany({ where: { purpose: 'WALLET_TOP_UP', payerId: shopper.id } }),
    ).toMatchObject([{ method: 'STRIPE', status: 'SUCCEEDED', amount: spent }]);
    expect((await account('WALLET')).balance).toBe(50_000n);
    expect((await account('SELLER_AVAILABLE')).balance).toBe(
      BigInt(byStatus.get('COMPLETED')!.total),
    );
    expect((await account('SELLER_ESCROW')).balance).toBe(
      BigInt(
        ['DELIVERED', 'SHIPPED', 'ACCEPTED', 'PAID'].reduce(
          (sum, s) => sum + byStatus.get(s as 'PAID')!.total,
          0,
        ),
      ),
    );
    expect(await invariantViolations(prisma)).toEqual([]);
  });

  it('seeds only an empty database', async () => {
    expect(await seedIfEmpty(db.prisma, 'small', options)).toBe(true);
    expect(await seedIfEmpty(db.prisma, 'small', options)).toBe(false);
    expect(await db.prisma.user.count()).toBe(SCALES.small.users + DEMO_ACCOUNTS.length);
  });
});
