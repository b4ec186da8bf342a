// Reading and checking an import: every row is parsed and validated (fields,
// import-row.parser.ts; then what it refers to in the database, looked up in
// bulk: import-plan.lookups.ts, import-plan.references.ts,
// import-plan.options.ts), and the valid rows are turned into the writes
// import.job.ts applies batch by batch. A dry run stops after this step.
import type { Column } from './imports.csv.js';
import { uuidv7 } from '../../common/ids/uuidv7.js';
import { type ParsedRow, type RowError, checkRowsAgree } from './import-row.parser.js';
import { type Db, locationKey, lookUpPlanData } from './import-plan.lookups.js';
import { checkOptions, mergeOptions, productKeyOf } from './import-plan.options.js';
import { type Group, resolveReferences } from './import-plan.references.js';
import type {
  ImportPlan,
  LocationRef,
  NewProduct,
  ProductUpdate,
  RowWrites,
} from './import-plan.types.js';

/** Validates parsed rows against the database (read-only, bulk look-ups) and plans the writes. */
export async function planImport(
  db: Db,
  sellerId: string,
  records: readonly { parsed: ParsedRow | null; errors: RowError[] }[],
): Promise<ImportPlan> {
  const errorsByRow = new Map<number, RowError[]>();
  const addError = (row: number, column: Column | null, code: string, message: string) => {
    const list = errorsByRow.get(row) ?? errorsByRow.set(row, []).get(row)!;
    list.push({ row, column, code, message });
  };
  for (const record of records)
    for (const error of record.errors)
      addError(error.row, error.column as Column, error.code, error.message);
  const failed = (row: number) => errorsByRow.has(row);
  let rows = records.flatMap((record) => (record.parsed ? [record.parsed] : []));

  checkRowsAgree(rows, addError);
  rows = rows.filter((row) => !failed(row.row));

  const lookups = await lookUpPlanData(db, sellerId, rows);
  const { variantBySku, offerByKey } = lookups;
  const { groups, productOfRow, categoryOfRow, attributesOfRow, locationOfRow } = resolveReferences(
    rows,
    sellerId,
    lookups,
    addError,
  );
  await checkOptions(db, rows, productOfRow, variantBySku, failed, addError);

  // A new product is made from its first valid row with a title.
  const sourceOfGroup = new Map<Group, ParsedRow>();
  for (const group of groups.values()) {
    if (group.existing) continue;
    const validRows = group.rows.filter((row) => !failed(row.row));
    const source = validRows.find((row) => row.title.en);
    if (source) sourceOfGroup.set(group, source);
    else
      for (const row of validRows)
        addError(
          row.row,
          'title_en',
          'TITLE_REQUIRED',
          `Product "${group.slug}" is new: give its title_en (at least on its first row).`,
        );
  }

  // ---- The writes of the valid rows, in file order.
  const valid = rows.filter((row) => !failed(row.row));
  const writes: RowWrites[] = [];
  const newProducts = new Map<Group, NewProduct>();
  const productUpdates = new Map<string, ProductUpdate>();
  const productsTouched = new Set<string>();
  const variantIdBySku = new Map<string, string>();
  const offerKeysSeen = new Set<string>();
  const nextPosition = new Map<string, number>();
  const neededLocations = new Map<string, LocationRef>();

  const optionsByProduct = mergeOptions(valid, productOfRow, variantBySku);
  const optionsKey = (row: ParsedRow) => productKeyOf(productOfRow, row);

  for (const row of valid) {
    const target = productOfRow.get(row.row)!;
    const existingVariant = variantBySku.get(row.skuKey);
    const offerKey = `${row.skuKey}|${row.condition}`;
    const write: RowWrites = {
      row: row.row,
      sku: row.sku,
      skuKey: row.skuKey,
      productId: '',
      variantId: '',
      offerKey,
    };
    // The product.
    if (target.group && !target.group.existing) {
      let product = newProducts.get(target.group);
      if (!product) {
        const source = sourceOfGroup.get(target.group)!;
        product = {
          id: uuidv7(),
          slug: target.group.slug,
          categoryId: categoryOfRow.get(source.row) ?? null,
          title: source.title,
          description: source.description,
          brand: source.brand,
          tags: source.tags ?? [],
          attributes: attributesOfRow.get(source.row) ?? {},
          options: optionsByProduct.get(optionsKey(row)) ?? [],
        };
        newProducts.set(target.group, product);
        write.createProduct = product;
      }
      write.productId = product.id;
    } else {
      write.productId = target.productId!;
      if (target.own && !productsTouched.has(write.productId)) {
        productsTouched.add(write.productId);
        const update: ProductUpdate = {
          id: write.productId,
          title: {},
          description: {},
          categoryId: null,
          brand: null,
          tags: null,
          attributes: null,
          options: optionsByProduct.get(optionsKey(row)) ?? null,
        };
        productUpdates.set(write.productId, update);
        write.updateProduct = update;
      }
      // Product fields come from the first row giving them.
      const update = productUpdates.get(write.productId);
      if (target.own && update) {
        update.title = { ...row.title, ...update.title };
        update.description = { ...row.description, ...update.description };
        update.categoryId ??= row.categorySlug ? (categoryOfRow.get(row.row) ?? null) : null;
        update.brand ??= row.brand;
        update.tags ??= row.tags;
        update.attributes ??= attributesOfRow.get(row.row) ?? null;
      }
    }
    // The variant.
    const knownVariantId = variantIdBySku.get(row.skuKey);
    if (knownVariantId) write.variantId = knownVariantId;
    else if (existingVariant) {
      write.variantId = existingVariant.id;
      if (target.own)
        write.updateVariant = {
          id: existingVariant.id,
          barcode: row.barcode,
          optionValues: row.optionValues,
          weightGrams: row.weightGrams,
        };
    } else {
      const base =
        nextPosition.get(write.productId) ?? (target.group?.existing?.max_position ?? -1) + 1;
      nextPosition.set(write.productId, base + 1);
      write.variantId = uuidv7();
      write.createVariant = {
        id: write.variantId,
        productId: write.productId,
        sku: row.sku,
        barcode: row.barcode,
        optionValues: row.optionValues ?? {},
        position: base,
        weightGrams: row.weightGrams,
      };
    }
    variantIdBySku.set(row.skuKey, write.variantId);
    // The offer.
    if (!offerKeysSeen.has(offerKey)) {
      offerKeysSeen.add(offerKey);
      const existingOffer = offerByKey.get(`${write.variantId}|${row.condition}`);
      write.offer = {
        key: offerKey,
        id: existingOffer?.id ?? uuidv7(),
        exists: Boolean(existingOffer),
        variantId: write.variantId,
        condition: row.condition,
        price: row.price,
        compareAtPrice: row.compareAtPrice,
        compareGiven: row.compareGiven,
        currency: row.currency,
        handlingDays: row.handlingDays,
        allowBackorder: row.allowBackorder,
      };
    }
    // The stock.
    if (row.onHand !== null) {
      const location = locationOfRow.get(row.row)!;
      if (location.kind !== 'existing') neededLocations.set(locationKey(location), location);
      write.stock = { offerKey, location, onHand: row.onHand };
    }
    writes.push(write);
  }

  const errors = [...errorsByRow.values()].flat().sort((a, b) => a.row - b.row);
  return {
    totalRows: records.length,
    errors,
    rows: writes,
    invalidRows: new Set(errorsByRow.keys()),
    locations: [...neededLocations.values()],
  };
}
