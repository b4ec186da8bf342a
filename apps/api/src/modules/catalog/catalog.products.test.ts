import { beforeEach, describe, expect, it } from 'vitest';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';
import { db, startApi } from '../../../test/api.js';
import { isUniqueViolation } from './catalog.common.js';
import {
  catalogCounts,
  createMedia,
  createOffer,
  en,
  ERRORS,
  PRODUCT_CREATE,
  PRODUCT_UPDATE,
  resetCatalog,
} from '../../../test/catalog.js';

const VARIANT_CREATE = `mutation($p: ID!, $input: VariantInput!) {
  variantCreate(productId: $p, input: $input) { variant { id sku title optionValues { name value } } ${ERRORS} } }`;
const VARIANT_UPDATE = `mutation($id: ID!, $input: VariantInput!) {
  variantUpdate(id: $id, input: $input) { variant { id sku barcode } ${ERRORS} } }`;
const VARIANT_DELETE = `mutation($id: ID!) { variantDelete(id: $id) { variant { sku } ${ERRORS} } }`;
const IMAGE_ADD = `mutation($p: ID!, $m: ID!, $alt: [TranslationInput!]) {
  productImageAdd(productId: $p, mediaId: $m, alt: $alt) { productImage { id alt position image { id width height } } ${ERRORS} } }`;
const IMAGE_UPDATE = `mutation($id: ID!, $alt: [TranslationInput!]!) {
  productImageUpdate(id: $id, alt: $alt) { productImage { alt altTranslations { locale value } } ${ERRORS} } }`;
const IMAGE_REMOVE = `mutation($id: ID!) { productImageRemove(id: $id) { productImage { id } ${ERRORS} } }`;
const IMAGES_REORDER = `mutation($p: ID!, $ids: [ID!]!) {
  productImagesReorder(productId: $p, imageIds: $ids) { product { images { id position } } ${ERRORS} } }`;
const PUBLISH = `mutation($id: ID!) { productPublish(id: $id) { product { status publishedAt } ${ERRORS} } }`;
const UNPUBLISH = `mutation($id: ID!) { productUnpublish(id: $id) { product { status } ${ERRORS} } }`;
const ARCHIVE = `mutation($id: ID!) { productArchive(id: $id) { product { status } ${ERRORS} } }`;
const BULK = `mutation($ids: [ID!]!, $status: ProductStatus!) {
  productsBulkSetStatus(ids: $ids, status: $status) { products { id status } ${ERRORS} } }`;
const PROBLEMS = `query($id: ID!) { product(id: $id) { publishProblems { code field message } } }`;
const PRODUCT = `query($id: ID, $slug: String) { product(id: $id, slug: $slug) { id slug status title } }`;

const BARCODE = '4006381333931';
const BARCODE_2 = '5901234123457';

type Errors = { code: string; field: string | null }[];
const codes = (errors: Errors) => errors.map((e) => [e.code, e.field]);

