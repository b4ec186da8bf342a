// A small catalog for the search tests, written straight into the database:
// categories with facet attributes, three sellers, published products with
// offers and stock (one draft), so documents are built the way the indexer
// builds them.
import { type Prisma, syncBuiltInRoles } from '@bazaar/db';
import { createSeller } from './accounts.js';
import { db } from './api.js';

export interface ProductSpec {
  key: string;
  title: Record<string, string>;
  description?: string;
  brand?: string;
  tags?: string[];
  category: string;
  attributes?: Record<string, string | number | boolean>;
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  rating?: number | null;
  sales?: number;
  publishedAt?: string;
  /** seller key, price in cents, available units, backorder. */
  offers?: {
    seller: string;
    price: number;
    stock: number;
    backorder?: boolean;
    inactive?: boolean;
  }[];
  image?: boolean;
}

export const CATALOG_PRODUCTS: ProductSpec[] = [
  {
    key: 'iphone',
    title: { en: 'Apple iPhone 15', 'zh-CN': '苹果手机 15' },
    description: 'A phone with a great camera.',
    brand: 'Apple',
    tags: ['smartphone', '5g'],
    category: 'phones',
    attributes: { storage: '128 GB', color: 'Black', waterproof: true },
    rating: 4.6,
    sales: 500,
    publishedAt: '2026-01-10T00:00:00Z',
    offers: [
      { seller: 'a', price: 79_900, stock: 5 },
      { seller: 'b', price: 82_900, stock: 0 },
    ],
    image: true,
  },
  {
    key: 'galaxy',
    title: { en: 'Samsung Galaxy S24' },
    brand: 'Samsung',
    tags: ['smartphone'],
    category: 'phones',
    attributes: { storage: '256 GB', color: 'Black' },
    rating: 4.2,
    sales: 300,
    publishedAt: '2026-02-01T00:00:00Z',
    offers: [{ seller: 'b', price: 69_900, stock: 0 }],
  },
  {
    key: 'pixel',
    title: { en: 'Google Pixel 8' },
    brand: 'Google',
    category: 'phones',
    attributes: { storage: '128 GB', color: 'White' },
    rating: 3.4,
    sales: 100,
    publishedAt: '2026-03-01T00:00:00Z',
    offers: [
      { seller: 'a', price: 59_900, stock: 3 },
      { seller: 'c', price: 1_000, stock: 9, inactive: true },
    ],
  },
  {
    key: 'macbook',
    title: { en: 'MacBook Air' },
    brand: 'Apple',
    category: 'laptops',
    rating: null,
    sales: 0,
    publishedAt: '2026-05-01T00:00:00Z',
    offers: [],
  },
  {
    key: 'cafe',
    title: { en: 'Café Express Machine' },
    description: 'Makes crème and espresso.',
    brand: 'Bialetti',
    category: 'kitchen',
    rating: null,
    sales: 50,
    publishedAt: '2025-12-01T00:00:00Z',
    offers: [{ seller: 'a', price: 4_999, stock: 10 }],
  },
  {
    key: 'sofa',
    title: { en: 'Linen Sofa', 'zh-CN': '亚麻沙发' },
    brand: 'Habitat',
    category: 'furniture',
    rating: 4.9,
    sales: 20,
    publishedAt: '2026-04-01T00:00:00Z',
    offers: [{ seller: 'b', price: 89_900, stock: 0, backorder: true }],
  },
  {
    key: 'tshirt',
    title: { en: 'Cotton Tee' },
    brand: 'Uniqlo',
    tags: ['basics'],
    category: 'fashion',
    rating: 3.9,
    sales: 1_000,
    publishedAt: '2025-11-01T00:00:00Z',
    offers: [{ seller: 'a', price: 1_500, stock: 100 }],
  },
  {
    key: 'prototype',
    title: { en: 'iPhone Prototype' },
    brand: 'Apple',
    category: 'phones',
    status: 'DRAFT',
    offers: [{ seller: 'a', price: 100, stock: 1 }],
  },
];

