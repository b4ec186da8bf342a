// Shared by the catalog's test files (catalog, offers, inventory): clean tables,
// and rows written straight to the database where a test is not about them.
import type { Media, Offer } from '@bazaar/db';
import { db } from './api.js';

export async function resetCatalog(): Promise<void> {
  await db.prisma.$executeRawUnsafe(
    'TRUNCATE offers, product_images, variants, products, categories, media, outbox_events, search_documents CASCADE',
  );
  await db.prisma.roleAssignment.deleteMany();
  await db.prisma.store.deleteMany();
  await db.prisma.seller.deleteMany();
  await db.prisma.user.deleteMany();
}

let mediaCounter = 0;

/** A media row as POST /media would leave it. */
export function createMedia(): Promise<Media> {
  mediaCounter += 1;
  return db.prisma.media.create({
    data: {
      contentType: 'image/jpeg',
      width: 1200,
      height: 900,
      bytes: 12_345,
      storageKey: `test/${Date.now()}-${mediaCounter}`,
      renditions: [],
    },
  });
}

let productCounter = 0;

/** A product (PUBLISHED unless told) with one variant, titled in English and Chinese. */
export async function createProductWithVariant(
  opts: {
    status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
    ownerSellerId?: string;
    title?: string;
  } = {},
) {
  productCounter += 1;
  const n = productCounter;
  const product = await db.prisma.product.create({
    data: {
      slug: `product-${n}`,
      title: { en: opts.title ?? `Product ${n}`, 'zh-CN': `产品 ${n}` },
      status: opts.status ?? 'PUBLISHED',
      ownerSellerId: opts.ownerSellerId ?? null,
    },
  });
  const variant = await db.prisma.variant.create({
    data: { productId: product.id, sku: `SKU-${n}` },
  });
  return { product, variant };
}

/** An ACTIVE offer as the offers module would create it. */
export function createOffer(variantId: string, sellerId: string, price = 1_999): Promise<Offer> {
  return db.prisma.offer.create({ data: { variantId, sellerId, price, currency: 'USD' } });
}

export const ERRORS = 'errors { code field message }';

export const PRODUCT_FIELDS = `id slug title status brand tags url qrCodeSvgUrl qrCodePngUrl
  titleTranslations { locale value } description seoTitle
  category { id slug } ownerSeller { id }
  attributes { key name type value unit } options { name values }
  variants { id sku barcode title position weightGrams optionValues { name value } }
  images { id alt position image { id width } }`;

export const PRODUCT_CREATE = `mutation($input: ProductCreateInput!) {
  productCreate(input: $input) { product { ${PRODUCT_FIELDS} } ${ERRORS} } }`;

export const PRODUCT_UPDATE = `mutation($id: ID!, $input: ProductUpdateInput!) {
  productUpdate(id: $id, input: $input) { product { ${PRODUCT_FIELDS} } ${ERRORS} } }`;

export const CATEGORY_CREATE = `mutation($input: CategoryInput!) {
  categoryCreate(input: $input) { category { id slug name position parent { slug }
    attributeDefinitions { key name type options unit required facet } } ${ERRORS} } }`;

export const en = (value: string) => [{ locale: 'EN', value }];

/** Counts rows of the catalog tables, to assert a refused mutation changed nothing. */
export async function catalogCounts() {
  const [products, variants, images, categories, events] = await Promise.all([
    db.prisma.product.count(),
    db.prisma.variant.count(),
    db.prisma.productImage.count(),
    db.prisma.category.count(),
    db.prisma.outboxEvent.count(),
  ]);
  return { products, variants, images, categories, events };
}
