// The publish check ("validate SKU"): everything that keeps a product off the
// storefront, computed for a batch of products in a fixed number of queries.
import type { Prisma, PrismaClient, Product as ProductRow } from '@bazaar/db';
import { DEFAULT_LOCALE, type LocalizedText } from '../../common/i18n/locale.js';
import { activeOfferCountsByProduct } from '../offers/offers.service.js';
import type { CatalogLoaders } from './catalog.loaders.js';
import type { PublishProblem } from './catalog.types.js';
import { storedAttributeProblems } from './catalog.validation.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Variants (of these products) whose barcode another variant also carries. */
async function duplicateBarcodeVariantIds(db: Db, productIds: readonly string[]) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT v.id::text AS id FROM variants v
     WHERE v.product_id = ANY(${[...productIds]}::uuid[]) AND v.barcode IS NOT NULL
       AND EXISTS (SELECT 1 FROM variants w WHERE w.barcode = v.barcode AND w.id <> v.id)`;
  return new Set(rows.map((row) => row.id));
}

export async function computePublishProblems(
  db: Db,
  loaders: Pick<
    CatalogLoaders,
    'imagesByProduct' | 'variantsByProduct' | 'definitionsByCategory' | 'categoryById'
  >,
  products: readonly ProductRow[],
): Promise<PublishProblem[][]> {
  const ids = products.map((product) => product.id);
  const categoryIds = [...new Set(products.flatMap((p) => (p.categoryId ? [p.categoryId] : [])))];
  // One after the other: inside a transaction they share one connection.
  const images = await loaders.imagesByProduct.loadMany(ids);
  const variants = await loaders.variantsByProduct.loadMany(ids);
  const categories = await loaders.categoryById.loadMany(categoryIds);
  const definitions = await loaders.definitionsByCategory.loadMany(categoryIds);
  const offerCounts = await activeOfferCountsByProduct(db, ids);
  const duplicates = await duplicateBarcodeVariantIds(db, ids);
  const definitionsOf = new Map(
    categoryIds.map((id, index) => {
      const found = definitions[index];
      if (found instanceof Error) throw found;
      return [id, found ?? []];
    }),
  );
  const existingCategories = new Set(
    categories.flatMap((c) => {
      if (c instanceof Error) throw c;
      return c ? [c.id] : [];
    }),
  );
  return products.map((product, index) => {
    const problems: PublishProblem[] = [];
    const add = (code: PublishProblem['code'], message: string, field: string | null) =>
      problems.push({ code, field, message });
    const productImages = images[index];
    const productVariants = variants[index];
    if (productImages instanceof Error) throw productImages;
    if (productVariants instanceof Error) throw productVariants;
    if (!(product.title as LocalizedText | null)?.[DEFAULT_LOCALE]?.trim())
      add('NO_TITLE', 'Give the product a title in English.', 'title');
    const hasCategory = product.categoryId !== null && existingCategories.has(product.categoryId);
    if (!hasCategory) add('NO_CATEGORY', 'Choose a category.', 'categoryId');
    if (!productImages?.length) add('NO_IMAGE', 'Add at least one image.', 'images');
    if (!productVariants?.length) add('NO_VARIANT', 'Add at least one variant (SKU).', 'variants');
    if (!offerCounts.get(product.id))
      add('NO_PRICE', 'Offer at least one variant at a price (an active offer).', 'variants');
    productVariants?.forEach((variant, position) => {
      if (duplicates.has(variant.id))
        add(
          'DUPLICATE_BARCODE',
          `Barcode ${variant.barcode} of ${variant.sku} is used by another variant.`,
          `variants.${position}.barcode`,
        );
    });
    if (hasCategory) {
      for (const problem of storedAttributeProblems(
        product.attributes,
        definitionsOf.get(product.categoryId!) ?? [],
      ))
        add('INVALID_ATTRIBUTES', problem.message, `attributes.${problem.key}`);
    }
    return problems;
  });
}
