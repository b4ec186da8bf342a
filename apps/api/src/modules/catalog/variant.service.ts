// Variants (SKUs) and product images, edited one at a time.
import type { Variant as VariantRow } from '@bazaar/db';
import { PayloadErrors } from '../../common/errors/payload.js';
import type { TranslationInput } from '../../common/i18n/locale.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import { isUniqueViolation, localizedInput, productsChanged } from './catalog.common.js';
import type {
  ProductImageAddErrorCode,
  ProductImageRemoveErrorCode,
  ProductImagesReorderErrorCode,
  ProductImageUpdateErrorCode,
  VariantDeleteErrorCode,
  VariantErrorCode,
  VariantInput,
} from './catalog.types.js';
import { LIMITS, optionSignature, parseOptions, parseOptionValues } from './catalog.validation.js';
import { manageableProduct, takenSkus, variantData } from './product.service.js';

type VariantCreateCode = VariantErrorCode | 'TOO_MANY';

async function saveVariant(
  ctx: Context,
  productId: string,
  input: VariantInput,
  current: VariantRow | null,
) {
  const prisma = ctx.db.prisma;
  const errors = new PayloadErrors<VariantCreateCode>();
  const fail = () => ({ variant: null, errors: errors.list });
  const found = await manageableProduct(ctx, productId);
  if (!('product' in found)) {
    errors.add(found.code, found.message);
    return fail();
  }
  const options = parseOptions(found.product.options);
  const siblings = await prisma.variant.findMany({
    where: { productId, ...(current ? { NOT: { id: current.id } } : {}) },
    select: { sku: true, optionValues: true, position: true },
  });
  if (!current && siblings.length >= LIMITS.variants) {
    errors.add('TOO_MANY', `A product has at most ${LIMITS.variants} variants.`);
    return fail();
  }
  const data = variantData(input, options, errors);
  if (!data) return fail();
  const signature = optionSignature(data.optionValues, options);
  const twin = siblings.find(
    (s) => optionSignature(parseOptionValues(s.optionValues), options) === signature,
  );
  if (twin)
    errors.add('OPTION_INVALID', `Variant ${twin.sku} has the same option values.`, 'optionValues');
  if ((await takenSkus(prisma, [data.sku], current?.id)).size)
    errors.add('SKU_TAKEN', `SKU ${data.sku} is already used.`, 'sku');
  if (errors.any) return fail();
  try {
    const variant = await prisma.$transaction(async (tx) => {
      const saved = current
        ? await tx.variant.update({ where: { id: current.id }, data })
        : await tx.variant.create({
            data: {
              ...data,
              productId,
              position: Math.max(-1, ...siblings.map((s) => s.position)) + 1,
            },
          });
      await productsChanged(tx, [productId]);
      return saved;
    });
    return { variant, errors: [] };
  } catch (error) {
    if (isUniqueViolation(error, 'sku')) {
      errors.add('SKU_TAKEN', `SKU ${data.sku} is already used.`, 'sku');
      return fail();
    }
    throw error;
  }
}

export function createVariant(ctx: Context, productId: string, input: VariantInput) {
  return saveVariant(ctx, productId, input, null);
}

export async function updateVariant(ctx: Context, id: string, input: VariantInput) {
  const variant = isUuid(id) ? await ctx.db.prisma.variant.findUnique({ where: { id } }) : null;
  if (!variant)
    return {
      variant: null,
      errors: new PayloadErrors<VariantErrorCode>().add('NOT_FOUND', 'This variant does not exist.')
        .list,
    };
  return saveVariant(ctx, variant.productId, input, variant);
}

export async function deleteVariant(ctx: Context, id: string) {
  const prisma = ctx.db.prisma;
  const errors = new PayloadErrors<VariantDeleteErrorCode>();
  const fail = (code: VariantDeleteErrorCode, message: string) => ({
    variant: null,
    errors: errors.add(code, message).list,
  });
  const variant = isUuid(id) ? await prisma.variant.findUnique({ where: { id } }) : null;
  if (!variant) return fail('NOT_FOUND', 'This variant does not exist.');
  const found = await manageableProduct(ctx, variant.productId);
  if (!('product' in found)) return fail(found.code, found.message);
  if (await prisma.offer.findFirst({ where: { variantId: id }, select: { id: true } }))
    return fail('HAS_OFFERS', 'Sellers offer this variant: withdraw their offers first.');
  if ((await prisma.variant.count({ where: { productId: variant.productId } })) <= 1)
    return fail('LAST_VARIANT', 'A product keeps at least one variant.');
  try {
    await prisma.$transaction(async (tx) => {
      await tx.variant.delete({ where: { id } });
      await productsChanged(tx, [variant.productId]);
    });
  } catch (error) {
    // An offer created meanwhile: the foreign key refuses the delete.
    if ((error as { code?: string }).code === 'P2003')
      return fail('HAS_OFFERS', 'Sellers offer this variant: withdraw their offers first.');
    throw error;
  }
  return { variant, errors: [] };
}

