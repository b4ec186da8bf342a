// Products and their variants as one editable unit: create (with variants),
// update, and the checks they share with the variant mutations.
import type { Prisma, Product as ProductRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { can } from '../../common/auth/session.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import {
  canManageProduct,
  type ErrorSink,
  isUniqueViolation,
  localizedInput,
  productsChanged,
} from './catalog.common.js';
import type {
  ProductCreateErrorCode,
  ProductCreateInput,
  ProductUpdateErrorCode,
  ProductUpdateInput,
  VariantErrorCode,
  VariantInput,
} from './catalog.types.js';
import {
  cleanAttributes,
  cleanOptions,
  cleanOptionValues,
  cleanTags,
  DIMENSIONS,
  isValidBarcode,
  isValidDimension,
  LIMITS,
  normaliseSku,
  normaliseSlug,
  SLUG_RULE,
  optionSignature,
  parseOptions,
  parseOptionValues,
  slugify,
  type StoredOption,
  type StoredOptionValues,
} from './catalog.validation.js';

type Db = Prisma.TransactionClient;

// ---------------------------------------------------------------------------
// Variants

export interface VariantData {
  sku: string;
  barcode: string | null;
  optionValues: StoredOptionValues;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

/** One variant input checked against the product's options; fields prefixed with `at`. */
export function variantData(
  input: VariantInput,
  options: readonly StoredOption[],
  errors: ErrorSink<VariantErrorCode>,
  at = '',
): VariantData | null {
  const before = errors.list.length;
  const sku = normaliseSku(input.sku);
  if (!sku)
    errors.add(
      'SKU_INVALID',
      `SKUs are 1 to ${LIMITS.skuLength} letters, digits, and . _ - / (starting with a letter or digit).`,
      `${at}sku`,
    );
  const barcode = input.barcode?.trim() || null;
  if (barcode && !isValidBarcode(barcode))
    errors.add(
      'BARCODE_INVALID',
      'Barcodes are 8, 12, 13 or 14 digits (EAN/UPC/GTIN) with a valid check digit.',
      `${at}barcode`,
    );
  const cleaned = cleanOptionValues(input.optionValues ?? [], options);
  if ('problem' in cleaned)
    errors.add(
      'OPTION_INVALID',
      cleaned.problem.message,
      cleaned.problem.index === null
        ? `${at}optionValues`
        : `${at}optionValues.${cleaned.problem.index}`,
    );
  for (const key of DIMENSIONS)
    if (!isValidDimension(key, input[key]))
      errors.add(
        'DIMENSION_INVALID',
        key === 'weightGrams'
          ? `Weight is a whole number of grams, 0 to ${LIMITS.weightGrams}.`
          : `Sizes are whole millimetres, 0 to ${LIMITS.sizeMm}.`,
        `${at}${key}`,
      );
  if (errors.list.length > before) return null;
  return {
    sku: sku!,
    barcode,
    optionValues: 'values' in cleaned ? cleaned.values : {},
    weightGrams: input.weightGrams ?? null,
    lengthMm: input.lengthMm ?? null,
    widthMm: input.widthMm ?? null,
    heightMm: input.heightMm ?? null,
  };
}

/** SKUs among `skus` already used by a variant other than `exceptVariantId` (lower-cased). */
export async function takenSkus(
  db: Db,
  skus: readonly string[],
  exceptVariantId?: string,
): Promise<Set<string>> {
  if (skus.length === 0) return new Set();
  // sku is citext: IN compares regardless of case.
  const rows = await db.variant.findMany({
    where: { sku: { in: [...skus] }, ...(exceptVariantId ? { NOT: { id: exceptVariantId } } : {}) },
    select: { sku: true },
  });
  return new Set(rows.map((row) => row.sku.toLowerCase()));
}

// ---------------------------------------------------------------------------
// Product fields shared by create and update

type FieldCode = ProductCreateErrorCode & ProductUpdateErrorCode;

interface ProductFields {
  data: Prisma.ProductUncheckedUpdateInput;
  /** The options after the change (the stored ones when unchanged). */
  options: StoredOption[];
  optionsChanged: boolean;
}

async function productFields(
  ctx: Context,
  input: ProductCreateInput | ProductUpdateInput,
  errors: ErrorSink<FieldCode>,
  current: ProductRow | null,
): Promise<ProductFields> {
  const data: Prisma.ProductUncheckedUpdateInput = {};
  if (!current || input.title != null) {
    const title = localizedInput(errors, input.title, 'title', {
      maxLength: LIMITS.titleLength,
      requiredCode: 'TITLE_REQUIRED',
    });
    if (title) data.title = title;
  }
  const texts = [
    ['description', LIMITS.descriptionLength],
    ['seoTitle', LIMITS.seoTitleLength],
    ['seoDescription', LIMITS.seoDescriptionLength],
  ] as const;
  for (const [key, maxLength] of texts) {
    if (input[key] == null) continue;
    const text = localizedInput(errors, input[key], key, { maxLength });
    if (text) data[key] = text;
  }
  if (input.brand != null) {
    const brand = input.brand.trim().replace(/\s+/g, ' ');
    if (brand.length > LIMITS.brandLength)
      errors.add('TEXT_TOO_LONG', `At most ${LIMITS.brandLength} characters.`, 'brand');
    else data.brand = brand || null;
  }
  if (input.tags != null) {
    const tags = input.tags.length > LIMITS.tags ? null : cleanTags(input.tags);
    if (input.tags.length > LIMITS.tags)
      errors.add('TOO_MANY', `At most ${LIMITS.tags} tags.`, 'tags');
    else if (!tags)
      errors.add('TEXT_TOO_LONG', `Tags are at most ${LIMITS.tagLength} characters.`, 'tags');
    else data.tags = tags;
  }

  let categoryId = current?.categoryId ?? null;
  let categoryOk = true;
  if (input.categoryId != null) {
    const category = isUuid(input.categoryId)
      ? await ctx.loaders.catalog.categoryById.load(input.categoryId)
      : null;
    if (!category) {
      categoryOk = false;
      errors.add('CATEGORY_INVALID', 'This category does not exist.', 'categoryId');
    } else {
      categoryId = category.id;
      data.categoryId = category.id;
    }
  }
  if (input.attributes != null) {
    if (input.attributes.length > LIMITS.attributes) {
      errors.add('TOO_MANY', `At most ${LIMITS.attributes} attributes.`, 'attributes');
    } else if (categoryOk) {
      const definitions = categoryId
        ? await ctx.loaders.catalog.definitionsByCategory.load(categoryId)
        : [];
      const { attributes, problems } = cleanAttributes(input.attributes, definitions);
      for (const problem of problems)
        errors.add('ATTRIBUTE_INVALID', problem.message, `attributes.${problem.index}`);
      data.attributes = attributes;
    }
  }

  let options = current ? parseOptions(current.options) : [];
  const optionsChanged = input.options != null;
  if (input.options != null) {
    if (input.options.length > LIMITS.options) {
      errors.add('TOO_MANY', `At most ${LIMITS.options} options.`, 'options');
    } else {
      const cleaned = cleanOptions(input.options);
      if ('problem' in cleaned)
        errors.add(
          'OPTION_INVALID',
          cleaned.problem.message,
          cleaned.problem.index === null ? 'options' : `options.${cleaned.problem.index}`,
        );
      else {
        options = cleaned.options;
        data.options = options as unknown as Prisma.InputJsonValue;
      }
    }
  }
  return { data, options, optionsChanged };
}

/** The slug, or the first free `<base>`, `<base>-2`, `<base>-3`... */
async function freeSlug(db: Db, base: string): Promise<string> {
  const rows = await db.$queryRaw<{ slug: string }[]>`
    SELECT slug::text AS slug FROM products WHERE slug = ${base} OR slug LIKE ${`${base}-%`}`;
  const taken = new Set(rows.map((row) => row.slug.toLowerCase()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---------------------------------------------------------------------------
// Mutations

export async function createProduct(ctx: Context, input: ProductCreateInput) {
  const prisma = ctx.db.prisma;
  const errors = new PayloadErrors<ProductCreateErrorCode>();
  const fail = () => ({ product: null, errors: errors.list });
  if (!can(ctx.session, Permission.PRODUCTS_MANAGE, input.sellerId)) {
    errors.add('FORBIDDEN', 'You cannot add products for this seller.', 'sellerId');
    return fail();
  }
  if (
    !isUuid(input.sellerId) ||
    !(await prisma.seller.findUnique({ where: { id: input.sellerId } }))
  ) {
    errors.add('NOT_FOUND', 'This seller does not exist.', 'sellerId');
    return fail();
  }
  const { data, options } = await productFields(ctx, input, errors, null);

  let slug: string | null = null;
  if (input.slug != null && input.slug.trim()) {
    slug = normaliseSlug(input.slug);
    if (!slug) errors.add('SLUG_INVALID', SLUG_RULE, 'slug');
    else if (await prisma.product.findUnique({ where: { slug }, select: { id: true } }))
      errors.add('SLUG_TAKEN', 'Another product uses this slug.', 'slug');
  }

  const variants: VariantData[] = [];
  if (input.variants.length === 0)
    errors.add('VARIANT_REQUIRED', 'Add at least one variant (SKU).', 'variants');
  else if (input.variants.length > LIMITS.variants)
    errors.add('TOO_MANY', `At most ${LIMITS.variants} variants.`, 'variants');
  else {
    const seenSkus = new Map<string, number>();
    const seenOptions = new Map<string, number>();
    for (const [index, variantInput] of input.variants.entries()) {
      const variant = variantData(variantInput, options, errors, `variants.${index}.`);
      if (!variant) continue;
      const skuKey = variant.sku.toLowerCase();
      if (seenSkus.has(skuKey))
        errors.add('SKU_TAKEN', `SKU ${variant.sku} is given twice.`, `variants.${index}.sku`);
      seenSkus.set(skuKey, index);
      const signature = optionSignature(variant.optionValues, options);
      if (seenOptions.has(signature))
        errors.add(
          'OPTION_INVALID',
          `Variants ${seenOptions.get(signature)} and ${index} have the same option values.`,
          `variants.${index}.optionValues`,
        );
      seenOptions.set(signature, index);
      variants.push(variant);
    }
    const taken = await takenSkus(
      prisma,
      variants.map((v) => v.sku),
    );
    input.variants.forEach((variantInput, index) => {
      if (taken.has(variantInput.sku.trim().toLowerCase()))
        errors.add(
          'SKU_TAKEN',
          `SKU ${variantInput.sku.trim()} is already used.`,
          `variants.${index}.sku`,
        );
    });
  }
  if (errors.any) return fail();

  const title = data.title as { en: string };
  // A generated slug that a concurrent create took is regenerated; a chosen one is refused.
  for (let attempt = 0; ; attempt += 1) {
    const productSlug = slug ?? (await freeSlug(prisma, slugify(title.en)));
    try {
      const product = await prisma.$transaction(async (tx) => {
        const created = await tx.product.create({
          data: {
            ...(data as Prisma.ProductUncheckedCreateInput),
            slug: productSlug,
            ownerSellerId: input.sellerId,
            options: options as unknown as Prisma.InputJsonValue,
          },
        });
        await tx.variant.createMany({
          data: variants.map((variant, position) => ({
            ...variant,
            productId: created.id,
            position,
          })),
        });
        await productsChanged(tx, [created.id], { touch: false });
        return created;
      });
      return { product, errors: [] };
    } catch (error) {
      if (isUniqueViolation(error, 'sku')) {
        const taken = await takenSkus(
          prisma,
          variants.map((v) => v.sku),
        );
        variants.forEach((variant, index) => {
          if (taken.has(variant.sku.toLowerCase()))
            errors.add('SKU_TAKEN', `SKU ${variant.sku} is already used.`, `variants.${index}.sku`);
        });
        if (!errors.any) errors.add('SKU_TAKEN', 'One of these SKUs is already used.', 'variants');
        return fail();
      }
      if (isUniqueViolation(error, 'slug')) {
        if (slug || attempt >= 2) {
          errors.add('SLUG_TAKEN', 'Another product uses this slug.', 'slug');
          return fail();
        }
        continue;
      }
      throw error;
    }
  }
}

/** Product lookup for a mutation: NOT_FOUND, then FORBIDDEN unless the caller may edit it. */
export async function manageableProduct(
  ctx: Context,
  id: string,
): Promise<{ product: ProductRow } | { code: 'NOT_FOUND' | 'FORBIDDEN'; message: string }> {
  const product = isUuid(id) ? await ctx.db.prisma.product.findUnique({ where: { id } }) : null;
  if (!product) return { code: 'NOT_FOUND', message: 'This product does not exist.' };
  if (!canManageProduct(ctx.session, product))
    return { code: 'FORBIDDEN', message: 'You cannot edit this product.' };
  return { product };
}

export async function updateProduct(ctx: Context, id: string, input: ProductUpdateInput) {
  const prisma = ctx.db.prisma;
  const errors = new PayloadErrors<ProductUpdateErrorCode>();
  const fail = () => ({ product: null, errors: errors.list });
  const found = await manageableProduct(ctx, id);
  if (!('product' in found)) {
    errors.add(found.code, found.message);
    return fail();
  }
  const current = found.product;
  const { data, options, optionsChanged } = await productFields(ctx, input, errors, current);

  if (input.slug != null) {
    const slug = normaliseSlug(input.slug);
    if (!slug) errors.add('SLUG_INVALID', SLUG_RULE, 'slug');
    else if (await prisma.product.findFirst({ where: { slug, NOT: { id } }, select: { id: true } }))
      errors.add('SLUG_TAKEN', 'Another product uses this slug.', 'slug');
    else data.slug = slug;
  }

  // New options must still describe every variant: kept values stay (matched
  // regardless of case), a new option starts at its first value.
  const remapped: { id: string; optionValues: StoredOptionValues }[] = [];
  if (optionsChanged && !errors.any) {
    const variants = await prisma.variant.findMany({
      where: { productId: id },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
    const signatures = new Map<string, string>();
    for (const variant of variants) {
      const stored = parseOptionValues(variant.optionValues);
      const values: StoredOptionValues = {};
      for (const option of options) {
        const storedName = Object.keys(stored).find(
          (n) => n.toLowerCase() === option.name.toLowerCase(),
        );
        const storedValue = storedName === undefined ? undefined : stored[storedName];
        if (storedValue === undefined) {
          values[option.name] = option.values[0]!;
          continue;
        }
        const value = option.values.find((v) => v.toLowerCase() === storedValue.toLowerCase());
        if (value === undefined) {
          errors.add(
            'OPTION_INVALID',
            `Variant ${variant.sku} uses "${storedValue}" for "${option.name}": keep that value or change the variant first.`,
            'options',
          );
          break;
        }
        values[option.name] = value;
      }
      const signature = optionSignature(values, options);
      if (signatures.has(signature)) {
        errors.add(
          'OPTION_INVALID',
          `Variants ${signatures.get(signature)} and ${variant.sku} would have the same option values.`,
          'options',
        );
      }
      signatures.set(signature, variant.sku);
      remapped.push({ id: variant.id, optionValues: values });
    }
  }
  if (errors.any) return fail();

  try {
    const product = await prisma.$transaction(async (tx) => {
      for (const variant of remapped)
        await tx.variant.update({
          where: { id: variant.id },
          data: { optionValues: variant.optionValues },
        });
      const updated = await tx.product.update({ where: { id }, data });
      await productsChanged(tx, [id], { touch: false });
      return updated;
    });
    return { product, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) {
      errors.add('SLUG_TAKEN', 'Another product uses this slug.', 'slug');
      return fail();
    }
    throw error;
  }
}
