// Writers of an import batch for the catalog tables: products and variants,
// set-based (unnest + INSERT ... ON CONFLICT DO NOTHING / UPDATE ... WHERE IS
// DISTINCT FROM). Each adds the products it changed to `touched`.
import type { Prisma } from '@bazaar/db';
import type { RowWrites } from './import-plan.types.js';

type Tx = Prisma.TransactionClient;

/** A JSON value as a text parameter (null stays null). */
const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** New products, then the seller's own existing ones where something differs. */
export async function writeProducts(
  tx: Tx,
  sellerId: string,
  rows: RowWrites[],
  touched: Set<string>,
  lostProducts: Set<string>,
): Promise<void> {
  const creates = rows.flatMap((row) => (row.createProduct ? [row.createProduct] : []));
  if (creates.length) {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO products (id, slug, category_id, owner_seller_id, brand, tags, title,
                            description, attributes, options, status, updated_at)
      SELECT i.id, i.slug::citext, i.category_id, ${sellerId}::uuid, i.brand,
             ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)), i.title::jsonb,
             i.description::jsonb, i.attributes::jsonb, i.options::jsonb, 'DRAFT', now()
        FROM unnest(${creates.map((p) => p.id)}::uuid[], ${creates.map((p) => p.slug)}::text[],
                    ${creates.map((p) => p.categoryId)}::uuid[], ${creates.map((p) => p.brand)}::text[],
                    ${creates.map((p) => json(p.tags))}::text[], ${creates.map((p) => json(p.title))}::text[],
                    ${creates.map((p) => json(p.description))}::text[],
                    ${creates.map((p) => json(p.attributes))}::text[], ${creates.map((p) => json(p.options))}::text[])
             AS i(id, slug, category_id, brand, tags, title, description, attributes, options)
      ON CONFLICT (slug) DO NOTHING
      RETURNING id::text`;
    const ok = new Set(inserted.map((row) => row.id));
    for (const product of creates) {
      if (ok.has(product.id)) touched.add(product.id);
      else lostProducts.add(product.id);
    }
  }
  const updates = rows.flatMap((row) => (row.updateProduct ? [row.updateProduct] : []));
  if (updates.length) {
    const updated = await tx.$queryRaw<{ id: string }[]>`
      UPDATE products p
         SET title = n.title, description = n.description, category_id = n.category_id,
             brand = n.brand, tags = n.tags, attributes = n.attributes, options = n.options,
             updated_at = now()
        FROM (SELECT p0.id,
                     p0.title || i.title::jsonb AS title,
                     p0.description || i.description::jsonb AS description,
                     coalesce(i.category_id, p0.category_id) AS category_id,
                     coalesce(i.brand, p0.brand) AS brand,
                     CASE WHEN i.tags IS NULL THEN p0.tags
                          ELSE ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)) END AS tags,
                     coalesce(i.attributes::jsonb, p0.attributes) AS attributes,
                     coalesce(i.options::jsonb, p0.options) AS options
                FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => json(u.title))}::text[],
                            ${updates.map((u) => json(u.description))}::text[],
                            ${updates.map((u) => u.categoryId)}::uuid[], ${updates.map((u) => u.brand)}::text[],
                            ${updates.map((u) => json(u.tags))}::text[], ${updates.map((u) => json(u.attributes))}::text[],
                            ${updates.map((u) => json(u.options))}::text[])
                     AS i(id, title, description, category_id, brand, tags, attributes, options)
                JOIN products p0 ON p0.id = i.id) n
       WHERE p.id = n.id AND p.owner_seller_id = ${sellerId}::uuid
         AND (p.title, p.description, p.category_id, p.brand, p.tags, p.attributes, p.options)
             IS DISTINCT FROM (n.title, n.description, n.category_id, n.brand, n.tags, n.attributes, n.options)
      RETURNING p.id::text`;
    for (const row of updated) touched.add(row.id);
  }
}

/** New variants, then the seller's own existing ones where something differs. */
export async function writeVariants(
  tx: Tx,
  rows: RowWrites[],
  touched: Set<string>,
  lostSkus: Set<string>,
): Promise<void> {
  const creates = rows.flatMap((row) => (row.createVariant ? [row.createVariant] : []));
  if (creates.length) {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO variants (id, product_id, sku, barcode, option_values, position, weight_grams, updated_at)
      SELECT i.id, i.product_id, i.sku::citext, i.barcode, i.option_values::jsonb, i.position,
             i.weight_grams, now()
        FROM unnest(${creates.map((v) => v.id)}::uuid[], ${creates.map((v) => v.productId)}::uuid[],
                    ${creates.map((v) => v.sku)}::text[], ${creates.map((v) => v.barcode)}::text[],
                    ${creates.map((v) => json(v.optionValues))}::text[], ${creates.map((v) => v.position)}::int[],
                    ${creates.map((v) => v.weightGrams)}::int[])
             AS i(id, product_id, sku, barcode, option_values, position, weight_grams)
      ON CONFLICT (sku) DO NOTHING
      RETURNING id::text`;
    const ok = new Set(inserted.map((row) => row.id));
    for (const variant of creates) {
      if (ok.has(variant.id)) touched.add(variant.productId);
      else lostSkus.add(variant.sku.toLowerCase());
    }
  }
  const updates = rows.flatMap((row) => (row.updateVariant ? [row.updateVariant] : []));
  if (updates.length) {
    const updated = await tx.$queryRaw<{ product_id: string }[]>`
      UPDATE variants v
         SET barcode = n.barcode, option_values = n.option_values, weight_grams = n.weight_grams,
             updated_at = now()
        FROM (SELECT v0.id, coalesce(i.barcode, v0.barcode) AS barcode,
                     coalesce(i.option_values::jsonb, v0.option_values) AS option_values,
                     coalesce(i.weight_grams, v0.weight_grams) AS weight_grams
                FROM unnest(${updates.map((v) => v.id)}::uuid[], ${updates.map((v) => v.barcode)}::text[],
                            ${updates.map((v) => json(v.optionValues))}::text[],
                            ${updates.map((v) => v.weightGrams)}::int[])
                     AS i(id, barcode, option_values, weight_grams)
                JOIN variants v0 ON v0.id = i.id) n
       WHERE v.id = n.id
         AND (v.barcode, v.option_values, v.weight_grams)
             IS DISTINCT FROM (n.barcode, n.option_values, n.weight_grams)
      RETURNING v.product_id::text`;
    for (const row of updated) touched.add(row.product_id);
  }
}
