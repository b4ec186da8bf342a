import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/accounts.js';
import { createTestServer, db, startApi } from '../../../test/api.js';
import { COLUMNS } from './imports.csv.js';
import {
  counts,
  createCategories,
  csv,
  importCsv,
  runImports,
  sellerWithOwner,
  upload,
} from '../../../test/imports.js';

const api = await startApi();
const acme = await sellerWithOwner(api, 'acme');
const globex = await sellerWithOwner(api, 'globex');
await createCategories();

const IMPORT_JOB = `query($id: ID!) {
  importJob(id: $id) {
    id fileName dryRun status totalRows processedRows succeededRows failedRows progress
    errors { row column code message } errorReportUrl failure createdAt startedAt finishedAt
  }
}`;

const good = [
  {
    sku: 'SHIRT-S',
    product_slug: 'linen-shirt',
    title_en: 'Linen shirt',
    title_zh_cn: '亚麻衬衫',
    description_en: 'A *linen* shirt.\nCool in summer.',
    category_slug: 'shirts',
    brand: 'Acme',
    tags: 'summer; linen',
    attributes:
      'material=linen; fit=Slim; thread_count=120.5; organic=true; care=Wash cold\\; hang dry',
    option_values: 'Size=S',
    barcode: '4006381333931',
    weight_grams: 250,
    price: 2999,
    compare_at_price: 3999,
    currency: 'usd',
    condition: 'NEW',
    handling_days: 2,
    allow_backorder: 'false',
    location: '',
    on_hand: 10,
  },
  {
    sku: 'SHIRT-M',
    product_slug: 'linen-shirt',
    title_en: 'Linen shirt',
    option_values: 'size=M',
    price: 2999,
    currency: 'USD',
    location: 'acme store',
    on_hand: 3,
  },
  { sku: 'MUG-1', title_en: 'Blue mug', price: 850, currency: 'EUR', on_hand: 0 },
];

describe('a good file', () => {
  let jobId: string;

  beforeAll(async () => {
    const job = await importCsv(api, csv(good), { sellerId: acme.seller.id, token: acme.token });
    jobId = job.id;
  });

  it('lands products, variants, offers, stock and movements', async () => {
    const job = await db.prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      totalRows: 3,
      processedRows: 3,
      succeededRows: 3,
      failedRows: 0,
      errors: [],
      content: '',
    });
    const shirt = await db.prisma.product.findUniqueOrThrow({
      where: { slug: 'linen-shirt' },
      include: { variants: { orderBy: { position: 'asc' } }, category: true },
    });
    expect(shirt).toMatchObject({
      ownerSellerId: acme.seller.id,
      status: 'DRAFT',
      title: { en: 'Linen shirt', 'zh-CN': '亚麻衬衫' },
      description: { en: 'A *linen* shirt.\nCool in summer.' },
      brand: 'Acme',
      tags: ['summer', 'linen'],
      attributes: {
        material: 'Linen',
        fit: 'Slim',
        thread_count: 120.5,
        organic: true,
        care: 'Wash cold; hang dry',
      },
      options: [{ name: 'Size', values: ['S', 'M'] }],
    });
    expect(shirt.category?.slug).toBe('shirts');
    expect(
      shirt.variants.map((v) => [v.sku, v.position, v.optionValues, v.barcode, v.weightGrams]),
    ).toEqual([
      ['SHIRT-S', 0, { Size: 'S' }, '4006381333931', 250],
      ['SHIRT-M', 1, { Size: 'M' }, null, null],
    ]);
    const mug = await db.prisma.product.findUniqueOrThrow({ where: { slug: 'blue-mug' } });
    expect(mug.title).toEqual({ en: 'Blue mug' });

    const offers = await db.prisma.offer.findMany({
      where: { sellerId: acme.seller.id },
      include: {
        variant: true,
        stockLevels: { include: { location: true, movements: true } },
        priceHistory: true,
      },
      orderBy: { variant: { sku: 'asc' } },
    });
    expect(
      offers.map((o) => ({
        sku: o.variant.sku,
        price: o.price,
        compareAtPrice: o.compareAtPrice,
        currency: o.currency,
        handlingDays: o.handlingDays,
        stock: o.stockLevels.map((s) => [s.location.name, s.location.kind, s.onHand]),
        movements: o.stockLevels.flatMap((s) =>
          s.movements.map((m) => [m.delta, m.onHandAfter, m.reason]),
        ),
        history: o.priceHistory.map((h) => [h.price, h.reason]),
      })),
    ).toEqual([
      {
        sku: 'MUG-1',
        price: 850,
        compareAtPrice: null,
        currency: 'EUR',
        handlingDays: 1,
        stock: [['Main warehouse', 'WAREHOUSE', 0]],
        movements: [],
        history: [[850, 'IMPORT']],
      },
      {
        sku: 'SHIRT-M',
        price: 2999,
        compareAtPrice: null,
        currency: 'USD',
        handlingDays: 1,
        stock: [['acme store', 'STORE', 3]],
        movements: [[3, 3, 'IMPORT']],
        history: [[2999, 'IMPORT']],
      },
      {
        sku: 'SHIRT-S',
        price: 2999,
        compareAtPrice: 3999,
        currency: 'USD',
        handlingDays: 2,
        stock: [['Main warehouse', 'WAREHOUSE', 10]],
        movements: [[10, 10, 'IMPORT']],
        history: [[2999, 'IMPORT']],
      },
    ]);
    const events = await db.prisma.outboxEvent.findMany({ where: { topic: 'product.changed' } });
    expect(new Set(events.map((e) => (e.payload as { productId: string }).productId))).toEqual(
      new Set([shirt.id, mug.id]),
    );
  });

  it('is reported through GraphQL', async () => {
    const result = await api.graphql<{ importJob: Record<string, unknown> }>(
      IMPORT_JOB,
      { id: jobId },
      { authorization: `Bearer ${acme.token}` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.importJob).toMatchObject({
      id: jobId,
      fileName: 'import.csv',
      dryRun: false,
      status: 'SUCCEEDED',
      totalRows: 3,
      progress: 100,
      errors: [],
      errorReportUrl: `http://localhost:4000/imports/${jobId}/errors.csv`,
      failure: null,
    });
  });
});

