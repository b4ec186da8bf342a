import { beforeAll, describe, expect, it } from 'vitest';
import { createSeller } from '../../../test/accounts.js';
import { db, sqlLog, startApi } from '../../../test/api.js';
import { createMedia, resetCatalog } from '../../../test/catalog.js';

const PAGE = `query($first: Int!, $after: String, $slug: String, $sort: ProductSort! = NEWEST) {
  products(first: $first, after: $after, categorySlug: $slug, sort: $sort) {
    edges { cursor node {
      id slug title url status tags brand publishedAt updatedAt ratingCount ratingAverage
      category { name ancestors { slug } }
      ownerSeller { name }
      attributes { key name value }
      variants { sku title optionValues { name value } }
      images { alt position image { url(width: 400) srcSet width } }
    } }
    pageInfo { hasNextPage endCursor }
  } }`;

const TOTAL = 25;

describe('catalog: product lists', async () => {
  const api = await startApi();
  let leafId: string;

  beforeAll(async () => {
    await resetCatalog();
    const { seller } = await createSeller('shop-a');
    const root = await db.prisma.category.create({
      data: { slug: 'home', name: { en: 'Home' } },
    });
    const leaf = await db.prisma.category.create({
      data: {
        slug: 'lamps',
        parentId: root.id,
        name: { en: 'Lamps' },
        attributeDefinitions: [{ key: 'watts', name: { en: 'Watts' }, type: 'NUMBER' }],
      },
    });
    leafId = leaf.id;
    const media = [await createMedia(), await createMedia()];
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < TOTAL; i += 1) {
      const product = await db.prisma.product.create({
        data: {
          slug: `lamp-${String(i).padStart(2, '0')}`,
          // Titles in another order than dates, to tell the sorts apart.
          title: { en: `Lamp ${String((i * 7) % TOTAL).padStart(2, '0')}` },
          categoryId: i % 2 ? leaf.id : root.id,
          ownerSellerId: seller.id,
          attributes: { watts: 40 + i },
          tags: ['lamp'],
          options: [{ name: 'Colour', values: ['Black', 'White'] }],
          status: 'PUBLISHED',
          publishedAt: new Date(start + i * 60_000),
          updatedAt: new Date(start + (TOTAL - i) * 60_000),
        },
      });
      await db.prisma.variant.createMany({
        data: ['Black', 'White'].map((colour, position) => ({
          productId: product.id,
          sku: `LAMP-${i}-${colour}`,
          optionValues: { Colour: colour },
          position,
        })),
      });
      await db.prisma.productImage.createMany({
        data: media.map((m, position) => ({
          productId: product.id,
          mediaId: m.id,
          position,
          alt: { en: `Lamp ${i} view ${position}` },
        })),
      });
    }
    // Drafts never show in public lists.
    await db.prisma.product.create({
      data: { slug: 'draft-lamp', title: { en: 'Draft lamp' }, categoryId: leaf.id },
    });
  });

  async function statements(first: number) {
    sqlLog.length = 0;
    const result = await api.graphql<any>(PAGE, { first });
    expect(result.errors).toBeUndefined();
    expect(result.data.products.edges).toHaveLength(first);
    return sqlLog.length;
  }

  it('a page with categories, variants, images and sellers costs the same few statements for 5 or 20 products', async () => {
    const five = await statements(5);
    const twenty = await statements(20);
    expect(twenty).toBe(five);
    // page, categories, ancestors, sellers, variants, images, media (+ definitions' reuse).
    expect(twenty).toBeLessThanOrEqual(8);

    const first = (await api.graphql<any>(PAGE, { first: 1 })).data.products.edges[0].node;
    expect(first).toMatchObject({
      slug: 'lamp-24',
      title: 'Lamp 18',
      status: 'PUBLISHED',
      tags: ['lamp'],
      brand: null,
      ratingCount: 0,
      ratingAverage: null,
      publishedAt: new Date(Date.UTC(2026, 0, 1) + 24 * 60_000).toISOString(),
      url: 'http://localhost:4000/p/lamp-24',
      category: { name: 'Home', ancestors: [] },
      ownerSeller: { name: 'shop-a' },
      variants: [
        {
          sku: 'LAMP-24-Black',
          title: 'Lamp 18 / Black',
          optionValues: [{ name: 'Colour', value: 'Black' }],
        },
        {
          sku: 'LAMP-24-White',
          title: 'Lamp 18 / White',
          optionValues: [{ name: 'Colour', value: 'White' }],
        },
      ],
    });
    expect(first.images.map((i: { alt: string }) => i.alt)).toEqual([
      'Lamp 24 view 0',
      'Lamp 24 view 1',
    ]);
    expect(first.images[0].image.url).toEqual(expect.any(String));
  });

  it('counts only when totalCount is selected', async () => {
    sqlLog.length = 0;
    await api.graphql<any>('{ products(first: 3) { edges { node { id } } } }');
    expect(sqlLog.filter((sql) => /count\(\*\)/i.test(sql))).toHaveLength(0);
    sqlLog.length = 0;
    const counted = await api.graphql<any>('{ products(first: 3) { totalCount } }');
    expect(counted.data.products.totalCount).toBe(TOTAL);
    expect(sqlLog.filter((sql) => /count\(\*\)/i.test(sql))).toHaveLength(1);
  });

  it('pages through every sort without gaps or repeats', async () => {
    for (const sort of ['NEWEST', 'TITLE', 'UPDATED']) {
      const slugs: string[] = [];
      const titles: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard += 1) {
        const result: any = await api.graphql<any>(PAGE, { first: 7, after, sort });
        const page = result.data.products;
        slugs.push(...page.edges.map((e: any) => e.node.slug));
        titles.push(...page.edges.map((e: any) => e.node.title));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(slugs).size).toBe(TOTAL);
      if (sort === 'NEWEST') expect(slugs[0]).toBe('lamp-24');
      // updatedAt runs the other way round from publishedAt.
      if (sort === 'UPDATED') expect(slugs[0]).toBe('lamp-00');
      if (sort === 'TITLE') expect(titles).toEqual([...titles].sort());
    }
    const bad = await api.graphql<any>(PAGE, { first: 5, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('filters by category, subcategories included', async () => {
    const home = await api.graphql<any>(
      `{ products(first: 100, categorySlug: "home") { totalCount } }`,
    );
    expect(home.data.products.totalCount).toBe(TOTAL);
    const lamps = await api.graphql<any>(
      `{ products(first: 100, categorySlug: "lamps") { totalCount edges { node { category { id } } } } }`,
    );
    expect(lamps.data.products.totalCount).toBe(12);
    expect(lamps.data.products.edges.every((e: any) => e.node.category.id === leafId)).toBe(true);
    const none = await api.graphql<any>(
      `{ products(first: 5, categorySlug: "nope") { totalCount edges { cursor } } }`,
    );
    expect(none.data.products).toEqual({ totalCount: 0, edges: [] });
    const tooMany = await api.graphql<any>('{ products(first: 101) { edges { cursor } } }');
    expect(tooMany.errors).toBeDefined();
  });

  it('caps totalCount at 10,000', async () => {
    await db.prisma.$executeRaw`
      INSERT INTO products (id, slug, title, status, published_at, updated_at)
      SELECT gen_random_uuid(), 'bulk-' || n, jsonb_build_object('en', 'Bulk ' || n), 'PUBLISHED', now(), now()
        FROM generate_series(1, 10050) AS n`;
    const counted = await api.graphql<any>('{ products(first: 1) { totalCount } }');
    expect(counted.data.products.totalCount).toBe(10_000);
  });
});