describe('catalog: products', async () => {
  const api = await startApi();
  let categoryId: string;
  let shopA: Awaited<ReturnType<typeof createSeller>>;
  let shopB: Awaited<ReturnType<typeof createSeller>>;

  beforeEach(async () => {
    await resetCatalog();
    const clothing = await db.prisma.category.create({
      data: {
        slug: 'clothing',
        name: { en: 'Clothing', 'zh-CN': '服装' },
        attributeDefinitions: [
          {
            key: 'material',
            name: { en: 'Material', 'zh-CN': '材质' },
            type: 'TEXT',
            required: true,
          },
        ],
      },
    });
    categoryId = (
      await db.prisma.category.create({
        data: {
          slug: 'shirts',
          parentId: clothing.id,
          name: { en: 'Shirts' },
          attributeDefinitions: [
            { key: 'weight', name: { en: 'Weight' }, type: 'NUMBER', unit: 'g' },
            { key: 'organic', name: { en: 'Organic' }, type: 'BOOLEAN' },
            { key: 'fit', name: { en: 'Fit' }, type: 'ENUM', options: ['slim', 'regular'] },
          ],
        },
      })
    ).id;
    shopA = await createSeller('shop-a');
    shopB = await createSeller('shop-b');
  });

  const shirt = (overrides: Record<string, unknown> = {}) => ({
    sellerId: shopA.seller.id,
    categoryId,
    title: [
      { locale: 'EN', value: 'Linen shirt' },
      { locale: 'ZH_CN', value: '亚麻衬衫' },
    ],
    description: en('**Breathable** linen.'),
    brand: ' Acme ',
    tags: ['summer', 'Summer', ' linen '],
    attributes: [
      { key: 'material', value: 'Linen' },
      { key: 'weight', value: '180.5' },
      { key: 'organic', value: 'true' },
      { key: 'fit', value: 'Slim' },
    ],
    options: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Blue', 'White'] },
    ],
    variants: [
      {
        sku: 'LIN-S-BLU',
        barcode: BARCODE,
        weightGrams: 200,
        optionValues: [
          { name: 'colour', value: 'blue' },
          { name: 'Size', value: 'S' },
        ],
      },
      {
        sku: 'LIN-M-WHT',
        optionValues: [
          { name: 'Size', value: 'M' },
          { name: 'Colour', value: 'White' },
        ],
      },
    ],
    ...overrides,
  });

  async function createShirt(session: Awaited<ReturnType<typeof signIn>>, overrides = {}) {
    const result = await session.graphql(PRODUCT_CREATE, { input: shirt(overrides) });
    expect(result.data?.productCreate.errors).toEqual([]);
    return result.data?.productCreate.product;
  }

  it('a seller creates a product with variants; slugs, attributes, options and links come out right', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const product = await createShirt(owner);
    expect(product).toMatchObject({
      slug: 'linen-shirt',
      title: 'Linen shirt',
      status: 'DRAFT',
      brand: 'Acme',
      tags: ['summer', 'linen'],
      description: '**Breathable** linen.',
      category: { id: categoryId, slug: 'shirts' },
      ownerSeller: { id: shopA.seller.id },
      url: 'http://localhost:4000/p/linen-shirt',
      qrCodeSvgUrl: 'http://localhost:4000/qr/products/linen-shirt.svg',
      qrCodePngUrl: 'http://localhost:4000/qr/products/linen-shirt.png',
      options: [
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Colour', values: ['Blue', 'White'] },
      ],
      attributes: [
        { key: 'material', name: 'Material', type: 'TEXT', value: 'Linen', unit: null },
        { key: 'weight', name: 'Weight', type: 'NUMBER', value: '180.5', unit: 'g' },
        { key: 'organic', name: 'Organic', type: 'BOOLEAN', value: 'true', unit: null },
        { key: 'fit', name: 'Fit', type: 'ENUM', value: 'slim', unit: null },
      ],
      images: [],
    });
    expect(product.variants).toEqual([
      {
        id: expect.any(String),
        sku: 'LIN-S-BLU',
        barcode: BARCODE,
        title: 'Linen shirt / S / Blue',
        position: 0,
        weightGrams: 200,
        optionValues: [
          { name: 'Size', value: 'S' },
          { name: 'Colour', value: 'Blue' },
        ],
      },
      expect.objectContaining({ sku: 'LIN-M-WHT', position: 1, title: 'Linen shirt / M / White' }),
    ]);
    const events = await db.prisma.outboxEvent.findMany();
    expect(events.map((e) => [e.topic, e.payload])).toEqual([
      ['product.changed', { productId: product.id }],
    ]);

    // The same title again gets a free slug.
    const twin = await createShirt(owner, {
      variants: [
        {
          sku: 'LIN-2',
          optionValues: [
            { name: 'Size', value: 'S' },
            { name: 'Colour', value: 'Blue' },
          ],
        },
      ],
    });
    expect(twin.slug).toBe('linen-shirt-2');

    // Chinese shoppers see the Chinese title; the rest falls back to English.
    const zh = await owner.graphql(PRODUCT_CREATE, {
      input: shirt({
        variants: [
          {
            sku: 'X-1',
            optionValues: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Blue' },
            ],
          },
        ],
      }),
    });
    expect(zh.data?.productCreate.errors).toEqual([]);
    const read = await api.graphql<any>(
      `query($id: ID!) { product(id: $id) { title description category { name } attributes { name } variants { title } } }`,
      { id: product.id },
      { 'accept-language': 'zh-CN,en;q=0.5', authorization: `Bearer ${owner.token}` },
    );
    expect(read.data.product).toEqual({
      title: '亚麻衬衫',
      description: '**Breathable** linen.',
      category: { name: 'Shirts' },
      attributes: [{ name: '材质' }, { name: 'Weight' }, { name: 'Organic' }, { name: 'Fit' }],
      variants: [{ title: '亚麻衬衫 / S / Blue' }, { title: '亚麻衬衫 / M / White' }],
    });
  });

  it('updates fields, keeps the rest, and re-maps variants when options change', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const product = await createShirt(owner);
    await db.prisma.outboxEvent.deleteMany();
    const update = async (input: Record<string, unknown>) =>
      (await owner.graphql(PRODUCT_UPDATE, { id: product.id, input })).data?.productUpdate;

    const updated = await update({
      slug: 'Linen-Shirt-Classic',
      title: en('Classic linen shirt'),
      seoTitle: en('Linen shirt | Acme'),
      options: [
        { name: 'size', values: ['S', 'M', 'L'] },
        { name: 'Colour', values: ['Blue', 'White'] },
        { name: 'Cut', values: ['Regular', 'Slim'] },
      ],
    });
    expect(updated.errors).toEqual([]);
    expect(updated.product).toMatchObject({
      slug: 'linen-shirt-classic',
      title: 'Classic linen shirt',
      seoTitle: 'Linen shirt | Acme',
      brand: 'Acme',
      tags: ['summer', 'linen'],
    });
    // A new option starts at its first value; renamed ones keep their values.
    expect(updated.product.variants.map((v: { title: string }) => v.title)).toEqual([
      'Classic linen shirt / S / Blue / Regular',
      'Classic linen shirt / M / White / Regular',
    ]);
    expect(await db.prisma.outboxEvent.count()).toBe(1);

    const before = await catalogCounts();
    const stored = await db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    // Dropping a value a variant uses, or an option that tells two variants apart, is refused.
    expect(
      codes(
        (
          await update({
            options: [
              { name: 'Size', values: ['M', 'L'] },
              { name: 'Colour', values: ['Blue', 'White'] },
            ],
          })
        ).errors,
      ),
    ).toEqual([['OPTION_INVALID', 'options']]);
    expect(
      codes(
        (
          await update({
            options: [
              { name: 'Size', values: ['S', 'M'] },
              { name: 'Size', values: ['L'] },
            ],
          })
        ).errors,
      ),
    ).toEqual([['OPTION_INVALID', 'options.1']]);
    expect(codes((await update({ categoryId: 'nope' })).errors)).toEqual([
      ['CATEGORY_INVALID', 'categoryId'],
    ]);
    expect(codes((await update({ title: [{ locale: 'ZH_CN', value: '衬衫' }] })).errors)).toEqual([
      ['TITLE_REQUIRED', 'title'],
    ]);
    expect(codes((await update({ seoTitle: en('x'.repeat(71)) })).errors)).toEqual([
      ['TEXT_TOO_LONG', 'seoTitle'],
    ]);
    expect(
      codes((await update({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).errors),
    ).toEqual([['TOO_MANY', 'tags']]);
    expect(
      codes(
        (
          await update({
            attributes: [
              { key: 'weight', value: 'heavy' },
              { key: 'colour', value: 'red' },
            ],
          })
        ).errors,
      ),
    ).toEqual([
      ['ATTRIBUTE_INVALID', 'attributes.0'],
      ['ATTRIBUTE_INVALID', 'attributes.1'],
    ]);
    expect(codes((await update({ slug: 'no spaces' })).errors)).toEqual([['SLUG_INVALID', 'slug']]);
    expect(await catalogCounts()).toEqual(before);
    expect(await db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toEqual(
      stored,
    );
  });

  it('refuses bad products with coded errors and writes nothing', async () => {
    const owner = await signIn(api, shopA.owner.email);
    await createShirt(owner);
    const before = await catalogCounts();
    const attempt = async (overrides: Record<string, unknown>) =>
      codes(
        (await owner.graphql(PRODUCT_CREATE, { input: shirt(overrides) })).data?.productCreate
          .errors,
      );
    const variant = (sku: string, extra: Record<string, unknown> = {}) => ({
      sku,
      optionValues: [
        { name: 'Size', value: 'S' },
        { name: 'Colour', value: 'Blue' },
      ],
      ...extra,
    });

    // Duplicate SKU: taken by another product (regardless of case), or twice in the input.
    expect(await attempt({ variants: [variant('lin-s-blu')] })).toEqual([
      ['SKU_TAKEN', 'variants.0.sku'],
    ]);
    expect(
      await attempt({
        variants: [
          variant('NEW-1'),
          variant('new-1', {
            optionValues: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Blue' },
            ],
          }),
        ],
      }),
    ).toEqual([['SKU_TAKEN', 'variants.1.sku']]);
    expect(await attempt({ variants: [variant('has space')] })).toEqual([
      ['SKU_INVALID', 'variants.0.sku'],
    ]);
    // Barcodes: digits, GTIN lengths, check digit.
    expect(await attempt({ variants: [variant('NEW-1', { barcode: '4006381333932' })] })).toEqual([
      ['BARCODE_INVALID', 'variants.0.barcode'],
    ]);
    expect(await attempt({ variants: [variant('NEW-1', { barcode: '40063813A3931' })] })).toEqual([
      ['BARCODE_INVALID', 'variants.0.barcode'],
    ]);
    expect(
      await attempt({ variants: [variant('NEW-1', { weightGrams: -5, heightMm: 100_001 })] }),
    ).toEqual([
      ['DIMENSION_INVALID', 'variants.0.weightGrams'],
      ['DIMENSION_INVALID', 'variants.0.heightMm'],
    ]);
    // Option values must come from the product's options, one of each.
    expect(
      await attempt({
        variants: [
          variant('NEW-1', {
            optionValues: [
              { name: 'Size', value: 'XXL' },
              { name: 'Colour', value: 'Blue' },
            ],
          }),
        ],
      }),
    ).toEqual([['OPTION_INVALID', 'variants.0.optionValues.0']]);
    expect(
      await attempt({
        variants: [variant('NEW-1', { optionValues: [{ name: 'Size', value: 'S' }] })],
      }),
    ).toEqual([['OPTION_INVALID', 'variants.0.optionValues']]);
    expect(await attempt({ variants: [variant('NEW-1'), variant('NEW-2')] })).toEqual([
      ['OPTION_INVALID', 'variants.1.optionValues'],
    ]);
    // Attribute type errors and unknown keys, at their index.
    expect(
      await attempt({
        attributes: [
          { key: 'weight', value: 'heavy' },
          { key: 'organic', value: 'maybe' },
          { key: 'fit', value: 'baggy' },
          { key: 'colour', value: 'red' },
        ],
        variants: [variant('NEW-1')],
      }),
    ).toEqual([
      ['ATTRIBUTE_INVALID', 'attributes.0'],
      ['ATTRIBUTE_INVALID', 'attributes.1'],
      ['ATTRIBUTE_INVALID', 'attributes.2'],
      ['ATTRIBUTE_INVALID', 'attributes.3'],
    ]);
    expect(
      await attempt({
        categoryId: '00000000-0000-7000-8000-000000000000',
        variants: [variant('NEW-1')],
      }),
    ).toEqual([['CATEGORY_INVALID', 'categoryId']]);
    expect(await attempt({ variants: [] })).toEqual([['VARIANT_REQUIRED', 'variants']]);
    expect(
      await attempt({
        options: [],
        variants: Array.from({ length: 101 }, (_, i) => ({ sku: `MANY-${i}` })),
      }),
    ).toEqual([['TOO_MANY', 'variants']]);
    expect(
      await attempt({
        attributes: Array.from({ length: 101 }, () => ({ key: 'material', value: 'x' })),
        variants: [variant('NEW-1')],
      }),
    ).toEqual([['TOO_MANY', 'attributes']]);
    expect(
      await attempt({ title: [{ locale: 'ZH_CN', value: '衬衫' }], variants: [variant('NEW-1')] }),
    ).toEqual([['TITLE_REQUIRED', 'title']]);
    expect(await attempt({ title: en('x'.repeat(201)), variants: [variant('NEW-1')] })).toEqual([
      ['TEXT_TOO_LONG', 'title'],
    ]);
    expect(
      await attempt({ description: en('x'.repeat(20_001)), variants: [variant('NEW-1')] }),
    ).toEqual([['TEXT_TOO_LONG', 'description']]);
    expect(await attempt({ slug: 'linen-shirt', variants: [variant('NEW-1')] })).toEqual([
      ['SLUG_TAKEN', 'slug'],
    ]);
    expect(await catalogCounts()).toEqual(before);
  });

  it('maps a SKU clash caught by the database (a concurrent create) to SKU_TAKEN', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const input = (title: string) =>
      shirt({
        title: en(title),
        options: [],
        attributes: [],
        variants: [{ sku: 'RACE-1' }],
      });
    const results = await Promise.all(
      ['Racer one', 'Racer two', 'Racer three'].map((title) =>
        owner.graphql(PRODUCT_CREATE, { input: input(title) }),
      ),
    );
    const payloads = results.map((r) => r.data?.productCreate);
    expect(payloads.filter((p) => p.product)).toHaveLength(1);
    for (const payload of payloads.filter((p) => !p.product))
      expect(codes(payload.errors)).toEqual([['SKU_TAKEN', 'variants.0.sku']]);
    expect(await db.prisma.variant.count({ where: { sku: 'race-1' } })).toBe(1);
    expect(await db.prisma.product.count({ where: { slug: { startsWith: 'racer' } } })).toBe(1);
    // The violation itself is recognised by column.
    const error = await db.prisma.variant
      .create({ data: { productId: payloads.find((p) => p.product).product.id, sku: 'Race-1' } })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'sku')).toBe(true);
    expect(isUniqueViolation(error, 'slug')).toBe(false);
  });

  it('only the owner seller or an admin edits a product; salespeople and other sellers cannot', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const product = await createShirt(owner);
    const stored = await db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    const before = await catalogCounts();

    const other = await signIn(api, shopB.owner.email);
    expect(
      codes(
        (await other.graphql(PRODUCT_UPDATE, { id: product.id, input: { brand: 'Hijack' } })).data
          ?.productUpdate.errors,
      ),
    ).toEqual([['FORBIDDEN', null]]);
    expect(
      codes((await other.graphql(PUBLISH, { id: product.id })).data?.productPublish.errors),
    ).toEqual([['FORBIDDEN', null]]);
    expect(
      codes(
        (
          await other.graphql(VARIANT_UPDATE, {
            id: product.variants[0].id,
            input: { sku: 'MINE' },
          })
        ).data?.variantUpdate.errors,
      ),
    ).toEqual([['FORBIDDEN', null]]);
    expect(
      codes(
        (
          await other.graphql(PRODUCT_CREATE, {
            input: shirt({
              variants: [
                {
                  sku: 'B-1',
                  optionValues: [
                    { name: 'Size', value: 'S' },
                    { name: 'Colour', value: 'Blue' },
                  ],
                },
              ],
            }),
          })
        ).data?.productCreate.errors,
      ),
    ).toEqual([['FORBIDDEN', 'sellerId']]);
    // Seller B cannot see A's draft either.
    expect((await other.graphql(PRODUCT, { id: product.id })).data?.product).toBeNull();

    await createUser('sales@example.com', [{ role: 'salesperson', sellerId: shopA.seller.id }]);
    const sales = await signIn(api, 'sales@example.com');
    const refused = await sales.graphql(PRODUCT_UPDATE, {
      id: product.id,
      input: { brand: 'Nope' },
    });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // ...but reads the draft and its publish check (products:read).
    expect((await sales.graphql(PRODUCT, { id: product.id })).data?.product.status).toBe('DRAFT');

    expect(await catalogCounts()).toEqual(before);
    expect(await db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toEqual(
      stored,
    );

    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    const fixed = await admin.graphql(PRODUCT_UPDATE, {
      id: product.id,
      input: { brand: 'Acme Ltd' },
    });
    expect(fixed.data?.productUpdate).toMatchObject({ errors: [], product: { brand: 'Acme Ltd' } });
  });

  it('edits variants: SKU and option checks, never the last one, never one with offers', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const product = await createShirt(owner);
    const [first, second] = product.variants;
    const created = await owner.graphql(VARIANT_CREATE, {
      p: product.id,
      input: {
        sku: 'LIN-M-BLU',
        barcode: BARCODE_2,
        optionValues: [
          { name: 'Size', value: 'M' },
          { name: 'Colour', value: 'Blue' },
        ],
      },
    });
    expect(created.data?.variantCreate).toMatchObject({
      errors: [],
      variant: { sku: 'LIN-M-BLU', title: 'Linen shirt / M / Blue' },
    });
    const third = created.data?.variantCreate.variant;
    const before = await catalogCounts();
    const refusals = [
      [
        VARIANT_CREATE,
        {
          p: product.id,
          input: {
            sku: 'lin-m-wht',
            optionValues: [
              { name: 'Size', value: 'S' },
              { name: 'Colour', value: 'White' },
            ],
          },
        },
        'variantCreate',
        [['SKU_TAKEN', 'sku']],
      ],
      [
        VARIANT_CREATE,
        {
          p: product.id,
          input: {
            sku: 'OTHER',
            optionValues: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Blue' },
            ],
          },
        },
        'variantCreate',
        [['OPTION_INVALID', 'optionValues']],
      ],
      [
        VARIANT_UPDATE,
        {
          id: third.id,
          input: {
            sku: 'LIN-M-BLU',
            barcode: '123',
            optionValues: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Blue' },
            ],
          },
        },
        'variantUpdate',
        [['BARCODE_INVALID', 'barcode']],
      ],
      [
        VARIANT_UPDATE,
        {
          id: third.id,
          input: {
            sku: 'LIN-S-BLU',
            optionValues: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Blue' },
            ],
          },
        },
        'variantUpdate',
        [['SKU_TAKEN', 'sku']],
      ],
      [
        VARIANT_UPDATE,
        { id: '00000000-0000-7000-8000-000000000000', input: { sku: 'X' } },
        'variantUpdate',
        [['NOT_FOUND', null]],
      ],
    ] as const;
    for (const [query, variables, key, expected] of refusals)
      expect(codes((await owner.graphql(query, variables)).data?.[key].errors)).toEqual(expected);
    expect(await catalogCounts()).toEqual(before);

    const updated = await owner.graphql(VARIANT_UPDATE, {
      id: first.id,
      input: {
        sku: 'LIN-S-BLUE',
        barcode: null,
        optionValues: [
          { name: 'Size', value: 'S' },
          { name: 'Colour', value: 'Blue' },
        ],
      },
    });
    expect(updated.data?.variantUpdate).toEqual({
      errors: [],
      variant: { id: first.id, sku: 'LIN-S-BLUE', barcode: null },
    });

    await createOffer(second.id, shopB.seller.id);
    expect(
      codes((await owner.graphql(VARIANT_DELETE, { id: second.id })).data?.variantDelete.errors),
    ).toEqual([['HAS_OFFERS', null]]);
    expect((await owner.graphql(VARIANT_DELETE, { id: third.id })).data?.variantDelete).toEqual({
      errors: [],
      variant: { sku: 'LIN-M-BLU' },
    });
    await db.prisma.offer.deleteMany();
    expect(
      (await owner.graphql(VARIANT_DELETE, { id: second.id })).data?.variantDelete.errors,
    ).toEqual([]);
    expect(
      codes((await owner.graphql(VARIANT_DELETE, { id: first.id })).data?.variantDelete.errors),
    ).toEqual([['LAST_VARIANT', null]]);
    expect(await db.prisma.variant.count({ where: { productId: product.id } })).toBe(1);
  });

  it('adds, describes, reorders and removes images', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const product = await createShirt(owner);
    const [m1, m2, m3] = [await createMedia(), await createMedia(), await createMedia()];
    const add = async (mediaId: string, alt?: unknown) =>
      (await owner.graphql(IMAGE_ADD, { p: product.id, m: mediaId, alt })).data?.productImageAdd;
    const first = await add(m1.id, en('Front'));
    expect(first).toMatchObject({
      errors: [],
      productImage: { alt: 'Front', position: 0, image: { id: m1.id, width: 1200, height: 900 } },
    });
    const second = (await add(m2.id)).productImage;
    const third = (await add(m3.id)).productImage;
    expect(second.position).toBe(1);

    const before = await catalogCounts();
    expect(codes((await add('00000000-0000-7000-8000-000000000000')).errors)).toEqual([
      ['MEDIA_INVALID', 'mediaId'],
    ]);
    expect(codes((await add(m1.id, en('x'.repeat(251)))).errors)).toEqual([
      ['TEXT_TOO_LONG', 'alt'],
    ]);
    const reorder = async (ids: string[]) =>
      (await owner.graphql(IMAGES_REORDER, { p: product.id, ids })).data?.productImagesReorder;
    expect(codes((await reorder([third.id, first.productImage.id])).errors)).toEqual([
      ['IMAGE_IDS_MISMATCH', 'imageIds'],
    ]);
    expect(codes((await reorder([third.id, third.id, first.productImage.id])).errors)).toEqual([
      ['IMAGE_IDS_MISMATCH', 'imageIds'],
    ]);
    expect(await catalogCounts()).toEqual(before);

    const reordered = await reorder([third.id, first.productImage.id, second.id]);
    expect(reordered.product.images).toEqual([
      { id: third.id, position: 0 },
      { id: first.productImage.id, position: 1 },
      { id: second.id, position: 2 },
    ]);
    const described = await owner.graphql(IMAGE_UPDATE, {
      id: second.id,
      alt: [
        { locale: 'EN', value: 'Back' },
        { locale: 'ZH_CN', value: '背面' },
      ],
    });
    expect(described.data?.productImageUpdate).toEqual({
      errors: [],
      productImage: {
        alt: 'Back',
        altTranslations: [
          { locale: 'EN', value: 'Back' },
          { locale: 'ZH_CN', value: '背面' },
        ],
      },
    });
    expect((await owner.graphql(IMAGE_REMOVE, { id: third.id })).data?.productImageRemove).toEqual({
      errors: [],
      productImage: { id: third.id },
    });
    const other = await signIn(api, shopB.owner.email);
    expect(
      codes((await other.graphql(IMAGE_REMOVE, { id: second.id })).data?.productImageRemove.errors),
    ).toEqual([['FORBIDDEN', null]]);
    expect(await db.prisma.productImage.count()).toBe(2);

    // 20 images at most.
    for (let i = 0; i < 18; i += 1) await add((await createMedia()).id);
    expect(codes((await add((await createMedia()).id)).errors)).toEqual([['TOO_MANY', null]]);
    expect(await db.prisma.productImage.count()).toBe(20);
  });

  it('the publish check lists every blocker, refuses to publish, and passes once fixed', async () => {
    const owner = await signIn(api, shopA.owner.email);
    // Another product already carries the barcode.
    await createShirt(owner);
    const draft = await owner.graphql(PRODUCT_CREATE, {
      input: {
        sellerId: shopA.seller.id,
        title: en('Plain tee'),
        options: [{ name: 'Size', values: ['M', 'L'] }],
        variants: [
          { sku: 'TEE-1', optionValues: [{ name: 'Size', value: 'M' }] },
          { sku: 'TEE-2', barcode: BARCODE, optionValues: [{ name: 'Size', value: 'L' }] },
        ],
      },
    });
    const product = draft.data?.productCreate.product;
    const problems = (await owner.graphql(PROBLEMS, { id: product.id })).data?.product
      .publishProblems;
    expect(codes(problems)).toEqual([
      ['NO_CATEGORY', 'categoryId'],
      ['NO_IMAGE', 'images'],
      ['NO_PRICE', 'variants'],
      ['DUPLICATE_BARCODE', 'variants.1.barcode'],
    ]);
    const refused = await owner.graphql(PUBLISH, { id: product.id });
    expect(codes(refused.data?.productPublish.errors)).toEqual(codes(problems));
    expect(refused.data?.productPublish.product).toBeNull();

    // Rows written outside the API (an import, say) can lack a title or variants.
    const bare = await db.prisma.product.create({
      data: { slug: 'bare', title: { 'zh-CN': '光' }, ownerSellerId: shopA.seller.id },
    });
    expect(
      codes((await owner.graphql(PROBLEMS, { id: bare.id })).data?.product.publishProblems),
    ).toEqual([
      ['NO_TITLE', 'title'],
      ['NO_CATEGORY', 'categoryId'],
      ['NO_IMAGE', 'images'],
      ['NO_VARIANT', 'variants'],
      ['NO_PRICE', 'variants'],
    ]);

    // A category whose required attribute is missing: INVALID_ATTRIBUTES.
    await owner.graphql(PRODUCT_UPDATE, {
      id: product.id,
      input: { categoryId, attributes: [{ key: 'weight', value: '150' }] },
    });
    // Stored values the category does not define (written by an import, say) are reported too.
    await db.prisma.product.update({
      where: { id: product.id },
      data: { attributes: { weight: 150, colour: 'red' } },
    });
    expect(
      codes((await owner.graphql(PROBLEMS, { id: product.id })).data?.product.publishProblems),
    ).toEqual([
      ['NO_IMAGE', 'images'],
      ['NO_PRICE', 'variants'],
      ['DUPLICATE_BARCODE', 'variants.1.barcode'],
      ['INVALID_ATTRIBUTES', 'attributes.colour'],
      ['INVALID_ATTRIBUTES', 'attributes.material'],
    ]);

    await owner.graphql(PRODUCT_UPDATE, {
      id: product.id,
      input: {
        attributes: [
          { key: 'material', value: 'Cotton' },
          { key: 'weight', value: '150' },
        ],
      },
    });
    await owner.graphql(IMAGE_ADD, { p: product.id, m: (await createMedia()).id });
    const variants = await db.prisma.variant.findMany({
      where: { productId: product.id },
      orderBy: { position: 'asc' },
    });
    await owner.graphql(VARIANT_UPDATE, {
      id: variants[1]!.id,
      input: { sku: 'TEE-2', barcode: BARCODE_2, optionValues: [{ name: 'Size', value: 'L' }] },
    });
    const offer = await createOffer(variants[0]!.id, shopA.seller.id);
    await db.prisma.offer.update({ where: { id: offer.id }, data: { status: 'INACTIVE' } });
    expect(
      codes((await owner.graphql(PROBLEMS, { id: product.id })).data?.product.publishProblems),
    ).toEqual([['NO_PRICE', 'variants']]);
    await db.prisma.offer.update({ where: { id: offer.id }, data: { status: 'ACTIVE' } });
    expect(
      (await owner.graphql(PROBLEMS, { id: product.id })).data?.product.publishProblems,
    ).toEqual([]);

    await db.prisma.outboxEvent.deleteMany();
    const published = await owner.graphql(PUBLISH, { id: product.id });
    expect(published.data?.productPublish).toMatchObject({
      errors: [],
      product: { status: 'PUBLISHED' },
    });
    const publishedAt = published.data?.productPublish.product.publishedAt;
    expect(publishedAt).toBeTruthy();
    expect(await db.prisma.outboxEvent.count({ where: { topic: 'product.changed' } })).toBe(1);

    // Public now, by id and by slug; shoppers see no publish problems.
    expect((await api.graphql<any>(PRODUCT, { slug: 'plain-tee' })).data.product.status).toBe(
      'PUBLISHED',
    );
    expect(
      (await api.graphql<any>(PROBLEMS, { id: product.id })).data.product.publishProblems,
    ).toEqual([]);

    expect(
      (await owner.graphql(UNPUBLISH, { id: product.id })).data?.productUnpublish.product.status,
    ).toBe('DRAFT');
    expect((await api.graphql<any>(PRODUCT, { id: product.id })).data.product).toBeNull();
    expect((await api.graphql<any>(PRODUCT, { slug: 'plain-tee' })).data.product).toBeNull();
    // Drafts by id for their staff; never by slug.
    expect((await owner.graphql(PRODUCT, { id: product.id })).data?.product.status).toBe('DRAFT');
    expect((await owner.graphql(PRODUCT, { slug: 'plain-tee' })).data?.product).toBeNull();
    // Re-publishing keeps the first publication date.
    expect(
      (await owner.graphql(PUBLISH, { id: product.id })).data?.productPublish.product.publishedAt,
    ).toBe(publishedAt);
    expect(
      (await owner.graphql(ARCHIVE, { id: product.id })).data?.productArchive.product.status,
    ).toBe('ARCHIVED');
  });

  it('bulk status changes apply what passes and report the rest by index', async () => {
    const owner = await signIn(api, shopA.owner.email);
    const ready = await createShirt(owner);
    await owner.graphql(IMAGE_ADD, { p: ready.id, m: (await createMedia()).id });
    await createOffer(ready.variants[0].id, shopA.seller.id);
    const notReady = (
      await owner.graphql(PRODUCT_CREATE, {
        input: { sellerId: shopA.seller.id, title: en('Bare'), variants: [{ sku: 'BARE' }] },
      })
    ).data?.productCreate.product;
    const other = await signIn(api, shopB.owner.email);
    const foreign = (
      await other.graphql(PRODUCT_CREATE, {
        input: { sellerId: shopB.seller.id, title: en('Theirs'), variants: [{ sku: 'THEIRS' }] },
      })
    ).data?.productCreate.product;

    const result = await owner.graphql(BULK, {
      ids: [ready.id, notReady.id, foreign.id, 'junk', ready.id],
      status: 'PUBLISHED',
    });
    const payload = result.data?.productsBulkSetStatus;
    expect(payload.products).toEqual([{ id: ready.id, status: 'PUBLISHED' }]);
    expect(codes(payload.errors)).toEqual([
      ['FORBIDDEN', 'ids.2'],
      ['NOT_FOUND', 'ids.3'],
      ['NO_CATEGORY', 'ids.1'],
      ['NO_IMAGE', 'ids.1'],
      ['NO_PRICE', 'ids.1'],
    ]);
    expect((await db.prisma.product.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe(
      'DRAFT',
    );

    const archived = await owner.graphql(BULK, {
      ids: [ready.id, notReady.id],
      status: 'ARCHIVED',
    });
    expect(archived.data?.productsBulkSetStatus).toEqual({
      errors: [],
      products: [
        { id: ready.id, status: 'ARCHIVED' },
        { id: notReady.id, status: 'ARCHIVED' },
      ],
    });
    const tooMany = await owner.graphql(BULK, {
      ids: Array.from({ length: 101 }, () => ready.id),
      status: 'DRAFT',
    });
    expect(codes(tooMany.data?.productsBulkSetStatus.errors)).toEqual([['TOO_MANY', 'ids']]);
    expect((await db.prisma.product.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe(
      'ARCHIVED',
    );
  });

  it("lists a seller's owned and offered products, and finds products to attach an offer to", async () => {
    const owner = await signIn(api, shopA.owner.email);
    await createShirt(owner);
    const other = await signIn(api, shopB.owner.email);
    const theirs = (
      await other.graphql(PRODUCT_CREATE, {
        input: {
          sellerId: shopB.seller.id,
          categoryId,
          title: en('Wool jumper'),
          variants: [{ sku: 'WOOL-1', barcode: BARCODE_2 }],
        },
      })
    ).data?.productCreate.product;
    await db.prisma.product.update({
      where: { id: theirs.id },
      data: { status: 'PUBLISHED', publishedAt: new Date() },
    });
    // Seller A offers B's jumper.
    await createOffer(theirs.variants[0].id, shopA.seller.id);

    const LIST = `query($s: ID!, $q: String, $status: ProductStatus, $c: ID) {
      sellerProducts(sellerId: $s, query: $q, status: $status, categoryId: $c) { totalCount edges { node { slug } } } }`;
    const list = async (variables: Record<string, unknown>) => {
      const result = await owner.graphql(LIST, { s: shopA.seller.id, ...variables });
      return result.data?.sellerProducts.edges.map((e: { node: { slug: string } }) => e.node.slug);
    };
    expect(await list({})).toEqual(['wool-jumper', 'linen-shirt']);
    expect(
      (await owner.graphql(LIST, { s: shopA.seller.id })).data?.sellerProducts.totalCount,
    ).toBe(2);
    expect(await list({ status: 'DRAFT' })).toEqual(['linen-shirt']);
    expect(await list({ q: 'lin-m' })).toEqual(['linen-shirt']);
    expect(await list({ q: '衬衫' })).toEqual(['linen-shirt']);
    expect(await list({ q: '100%_' })).toEqual([]);
    // A category filter takes in its subcategories.
    const clothing = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'clothing' } });
    expect(await list({ c: clothing.id })).toEqual(['wool-jumper', 'linen-shirt']);
    expect(await list({ c: categoryId })).toEqual(['wool-jumper', 'linen-shirt']);
    const knitwear = await db.prisma.category.create({
      data: { slug: 'knitwear', parentId: clothing.id, name: { en: 'Knitwear' } },
    });
    await db.prisma.product.update({ where: { id: theirs.id }, data: { categoryId: knitwear.id } });
    expect(await list({ c: knitwear.id })).toEqual(['wool-jumper']);
    const forbidden = await other.graphql(LIST, { s: shopA.seller.id });
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // Seller.products: published ones only.
    const shop = await api.graphql<any>(
      `{ seller(slug: "shop-a") { products { edges { node { slug } } } } }`,
    );
    expect(shop.data.seller.products.edges).toEqual([{ node: { slug: 'wool-jumper' } }]);

    const MATCHES = `query($b: String, $t: String) { productMatches(barcode: $b, title: $t) { slug } }`;
    expect((await other.graphql(MATCHES, { b: BARCODE })).data?.productMatches).toEqual([]);
    expect((await owner.graphql(MATCHES, { b: BARCODE })).data?.productMatches).toEqual([
      { slug: 'linen-shirt' },
    ]);
    expect((await other.graphql(MATCHES, { t: 'wol jumpr' })).data?.productMatches).toEqual([
      { slug: 'wool-jumper' },
    ]);
    expect(
      (await owner.graphql(MATCHES, { b: BARCODE_2, t: 'linen shirts' })).data?.productMatches,
    ).toEqual([{ slug: 'wool-jumper' }, { slug: 'linen-shirt' }]);
    const anonymous = await api.graphql<any>(MATCHES, { t: 'wool' });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
