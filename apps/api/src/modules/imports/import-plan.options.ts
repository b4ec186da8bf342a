// Product options in an import: every variant of a product gives one value of
// each of its options, and the product's options gather the imported values.
import type { AddRowError, ParsedRow } from './import-row.parser.js';
import type { Db, PlanLookups } from './import-plan.lookups.js';
import type { RowReferences } from './import-plan.references.js';
import type { ProductOption } from './import-plan.types.js';
import { parseOptions } from './imports.rules.js';

/** The product a row belongs to: its id, or `new:<slug>` for a product the import creates. */
export function productKeyOf(productOfRow: RowReferences['productOfRow'], row: ParsedRow): string {
  const target = productOfRow.get(row.row)!;
  return target.group && !target.group.existing
    ? `new:${target.group.slug}`
    : (target.productId ?? '');
}

/** The options the row's product has in the database. */
function storedOptionsOf(
  productOfRow: RowReferences['productOfRow'],
  variantBySku: PlanLookups['variantBySku'],
  row: ParsedRow,
) {
  return parseOptions(
    productOfRow.get(row.row)!.group?.existing?.options ?? variantBySku.get(row.skuKey)?.options,
  );
}

/**
 * Every variant of a product gives one value of each of its options (names as
 * the product has them, matched regardless of case), and no two new variants
 * of a product share their values. Writes the product's spelling of the option
 * names back into the rows.
 */
export async function checkOptions(
  db: Db,
  rows: readonly ParsedRow[],
  productOfRow: RowReferences['productOfRow'],
  variantBySku: PlanLookups['variantBySku'],
  failed: (row: number) => boolean,
  addError: AddRowError,
): Promise<void> {
  const productKey = (row: ParsedRow) => productKeyOf(productOfRow, row);
  const storedOptions = (row: ParsedRow) => storedOptionsOf(productOfRow, variantBySku, row);
  const optionNames = new Map<string, string[]>();
  /** Option values taken within a product: by the SKU holding them. */
  const signatures = new Map<string, string>();
  const productsGettingVariants = [
    ...new Set(
      rows.flatMap((row) => {
        const target = productOfRow.get(row.row);
        return !failed(row.row) && target?.group?.existing && !variantBySku.has(row.skuKey)
          ? [target.group.existing.id]
          : [];
      }),
    ),
  ];
  const siblings = productsGettingVariants.length
    ? await db.$queryRaw<{ product_id: string; sku: string; option_values: unknown }[]>`
        SELECT product_id::text, sku::text, option_values FROM variants
         WHERE product_id = ANY(${productsGettingVariants}::uuid[])`
    : [];
  const siblingsByProduct = new Map<string, typeof siblings>();
  for (const sibling of siblings)
    (
      siblingsByProduct.get(sibling.product_id) ??
      siblingsByProduct.set(sibling.product_id, []).get(sibling.product_id)!
    ).push(sibling);
  const signatureOf = (key: string, names: readonly string[], values: Record<string, string>) =>
    `${key}|${JSON.stringify(names.map((name) => (values[name] ?? '').toLowerCase()))}`;
  for (const row of rows) {
    const target = productOfRow.get(row.row);
    if (failed(row.row) || !target?.own) continue;
    const creating = !variantBySku.has(row.skuKey);
    if (!creating && !row.optionValues) continue;
    const key = productKey(row);
    let names = optionNames.get(key);
    if (!names) {
      const stored = storedOptions(row);
      names = stored.length
        ? stored.map((option) => option.name)
        : Object.keys(row.optionValues ?? {});
      optionNames.set(key, names);
      // The product's existing variants hold their values already.
      for (const sibling of siblingsByProduct.get(key) ?? [])
        signatures.set(
          signatureOf(key, names, sibling.option_values as Record<string, string>),
          sibling.sku,
        );
    }
    const productNames = names;
    const canonical: Record<string, string> = {};
    let problem: string | null = null;
    for (const [name, value] of Object.entries(row.optionValues ?? {})) {
      const match = productNames.find(
        (candidate) => candidate.toLowerCase() === name.toLowerCase(),
      );
      if (!match) {
        problem = productNames.length
          ? `The product's options are ${productNames.join(', ')}: "${name}" is not one of them.`
          : `The product has no options: leave option_values empty.`;
        break;
      }
      canonical[match] = value;
    }
    const missing = productNames.filter((name) => !(name in canonical));
    if (!problem && missing.length)
      problem = `Give a value of each option of the product (${missing.join(', ')}).`;
    if (problem) {
      addError(row.row, 'option_values', 'OPTION_INVALID', problem);
      continue;
    }
    if (row.optionValues) row.optionValues = canonical;
    if (creating && productNames.length) {
      const signature = signatureOf(key, productNames, canonical);
      const twin = signatures.get(signature);
      if (twin !== undefined && twin !== row.skuKey) {
        addError(
          row.row,
          'option_values',
          'OPTION_INVALID',
          `SKU ${twin} of this product has the same option values.`,
        );
        continue;
      }
      signatures.set(signature, row.skuKey);
    }
  }
}

/** Options: the existing ones (own products) with every imported variant's values, by productKeyOf. */
export function mergeOptions(
  valid: readonly ParsedRow[],
  productOfRow: RowReferences['productOfRow'],
  variantBySku: PlanLookups['variantBySku'],
): Map<string, ProductOption[]> {
  const optionsKey = (row: ParsedRow) => productKeyOf(productOfRow, row);
  const storedOptions = (row: ParsedRow) => storedOptionsOf(productOfRow, variantBySku, row);
  const optionsByProduct = new Map<string, ProductOption[]>();
  for (const row of valid) {
    const target = productOfRow.get(row.row)!;
    if (!target.own) continue;
    const key = optionsKey(row);
    const options = optionsByProduct.get(key) ?? storedOptions(row);
    optionsByProduct.set(key, options);
    for (const [name, value] of Object.entries(row.optionValues ?? {})) {
      let option = options.find((candidate) => candidate.name === name);
      if (!option) options.push((option = { name, values: [] }));
      const known = option.values.find(
        (candidate) => candidate.toLowerCase() === value.toLowerCase(),
      );
      if (known === undefined) option.values.push(value);
      else row.optionValues![name] = known;
    }
  }
  return optionsByProduct;
}