const CATEGORIES: {
  slug: string;
  parent?: string;
  name: Record<string, string>;
  position: number;
  definitions?: unknown[];
}[] = [
  { slug: 'electronics', name: { en: 'Electronics', 'zh-CN': '电子产品' }, position: 0 },
  {
    slug: 'phones',
    parent: 'electronics',
    name: { en: 'Phones' },
    position: 0,
    definitions: [
      {
        key: 'storage',
        name: { en: 'Storage', 'zh-CN': '存储' },
        type: 'ENUM',
        options: ['128 GB', '256 GB'],
        required: false,
        facet: true,
      },
      { key: 'color', name: { en: 'Colour' }, type: 'TEXT', required: false, facet: true },
      {
        key: 'waterproof',
        name: { en: 'Waterproof' },
        type: 'BOOLEAN',
        required: false,
        facet: false,
      },
    ],
  },
  { slug: 'laptops', parent: 'electronics', name: { en: 'Laptops' }, position: 1 },
  { slug: 'home', name: { en: 'Home' }, position: 1 },
  { slug: 'kitchen', parent: 'home', name: { en: 'Kitchen' }, position: 0 },
  { slug: 'furniture', parent: 'home', name: { en: 'Furniture' }, position: 1 },
  {
    slug: 'fashion',
    name: { en: 'Fashion' },
    position: 2,
    definitions: [
      { key: 'size', name: { en: 'Size' }, type: 'TEXT', required: false, facet: true },
    ],
  },
];

export interface Catalog {
  categories: Record<string, string>;
  sellers: Record<string, string>;
  products: Record<string, string>;
  /** Stock location per seller. */
  locations: Record<string, string>;
}

/** Deletes every catalog row the search tests write. */
export async function clearCatalog(): Promise<void> {
  await db.prisma.$executeRawUnsafe(
    'TRUNCATE search_documents, search_words, outbox_events, stock_movements, stock_levels, stock_locations, price_history, price_schedules, offers, variants, product_images, media, products, categories, role_assignments, stores, sellers, users CASCADE',
  );
}

export async function createCatalog(specs: ProductSpec[] = CATALOG_PRODUCTS): Promise<Catalog> {
  await syncBuiltInRoles(db.prisma);
  const categories: Record<string, string> = {};
  for (const c of CATEGORIES) {
    const row = await db.prisma.category.create({
      data: {
        slug: c.slug,
        name: c.name,
        position: c.position,
        parentId: c.parent ? categories[c.parent]! : null,
        attributeDefinitions: (c.definitions ?? []) as Prisma.InputJsonValue,
      },
    });
    categories[c.slug] = row.id;
  }
  const sellers: Record<string, string> = {};
  const locations: Record<string, string> = {};
  for (const key of ['a', 'b', 'c']) {
    const { seller } = await createSeller(`seller-${key}`);
    sellers[key] = seller.id;
    const location = await db.prisma.stockLocation.create({
      data: { sellerId: seller.id, kind: 'WAREHOUSE', name: 'Main warehouse' },
    });
    locations[key] = location.id;
  }
  const catalog: Catalog = { categories, sellers, products: {}, locations };
  for (const spec of specs) catalog.products[spec.key] = await createProduct(catalog, spec);
  return catalog;
}

export async function createProduct(catalog: Catalog, spec: ProductSpec): Promise<string> {
  const status = spec.status ?? 'PUBLISHED';
  const product = await db.prisma.product.create({
    data: {
      slug: spec.key,
      categoryId: catalog.categories[spec.category]!,
      brand: spec.brand ?? null,
      tags: spec.tags ?? [],
      title: spec.title,
      description: spec.description ? { en: spec.description } : {},
      attributes: spec.attributes ?? {},
      status,
      ratingAverage: spec.rating ?? null,
      ratingCount: spec.rating ? 10 : 0,
      salesCount: spec.sales ?? 0,
      publishedAt: status === 'PUBLISHED' ? new Date(spec.publishedAt ?? Date.now()) : null,
      variants: { create: [{ sku: `${spec.key}-1` }] },
    },
    include: { variants: true },
  });
  const variant = product.variants[0]!;
  for (const offer of spec.offers ?? []) {
    const created = await db.prisma.offer.create({
      data: {
        variantId: variant.id,
        sellerId: catalog.sellers[offer.seller]!,
        price: offer.price,
        currency: 'USD',
        allowBackorder: offer.backorder ?? false,
        status: offer.inactive ? 'INACTIVE' : 'ACTIVE',
      },
    });
    await db.prisma.stockLevel.create({
      data: {
        offerId: created.id,
        locationId: catalog.locations[offer.seller]!,
        onHand: offer.stock,
        backorder: offer.backorder ?? false,
      },
    });
  }
  if (spec.image) {
    const media = await db.prisma.media.create({
      data: {
        contentType: 'image/png',
        width: 800,
        height: 800,
        bytes: 1_000,
        storageKey: `media/${spec.key}`,
      },
    });
    await db.prisma.productImage.create({ data: { productId: product.id, mediaId: media.id } });
  }
  return product.id;
}
