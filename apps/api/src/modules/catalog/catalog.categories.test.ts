import { beforeEach, describe, expect, it } from 'vitest';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import { db, sqlLog, startApi } from '../../../test/api.js';
import { CATEGORY_CREATE, catalogCounts, en, ERRORS, resetCatalog } from '../../../test/catalog.js';
import { spaOperation } from '../../../test/spa-documents.js';

const CATEGORY_UPDATE = `mutation($id: ID!, $input: CategoryInput!) {
  categoryUpdate(id: $id, input: $input) { category { id slug position parent { slug } } ${ERRORS} } }`;
const CATEGORY_DELETE = `mutation($id: ID!) { categoryDelete(id: $id) { category { slug } ${ERRORS} } }`;
const TREE = `query($slug: String!) { category(slug: $slug) {
  slug name nameTranslations { locale value } description
  parent { slug } children { slug position } ancestors { slug }
  attributeDefinitions { key name nameTranslations { locale value } type options unit required facet } } }`;

describe('catalog: categories', async () => {
  const api = await startApi();
  beforeEach(resetCatalog);

  async function admin() {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    return signIn(api, 'admin@example.com');
  }

  it('admins build a tree whose definitions are inherited; anyone reads it, in their language', async () => {
    const session = await admin();
    const root = (
      await session.graphql(CATEGORY_CREATE, {
        input: {
          slug: 'Clothing',
          name: [
            { locale: 'EN', value: 'Clothing' },
            { locale: 'ZH_CN', value: '服装' },
          ],
          attributeDefinitions: [
            { key: 'material', name: en('Material'), type: 'TEXT', facet: true },
          ],
        },
      })
    ).data?.categoryCreate;
    expect(root.errors).toEqual([]);
    expect(root.category).toMatchObject({ slug: 'clothing', name: 'Clothing', position: 0 });
    const shirts = (
      await session.graphql(CATEGORY_CREATE, {
        input: {
          parentId: root.category.id,
          slug: 'shirts',
          name: en('Shirts'),
          attributeDefinitions: [
            {
              key: 'sleeve',
              name: [
                { locale: 'EN', value: 'Sleeve' },
                { locale: 'ZH_CN', value: '袖长' },
              ],
              type: 'ENUM',
              options: ['short', 'long'],
              required: true,
            },
            { key: 'weight', name: en('Weight'), type: 'NUMBER', unit: 'g' },
          ],
        },
      })
    ).data?.categoryCreate;
    expect(shirts.errors).toEqual([]);
    await session.graphql(CATEGORY_CREATE, {
      input: { parentId: root.category.id, slug: 'trousers', name: en('Trousers') },
    });
    // Siblings are appended; position can be given.
    await session.graphql(CATEGORY_CREATE, {
      input: { parentId: root.category.id, slug: 'hats', name: en('Hats'), position: -1 },
    });

    const tree = await api.graphql<any>(TREE, { slug: 'shirts' });
    expect(tree.data.category).toMatchObject({
      slug: 'shirts',
      parent: { slug: 'clothing' },
      ancestors: [{ slug: 'clothing' }],
      children: [],
    });
    expect(tree.data.category.attributeDefinitions.map((d: { key: string }) => d.key)).toEqual([
      'material',
      'sleeve',
      'weight',
    ]);
    expect(tree.data.category.attributeDefinitions[1]).toMatchObject({
      type: 'ENUM',
      options: ['short', 'long'],
      required: true,
      facet: false,
    });
    const rootTree = await api.graphql<any>(TREE, { slug: 'CLOTHING' });
    expect(rootTree.data.category.children).toEqual([
      { slug: 'hats', position: -1 },
      { slug: 'shirts', position: 0 },
      { slug: 'trousers', position: 1 },
    ]);

    const zh = await api.graphql<any>(
      TREE,
      { slug: 'shirts' },
      { 'accept-language': 'zh-CN,zh;q=0.9' },
    );
    // Chinese where stored, English otherwise.
    expect(zh.data.category.name).toBe('Shirts');
    expect(zh.data.category.attributeDefinitions.map((d: { name: string }) => d.name)).toEqual([
      'Material',
      '袖长',
      'Weight',
    ]);
    const zhRoot = await api.graphql<any>(
      TREE,
      { slug: 'clothing' },
      { 'accept-language': 'zh-CN' },
    );
    expect(zhRoot.data.category.name).toBe('服装');

    const page = await api.graphql<any>(
      `query($p: ID) { categories(parentId: $p, first: 2) { totalCount edges { node { slug } }
        pageInfo { hasNextPage endCursor } } }`,
      { p: root.category.id },
    );
    expect(page.data.categories.totalCount).toBe(3);
    expect(page.data.categories.edges.map((e: any) => e.node.slug)).toEqual(['hats', 'shirts']);
    const next = await api.graphql<any>(
      `query($p: ID, $after: String) { categories(parentId: $p, first: 2, after: $after) {
        edges { node { slug } } pageInfo { hasNextPage } } }`,
      { p: root.category.id, after: page.data.categories.pageInfo.endCursor },
    );
    expect(next.data.categories.edges.map((e: any) => e.node.slug)).toEqual(['trousers']);
    expect(next.data.categories.pageInfo.hasNextPage).toBe(false);
    const top = await api.graphql<any>('{ categories { edges { node { slug } } } }');
    expect(top.data.categories.edges).toEqual([{ node: { slug: 'clothing' } }]);
  });

  it('refuses bad slugs, names, parents and attribute definitions, changing nothing', async () => {
    const session = await admin();
    const root = (
      await session.graphql(CATEGORY_CREATE, {
        input: {
          slug: 'home',
          name: en('Home'),
          attributeDefinitions: [{ key: 'room', name: en('Room'), type: 'TEXT' }],
        },
      })
    ).data?.categoryCreate.category;
    const before = await catalogCounts();
    const attempt = async (input: Record<string, unknown>) =>
      (
        await session.graphql(CATEGORY_CREATE, {
          input: { slug: 'kitchen', name: en('Kitchen'), ...input },
        })
      ).data?.categoryCreate.errors.map((e: { code: string; field: string }) => [e.code, e.field]);

    expect(await attempt({ slug: 'Bad Slug!' })).toEqual([['SLUG_INVALID', 'slug']]);
    expect(await attempt({ slug: '-kitchen' })).toEqual([['SLUG_INVALID', 'slug']]);
    expect(await attempt({ slug: 'HOME' })).toEqual([['SLUG_TAKEN', 'slug']]);
    expect(await attempt({ name: [{ locale: 'ZH_CN', value: '厨房' }] })).toEqual([
      ['NAME_REQUIRED', 'name'],
    ]);
    expect(
      await attempt({
        name: [
          { locale: 'EN', value: 'a' },
          { locale: 'EN', value: 'b' },
        ],
      }),
    ).toEqual([['LOCALE_DUPLICATE', 'name']]);
    expect(await attempt({ name: en('x'.repeat(101)) })).toEqual([['TEXT_TOO_LONG', 'name']]);
    expect(await attempt({ parentId: '00000000-0000-7000-8000-000000000000' })).toEqual([
      ['PARENT_INVALID', 'parentId'],
    ]);
    expect(await attempt({ parentId: 'not-an-id' })).toEqual([['PARENT_INVALID', 'parentId']]);
    const definition = { name: en('A'), type: 'TEXT' };
    expect(await attempt({ attributeDefinitions: [{ ...definition, key: 'Bad Key' }] })).toEqual([
      ['ATTRIBUTE_INVALID', 'attributeDefinitions.0.key'],
    ]);
    expect(
      await attempt({
        attributeDefinitions: [
          { ...definition, key: 'size' },
          { ...definition, key: 'size' },
        ],
      }),
    ).toEqual([['ATTRIBUTE_INVALID', 'attributeDefinitions.1.key']]);
    expect(
      await attempt({ attributeDefinitions: [{ ...definition, key: 'colour', type: 'ENUM' }] }),
    ).toEqual([['ATTRIBUTE_INVALID', 'attributeDefinitions.0.options']]);
    expect(
      await attempt({
        attributeDefinitions: [
          { ...definition, key: 'colour', type: 'ENUM', options: ['red', 'Red'] },
        ],
      }),
    ).toEqual([['ATTRIBUTE_INVALID', 'attributeDefinitions.0.options']]);
    expect(
      await attempt({ attributeDefinitions: [{ key: 'colour', name: en(' '), type: 'TEXT' }] }),
    ).toEqual([['ATTRIBUTE_INVALID', 'attributeDefinitions.0.name']]);
    // A child may not redefine what its parent defines.
    expect(
      await attempt({
        parentId: root.id,
        attributeDefinitions: [{ ...definition, key: 'room' }],
      }),
    ).toEqual([['ATTRIBUTE_INVALID', 'attributeDefinitions.0.key']]);
    expect(await catalogCounts()).toEqual(before);
  });

  it('moves categories but never under themselves; deletes only empty leaves', async () => {
    const session = await admin();
    const create = async (slug: string, parentId?: string) =>
      (await session.graphql(CATEGORY_CREATE, { input: { slug, name: en(slug), parentId } })).data
        ?.categoryCreate.category.id as string;
    const a = await create('a');
    const b = await create('b', a);
    const c = await create('c', b);
    const update = async (id: string, input: Record<string, unknown>) =>
      (await session.graphql(CATEGORY_UPDATE, { id, input })).data?.categoryUpdate;

    expect((await update(a, { slug: 'a', name: en('a'), parentId: c })).errors).toEqual([
      expect.objectContaining({ code: 'PARENT_INVALID', field: 'parentId' }),
    ]);
    expect((await update(a, { slug: 'a', name: en('a'), parentId: a })).errors[0].code).toBe(
      'PARENT_INVALID',
    );
    expect((await db.prisma.category.findUniqueOrThrow({ where: { id: a } })).parentId).toBeNull();
    // c moves to the top level, after a.
    const moved = await update(c, { slug: 'c-top', name: en('c'), parentId: null });
    expect(moved).toMatchObject({
      errors: [],
      category: { slug: 'c-top', parent: null, position: 1 },
    });
    expect((await update(c, { slug: 'b', name: en('c') })).errors[0]).toMatchObject({
      code: 'SLUG_TAKEN',
      field: 'slug',
    });
    expect(
      (await update('00000000-0000-7000-8000-000000000000', { slug: 'x', name: en('x') })).errors[0]
        .code,
    ).toBe('NOT_FOUND');

    const remove = async (id: string) =>
      (await session.graphql(CATEGORY_DELETE, { id })).data?.categoryDelete;
    expect((await remove(a)).errors[0].code).toBe('HAS_CHILDREN');
    const { seller } = await createSeller('shop-a');
    await db.prisma.product.create({
      data: { slug: 'thing', title: { en: 'Thing' }, categoryId: b, ownerSellerId: seller.id },
    });
    expect((await remove(b)).errors[0].code).toBe('HAS_PRODUCTS');
    expect(await remove(c)).toEqual({ errors: [], category: { slug: 'c-top' } });
    expect(await db.prisma.category.count()).toBe(2);
  });

  describe('every level at once (allLevels)', () => {
    const ALL = `query($first: Int!, $after: String, $parentId: ID) {
      categories(first: $first, after: $after, allLevels: true, parentId: $parentId) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { slug position parent { id slug } } } } }`;

    /** Home (1) › Kitchen (2) › Knives (0), Mugs (1); Garden (0) › Tools (0). Inserted out of order. */
    async function threeLevels() {
      const create = async (slug: string, position: number, parentId: string | null = null) =>
        (
          await db.prisma.category.create({
            data: { slug, position, parentId, name: { en: slug } },
          })
        ).id;
      const home = await create('home', 1);
      const kitchen = await create('kitchen', 2, home);
      await create('mugs', 1, kitchen);
      const garden = await create('garden', 0);
      await create('knives', 0, kitchen);
      await create('tools', 0, garden);
      return { home, kitchen, garden };
    }

    async function page(first: number, after: string | null = null) {
      const result = await api.graphql<any>(ALL, { first, after });
      expect(result.errors).toBeUndefined();
      return result.data.categories;
    }

    it('lists every category, top level first, then each level by position, paged', async () => {
      const { home, kitchen, garden } = await threeLevels();
      const all = await page(100);
      expect(all.totalCount).toBe(6);
      expect(all.pageInfo.hasNextPage).toBe(false);
      expect(
        all.edges.map((e: any) => [e.node.slug, e.node.position, e.node.parent?.slug ?? null]),
      ).toEqual([
        ['garden', 0, null],
        ['home', 1, null],
        ['tools', 0, 'garden'],
        ['kitchen', 2, 'home'],
        ['knives', 0, 'kitchen'],
        ['mugs', 1, 'kitchen'],
      ]);
      expect(all.edges.map((e: any) => e.node.parent?.id ?? null)).toEqual([
        null,
        null,
        garden,
        home,
        kitchen,
        kitchen,
      ]);

      // Pages of 4 then 2 follow the same order without gaps or repeats.
      const first = await page(4);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(4, first.pageInfo.endCursor);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([...first.edges, ...second.edges].map((e: any) => e.node.slug)).toEqual(
        all.edges.map((e: any) => e.node.slug),
      );
      // A category added meanwhile above the cursor does not shift the next page.
      const firstTwo = await page(2);
      await db.prisma.category.create({
        data: { slug: 'attic', position: -1, parentId: null, name: { en: 'Attic' } },
      });
      const rest = await page(100, firstTwo.pageInfo.endCursor);
      expect(rest.edges.map((e: any) => e.node.slug)).toEqual([
        'tools',
        'kitchen',
        'knives',
        'mugs',
      ]);
    });

    it('refuses a parentId, a cursor of one level and first over 100', async () => {
      const { home } = await threeLevels();
      const withParent = await api.graphql<any>(ALL, { first: 10, parentId: home });
      expect(withParent.data).toBeNull();
      expect(withParent.errors?.[0]).toMatchObject({
        message: 'allLevels lists every category: leave parentId out.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const oneLevel = await api.graphql<any>(
        '{ categories(first: 1) { pageInfo { endCursor } } }',
      );
      const foreign = await api.graphql<any>(ALL, {
        first: 10,
        after: oneLevel.data.categories.pageInfo.endCursor,
      });
      expect(foreign.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const tooMany = await api.graphql<any>(ALL, { first: 101 });
      expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it("the back-office's tree and picker documents pass the cost limit and read a page in a few statements", async () => {
      await threeLevels();
      // The list (its parents come from the same page), and the tree's product counts.
      const statements = { CategoryTree: 2, ProductCategoryOptions: 1 };
      for (const [name, most] of Object.entries(statements)) {
        const { source } = spaOperation('backoffice', name);
        sqlLog.length = 0;
        const result = await api.graphql<any>(source, { after: null });
        expect(result.errors, name).toBeUndefined();
        expect(result.status).toBe(200);
        expect(result.data.categories.edges).toHaveLength(6);
        expect(result.data.categories.edges[2].node.parent).not.toBeNull();
        expect(sqlLog.length, name).toBeLessThanOrEqual(most);
      }
    });
  });

  it('only platform admins manage categories', async () => {
    const { owner } = await createSeller('shop-a');
    const seller = await signIn(api, owner.email);
    const result = await seller.graphql(CATEGORY_CREATE, {
      input: { slug: 'x', name: en('X') },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await db.prisma.category.count()).toBe(0);
  });
});