// ---------------------------------------------------------------------------
// Images

function altText<Code extends string>(
  errors: PayloadErrors<Code | 'LOCALE_DUPLICATE' | 'TEXT_TOO_LONG'>,
  alt: readonly TranslationInput[] | null | undefined,
) {
  return localizedInput(errors, alt, 'alt', { maxLength: LIMITS.altLength });
}

export async function addProductImage(
  ctx: Context,
  productId: string,
  mediaId: string,
  alt: readonly TranslationInput[] | null | undefined,
) {
  const prisma = ctx.db.prisma;
  const errors = new PayloadErrors<ProductImageAddErrorCode>();
  const fail = () => ({ productImage: null, errors: errors.list });
  const found = await manageableProduct(ctx, productId);
  if (!('product' in found)) {
    errors.add(found.code, found.message);
    return fail();
  }
  const media = isUuid(mediaId) ? await prisma.media.findUnique({ where: { id: mediaId } }) : null;
  if (!media) errors.add('MEDIA_INVALID', 'Upload the image first (POST /media).', 'mediaId');
  const text = altText(errors, alt);
  const images = await prisma.productImage.findMany({
    where: { productId },
    select: { position: true },
  });
  if (images.length >= LIMITS.images)
    errors.add('TOO_MANY', `A product has at most ${LIMITS.images} images.`);
  if (errors.any) return fail();
  const productImage = await prisma.$transaction(async (tx) => {
    const created = await tx.productImage.create({
      data: {
        productId,
        mediaId,
        alt: text ?? {},
        position: Math.max(-1, ...images.map((i) => i.position)) + 1,
      },
    });
    await productsChanged(tx, [productId]);
    return created;
  });
  return { productImage, errors: [] };
}

async function manageableImage(ctx: Context, id: string) {
  const image = isUuid(id) ? await ctx.db.prisma.productImage.findUnique({ where: { id } }) : null;
  if (!image) return { code: 'NOT_FOUND' as const, message: 'This image does not exist.' };
  const found = await manageableProduct(ctx, image.productId);
  return 'product' in found ? { image } : found;
}

export async function updateProductImage(
  ctx: Context,
  id: string,
  alt: readonly TranslationInput[],
) {
  const errors = new PayloadErrors<ProductImageUpdateErrorCode>();
  const found = await manageableImage(ctx, id);
  if (!('image' in found))
    return { productImage: null, errors: errors.add(found.code, found.message).list };
  const text = altText(errors, alt);
  if (errors.any) return { productImage: null, errors: errors.list };
  const productImage = await ctx.db.prisma.$transaction(async (tx) => {
    const updated = await tx.productImage.update({ where: { id }, data: { alt: text ?? {} } });
    await productsChanged(tx, [found.image.productId]);
    return updated;
  });
  return { productImage, errors: [] };
}

export async function removeProductImage(ctx: Context, id: string) {
  const errors = new PayloadErrors<ProductImageRemoveErrorCode>();
  const found = await manageableImage(ctx, id);
  if (!('image' in found))
    return { productImage: null, errors: errors.add(found.code, found.message).list };
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.productImage.delete({ where: { id } });
    await productsChanged(tx, [found.image.productId]);
  });
  return { productImage: found.image, errors: [] };
}

export async function reorderProductImages(
  ctx: Context,
  productId: string,
  imageIds: readonly string[],
) {
  const prisma = ctx.db.prisma;
  const errors = new PayloadErrors<ProductImagesReorderErrorCode>();
  const found = await manageableProduct(ctx, productId);
  if (!('product' in found))
    return { product: null, errors: errors.add(found.code, found.message).list };
  const images = await prisma.productImage.findMany({
    where: { productId },
    select: { id: true },
  });
  const current = new Set(images.map((image) => image.id));
  if (
    imageIds.length !== current.size ||
    new Set(imageIds).size !== imageIds.length ||
    !imageIds.every((id) => current.has(id))
  )
    return {
      product: null,
      errors: errors.add(
        'IMAGE_IDS_MISMATCH',
        'List every image of the product exactly once.',
        'imageIds',
      ).list,
    };
  const product = await prisma.$transaction(async (tx) => {
    if (imageIds.length)
      await tx.$executeRaw`
        UPDATE product_images i SET position = o.position - 1
          FROM unnest(${[...imageIds]}::uuid[]) WITH ORDINALITY AS o(id, position)
         WHERE i.id = o.id AND i.product_id = ${productId}::uuid`;
    await productsChanged(tx, [productId]);
    return tx.product.findUniqueOrThrow({ where: { id: productId } });
  });
  return { product, errors: [] };
}