const acmeAuth = () => ({ authorization: `Bearer ${acme.token}` });

describe('a file with bad rows', () => {
  const rows = [
    { sku: 'BAD-1', title_en: 'Good one', price: 100, currency: 'USD', on_hand: 1 },
    { sku: 'BAD-2', title_en: 'Decimal price', price: '19.99', currency: 'USD' },
    { sku: 'BAD-3', title_en: 'Good two', price: 200, currency: 'USD' },
    {
      sku: 'BAD-4',
      title_en: 'Unknown category',
      category_slug: 'nope',
      price: 300,
      currency: 'USD',
    },
    { sku: 'BAD-5', title_en: 'Good three', price: 400, currency: 'JPY' },
  ];
  let jobId: string;

  beforeAll(async () => {
    jobId = (
      await importCsv(api, csv(rows), {
        sellerId: acme.seller.id,
        token: acme.token,
        fileName: 'spring.csv',
      })
    ).id;
  });

  it('reports them by row number and lands the good rows', async () => {
    const result = await api.graphql<{ importJob: Record<string, unknown> }>(
      IMPORT_JOB,
      { id: jobId },
      acmeAuth(),
    );
    expect(result.data?.importJob).toMatchObject({
      fileName: 'spring.csv',
      status: 'SUCCEEDED',
      totalRows: 5,
      processedRows: 5,
      succeededRows: 3,
      failedRows: 2,
      progress: 100,
      errors: [
        {
          row: 2,
          column: 'price',
          code: 'PRICE_INVALID',
          message: expect.stringContaining('1999'),
        },
        { row: 4, column: 'category_slug', code: 'CATEGORY_INVALID', message: expect.any(String) },
      ],
    });
    const skus = await db.prisma.variant.findMany({
      where: { sku: { startsWith: 'BAD-' } },
      select: { sku: true },
      orderBy: { sku: 'asc' },
    });
    expect(skus.map((v) => v.sku)).toEqual(['BAD-1', 'BAD-3', 'BAD-5']);
  });

  it('offers the error report as CSV to the seller only', async () => {
    const url = `/imports/${jobId}/errors.csv`;
    const response = await api.app.inject({ method: 'GET', url, headers: acmeAuth() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('spring-errors.csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('row,column,code,message');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      '2,price,PRICE_INVALID',
      '4,category_slug,CATEGORY_INVALID',
    ]);

    const other = await api.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${globex.token}` },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await api.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('field rules', () => {
  it('refuses each bad row with its code and writes nothing for them', async () => {
    const globexProduct = await db.prisma.product.create({
      data: { slug: 'globex-lamp', title: { en: 'Lamp' }, ownerSellerId: globex.seller.id },
    });
    expect(globexProduct.id).toBeTruthy();
    const base = { title_en: 'Thing', price: 100, currency: 'USD' };
    const rows = [
      { ...base, sku: 'has space' },
      { ...base, sku: 'R-2', barcode: '4006381333932' },
      { ...base, sku: 'R-3', category_slug: 'shirts', attributes: 'thread_count=many' },
      { ...base, sku: 'R-4', category_slug: 'shirts', attributes: 'colour=red' },
      { ...base, sku: 'R-5', category_slug: 'shirts', attributes: 'material=Silk' },
      { ...base, sku: 'R-6', currency: 'XYZ' },
      { ...base, sku: 'R-7', price: -5 },
      { ...base, sku: 'R-8', condition: 'BROKEN' },
      { ...base, sku: 'R-9', location: 'Moon base', on_hand: 1 },
      { ...base, sku: 'R-10', compare_at_price: 100 },
      { ...base, sku: 'R-11', weight_grams: -1 },
      { ...base, sku: 'R-12', handling_days: 400 },
      { ...base, sku: 'R-13', allow_backorder: 'maybe' },
      { sku: 'R-14', price: 100, currency: 'USD' },
      { ...base, sku: 'R-15', product_slug: 'globex-lamp' },
      { ...base, sku: 'R-16', on_hand: 'ten' },
      { ...base, sku: 'R-17', price: '' },
      { ...base, sku: 'R-18', category_slug: 'clothing', attributes: 'organic=perhaps' },
      { ...base, sku: 'R-19', on_hand: -3 },
      { ...base, sku: 'R-20', product_slug: 'Bad Slug!' },
      { ...base, sku: 'R-21', attributes: 'fit=Slim' },
      { ...base, sku: 'DUP', on_hand: 1 },
      { ...base, sku: 'dup', on_hand: 2 },
      { ...base, sku: 'SHIRT-S', product_slug: 'other-product' },
      { ...base, sku: 'R-25', product_slug: 'linen-shirt', option_values: 'Colour=Red' },
      { ...base, sku: 'R-26', product_slug: 'linen-shirt', option_values: 'Size=s' },
    ];
    const before = await counts();
    const job = await importCsv(api, csv(rows), { sellerId: acme.seller.id, token: acme.token });
    const errors = job.errors as { row: number; column: string | null; code: string }[];
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'sku', 'SKU_INVALID'],
      [2, 'barcode', 'BARCODE_INVALID'],
      [3, 'attributes', 'ATTRIBUTE_INVALID'],
      [4, 'attributes', 'ATTRIBUTE_INVALID'],
      [5, 'attributes', 'ATTRIBUTE_INVALID'],
      [6, 'currency', 'CURRENCY_INVALID'],
      [7, 'price', 'PRICE_INVALID'],
      [8, 'condition', 'CONDITION_INVALID'],
      [9, 'location', 'LOCATION_INVALID'],
      [10, 'compare_at_price', 'COMPARE_AT_INVALID'],
      [11, 'weight_grams', 'DIMENSION_INVALID'],
      [12, 'handling_days', 'HANDLING_INVALID'],
      [13, 'allow_backorder', 'BOOLEAN_INVALID'],
      [14, 'title_en', 'TITLE_REQUIRED'],
      [15, 'product_slug', 'SLUG_TAKEN'],
      [16, 'on_hand', 'QUANTITY_INVALID'],
      [17, 'price', 'REQUIRED'],
      [18, 'attributes', 'ATTRIBUTE_INVALID'],
      [19, 'on_hand', 'QUANTITY_INVALID'],
      [20, 'product_slug', 'SLUG_INVALID'],
      [21, 'attributes', 'ATTRIBUTE_INVALID'],
      [23, 'sku', 'DUPLICATE_SKU'],
      [24, 'product_slug', 'SLUG_MISMATCH'],
      [25, 'option_values', 'OPTION_INVALID'],
      [26, 'option_values', 'OPTION_INVALID'],
    ]);
    expect(job).toMatchObject({ status: 'SUCCEEDED', succeededRows: 1, failedRows: 25 });
    const after = await counts();
    // Only row 22 (DUP) landed: a product, a variant, an offer, its stock and history.
    expect(after).toEqual({
      ...before,
      products: before.products + 1,
      variants: before.variants + 1,
      offers: before.offers + 1,
      levels: before.levels + 1,
      movements: before.movements + 1,
      history: before.history + 1,
      events: before.events + 1,
    });
  });
});

describe('a dry run', () => {
  it('checks every row and writes nothing', async () => {
    const before = await counts();
    const rows = [
      { sku: 'DRY-1', title_en: 'Dry one', price: 100, currency: 'USD', on_hand: 5 },
      { sku: 'SHIRT-S', price: 1, currency: 'USD', on_hand: 99 },
      { sku: 'DRY-3', title_en: 'Dry three', price: 'free', currency: 'USD' },
    ];
    const job = await importCsv(api, csv(rows), {
      sellerId: acme.seller.id,
      token: acme.token,
      dryRun: true,
    });
    expect(job).toMatchObject({
      dryRun: true,
      status: 'SUCCEEDED',
      totalRows: 3,
      processedRows: 3,
      succeededRows: 2,
      failedRows: 1,
    });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'price', code: 'PRICE_INVALID' }),
    ]);
    expect(await counts()).toEqual(before);
    const shirt = await db.prisma.offer.findFirstOrThrow({
      where: { sellerId: acme.seller.id, variant: { sku: 'SHIRT-S' } },
    });
    expect(shirt.price).toBe(2999);
  });
});

describe('importing again', () => {
  it('changes nothing when nothing changed', async () => {
    const before = await counts();
    const product = await db.prisma.product.findUniqueOrThrow({ where: { slug: 'linen-shirt' } });
    const job = await importCsv(api, csv(good), { sellerId: acme.seller.id, token: acme.token });
    expect(job).toMatchObject({ status: 'SUCCEEDED', succeededRows: 3, failedRows: 0 });
    expect(await counts()).toEqual(before);
    const again = await db.prisma.product.findUniqueOrThrow({ where: { slug: 'linen-shirt' } });
    expect(again.updatedAt).toEqual(product.updatedAt);
  });

  it('records what changed: a price in the history, stock as a movement', async () => {
    const before = await counts();
    const changed = good.map((row) =>
      row.sku === 'SHIRT-S' ? { ...row, price: 2799, on_hand: 7, title_en: 'Linen shirt II' } : row,
    );
    const job = await importCsv(api, csv(changed), { sellerId: acme.seller.id, token: acme.token });
    expect(job).toMatchObject({ status: 'SUCCEEDED', succeededRows: 3 });
    expect(await counts()).toEqual({
      ...before,
      history: before.history + 1,
      movements: before.movements + 1,
      events: before.events + 1,
    });
    const offer = await db.prisma.offer.findFirstOrThrow({
      where: { sellerId: acme.seller.id, variant: { sku: 'SHIRT-S' } },
      include: {
        priceHistory: { orderBy: { changedAt: 'desc' }, take: 1 },
        stockLevels: { include: { movements: { orderBy: { createdAt: 'desc' }, take: 1 } } },
      },
    });
    expect(offer.price).toBe(2799);
    expect(offer.compareAtPrice).toBe(3999);
    expect(offer.priceHistory[0]).toMatchObject({
      price: 2799,
      reason: 'IMPORT',
      actorId: acme.owner.id,
    });
    expect(offer.stockLevels[0]).toMatchObject({ onHand: 7 });
    expect(offer.stockLevels[0]!.movements[0]).toMatchObject({
      delta: -3,
      onHandAfter: 7,
      reason: 'IMPORT',
      actorId: acme.owner.id,
    });
    const product = await db.prisma.product.findUniqueOrThrow({ where: { slug: 'linen-shirt' } });
    expect(product.title).toEqual({ en: 'Linen shirt II', 'zh-CN': '亚麻衬衫' });
  });

  it('refuses a count below what orders reserved', async () => {
    const level = await db.prisma.stockLevel.findFirstOrThrow({
      where: { offer: { sellerId: acme.seller.id, variant: { sku: 'SHIRT-S' } } },
    });
    await db.prisma.stockLevel.update({ where: { id: level.id }, data: { reserved: 5 } });
    const changed = good.map((row) => (row.sku === 'SHIRT-S' ? { ...row, on_hand: 2 } : row));
    const job = await importCsv(api, csv(changed), { sellerId: acme.seller.id, token: acme.token });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 1, column: 'on_hand', code: 'STOCK_RESERVED' }),
    ]);
    expect(await db.prisma.stockLevel.findUniqueOrThrow({ where: { id: level.id } })).toMatchObject(
      { onHand: 7, reserved: 5 },
    );
    await db.prisma.stockLevel.update({ where: { id: level.id }, data: { reserved: 0 } });
  });
});

describe("another seller's SKU", () => {
  it('gets only an offer: the product is never edited', async () => {
    const job = await importCsv(
      api,
      csv([
        {
          sku: 'shirt-s',
          product_slug: 'somewhere-else',
          title_en: 'Hijacked',
          category_slug: 'nope',
          price: 2500,
          currency: 'USD',
          condition: 'used_good',
          on_hand: 4,
        },
      ]),
      { sellerId: globex.seller.id, token: globex.token },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', succeededRows: 1, errors: [] });
    const product = await db.prisma.product.findUniqueOrThrow({
      where: { slug: 'linen-shirt' },
      include: {
        variants: {
          include: { offers: { include: { stockLevels: { include: { location: true } } } } },
        },
      },
    });
    expect(product.title).toEqual({ en: 'Linen shirt', 'zh-CN': '亚麻衬衫' });
    expect(product.ownerSellerId).toBe(acme.seller.id);
    const offer = product.variants
      .flatMap((v) => v.offers)
      .find((o) => o.sellerId === globex.seller.id)!;
    expect(offer).toMatchObject({ price: 2500, condition: 'USED_GOOD' });
    expect(offer.stockLevels.map((s) => [s.location.name, s.onHand])).toEqual([
      ['Main warehouse', 4],
    ]);
  });
});

describe('refused files', () => {
  async function refusedWith(body: string | Buffer, failure: string | RegExp) {
    const before = await counts();
    const job = await importCsv(api, body, { sellerId: acme.seller.id, token: acme.token });
    expect(job.status).toBe('FAILED');
    expect(job.failure).toMatch(failure);
    expect(job).toMatchObject({ succeededRows: 0, content: '' });
    expect(await counts()).toEqual(before);
    return job;
  }

  it('refuses unknown or missing columns', async () => {
    const job = await refusedWith(
      'sku,price,currency,colour\r\nX-1,100,USD,red\r\n',
      /Unknown column: "colour"/,
    );
    const report = await api.app.inject({
      method: 'GET',
      url: `/imports/${job.id}/errors.csv`,
      headers: acmeAuth(),
    });
    expect(report.body).toMatch(
      /^row,column,code,message\r\n0,,FILE_REFUSED,"?Unknown column: ""colour""/,
    );
    await refusedWith('sku,title_en,currency\r\nX-1,Thing,USD\r\n', /Missing column: price/);
    await refusedWith(
      'sku,price,currency,Price\r\nX-1,1,USD,2\r\n',
      /"price" appears more than once/,
    );
    await refusedWith('', /empty/);
  });

  it('refuses bytes that are not UTF-8 text', async () => {
    const latin1 = Buffer.from('sku,title_en,price,currency\r\nX-1,Caf\xe9,100,EUR\r\n', 'latin1');
    await refusedWith(latin1, 'The file is not UTF-8 text');
    await refusedWith(
      Buffer.from([0x73, 0x6b, 0x75, 0x0a, 0xff, 0xfe, 0x00]),
      'The file is not UTF-8 text',
    );
  });

  it('takes a UTF-8 byte-order mark and ignores blank rows', async () => {
    const job = await importCsv(
      api,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('sku,title_en,price,currency\r\nBOM-1,Café au lait,100,EUR\r\n\r\n,,,\r\n'),
      ]),
      { sellerId: acme.seller.id, token: acme.token },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', totalRows: 1, succeededRows: 1 });
    expect(await db.prisma.product.findUnique({ where: { slug: 'cafe-au-lait' } })).toMatchObject({
      title: { en: 'Café au lait' },
    });
  });

  it('refuses broken quoting and rows of the wrong length', async () => {
    await refusedWith('sku,price,currency\r\n"X-1,100,USD\r\n', /not valid CSV/);
    const job = await importCsv(api, 'sku,price,currency\r\nX-1,100\r\n', {
      sellerId: acme.seller.id,
      token: acme.token,
    });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 1, column: null, code: 'ROW_INVALID' }),
    ]);
  });

  it('refuses more than 50,000 rows', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => `S-${i},1,USD`).join('\n');
    await refusedWith(`sku,price,currency\n${rows}\n`, /more than 50,000 rows/);
  });

  it('refuses more than 20 MB, and bodies that are not CSV', async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    const response = await upload(api, huge, { sellerId: acme.seller.id, token: acme.token });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const json = await upload(api, '{}', {
      sellerId: acme.seller.id,
      token: acme.token,
      contentType: 'application/json',
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('permissions', () => {
  const file = csv([{ sku: 'P-1', title_en: 'Perm', price: 1, currency: 'USD' }]);

  it('needs a valid bearer token', async () => {
    const anonymous = await upload(api, file, { sellerId: acme.seller.id });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await upload(api, file, { sellerId: acme.seller.id, token: 'not-a-token' });
    expect(forged.statusCode).toBe(401);
  });

  it('needs products, offers and inventory management for the seller', async () => {
    const other = await upload(api, file, { sellerId: acme.seller.id, token: globex.token });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });

    const cataloguer = await createUser('cataloguer@acme.test', [
      {
        role: {
          name: 'Cataloguer',
          scope: 'SELLER',
          permissions: ['products:manage', 'offers:manage'],
        },
        sellerId: acme.seller.id,
      },
    ]);
    const client = await signIn(api, cataloguer.email);
    const partial = await upload(api, file, { sellerId: acme.seller.id, token: client.token });
    expect(partial.statusCode).toBe(403);

    const missing = await upload(api, file, { sellerId: 'nope', token: acme.token });
    expect(missing.statusCode).toBe(400);
    await runImports(api);
    expect(await db.prisma.variant.count({ where: { sku: 'P-1' } })).toBe(0);
  });

  it("shows a seller's jobs to its own staff only", async () => {
    const job = await db.prisma.importJob.findFirstOrThrow({ where: { sellerId: acme.seller.id } });
    const theirs = await api.graphql<{ importJob: unknown }>(
      IMPORT_JOB,
      { id: job.id },
      { authorization: `Bearer ${globex.token}` },
    );
    expect(theirs.data?.importJob).toBeNull();
    const LIST = `query($sellerId: ID!, $after: String) {
      importJobs(sellerId: $sellerId, first: 2, after: $after) {
        totalCount edges { node { id status progress } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const refused = await api.graphql(
      LIST,
      { sellerId: acme.seller.id },
      {
        authorization: `Bearer ${globex.token}`,
      },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    type Page = {
      importJobs: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const all = await db.prisma.importJob.findMany({
      where: { sellerId: acme.seller.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    const first = await api.graphql<Page>(LIST, { sellerId: acme.seller.id }, acmeAuth());
    const second = await api.graphql<Page>(
      LIST,
      { sellerId: acme.seller.id, after: first.data!.importJobs.pageInfo.endCursor },
      acmeAuth(),
    );
    expect(first.data!.importJobs.totalCount).toBe(all.length);
    expect(
      [...first.data!.importJobs.edges, ...second.data!.importJobs.edges].map((e) => e.node.id),
    ).toEqual(all.slice(0, 4).map((j) => j.id));
  });
});

describe('one offer at several locations', () => {
  it('takes a row per location and keeps one offer', async () => {
    const row = { sku: 'LAMP-1', title_en: 'Desk lamp', price: 4500, currency: 'USD' };
    const job = await importCsv(
      api,
      csv([
        { ...row, location: 'Main warehouse', on_hand: 8 },
        { ...row, location: 'ACME STORE', on_hand: 2 },
        { ...row, condition: 'REFURBISHED', price: 3000, on_hand: 1 },
        { ...row, price: 4000, location: 'acme store', on_hand: 3 },
      ]),
      { sellerId: acme.seller.id, token: acme.token },
    );
    expect((job.errors as { row: number; code: string }[]).map((e) => [e.row, e.code])).toEqual([
      [4, 'OFFER_CONFLICT'],
    ]);
    const offers = await db.prisma.offer.findMany({
      where: { variant: { sku: 'LAMP-1' } },
      include: { stockLevels: { include: { location: true } } },
      orderBy: { condition: 'asc' },
    });
    expect(
      offers.map((o) => [
        o.condition,
        o.price,
        o.stockLevels.map((s) => [s.location.name, s.onHand]).sort(),
      ]),
    ).toEqual([
      [
        'NEW',
        4500,
        [
          ['Main warehouse', 8],
          ['acme store', 2],
        ],
      ],
      ['REFURBISHED', 3000, [['Main warehouse', 1]]],
    ]);
  });
});

describe('export', () => {
  const exportCsv = (sellerId: string, token: string) =>
    api.app.inject({
      method: 'GET',
      url: `/exports/catalog.csv?sellerId=${sellerId}`,
      headers: { authorization: `Bearer ${token}` },
    });

  it("lists the seller's offers in the import format", async () => {
    const response = await exportCsv(acme.seller.id, acme.token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...lines] = response.body.trim().split('\r\n');
    expect(header).toBe(COLUMNS.join(','));
    const shirt = lines.find((line) => line.startsWith('SHIRT-S,'));
    expect(shirt).toBe(
      'SHIRT-S,linen-shirt,Linen shirt,亚麻衬衫,"A *linen* shirt.\nCool in summer.",shirts,Acme,' +
        'summer; linen,fit=Slim; care=Wash cold\\; hang dry; organic=true; material=Linen; thread_count=120.5,' +
        'Size=S,4006381333931,250,2799,3999,USD,NEW,2,false,Main warehouse,7',
    );
    expect(response.body.includes('SHIRT-M,linen-shirt')).toBe(true);
    const refused = await exportCsv(acme.seller.id, globex.token);
    expect(refused.statusCode).toBe(403);
  });

  it('imports back without changing anything', async () => {
    for (const seller of [acme, globex]) {
      const exported = await exportCsv(seller.seller.id, seller.token);
      const rows = exported.body.trim().split('\r\n').length - 1;
      expect(rows).toBeGreaterThan(0);
      const before = await counts();
      const job = await importCsv(api, exported.body, {
        sellerId: seller.seller.id,
        token: seller.token,
      });
      expect(job).toMatchObject({
        status: 'SUCCEEDED',
        totalRows: rows,
        succeededRows: rows,
        errors: [],
      });
      expect(await counts()).toEqual(before);
    }
  });
});

describe('the background job', () => {
  it('runs an upload at once in the server that received it', async () => {
    const app = await createTestServer({ runImports: true });
    try {
      await app.ready();
      const response = await app.inject({
        method: 'POST',
        url: `/imports?sellerId=${acme.seller.id}&dryRun=true`,
        headers: { 'content-type': 'text/csv', ...acmeAuth() },
        payload: csv([{ sku: 'BG-1', title_en: 'Background', price: 1, currency: 'USD' }]),
      });
      expect(response.statusCode).toBe(202);
      const { id } = response.json() as { id: string };
      let job = await db.prisma.importJob.findUniqueOrThrow({ where: { id } });
      for (let i = 0; i < 100 && job.status !== 'SUCCEEDED' && job.status !== 'FAILED'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = await db.prisma.importJob.findUniqueOrThrow({ where: { id } });
      }
      expect(job).toMatchObject({ status: 'SUCCEEDED', dryRun: true, succeededRows: 1 });
    } finally {
      await app.close();
    }
  });
});
