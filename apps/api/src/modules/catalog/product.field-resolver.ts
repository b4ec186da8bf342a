// Relation and localized fields of products, variants and product images,
// all through the request's loaders (no query per row).
import type { Seller as SellerRow } from '@bazaar/db';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { pickText, Translation, translationsOf } from '../../common/i18n/locale.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import { Image } from '../media/media.types.js';
import { Seller } from '../sellers/sellers.types.js';
import { canReadProduct } from './catalog.common.js';
import {
  AttributeType,
  Category,
  OptionValue,
  Product,
  ProductAttribute,
  ProductConnection,
  ProductImage,
  ProductOption,
  PublishProblem,
  Variant,
} from './catalog.types.js';
import { attributeText, parseOptions, parseOptionValues } from './catalog.validation.js';
import { listSellerPublishedProducts } from './product-query.service.js';

@Resolver(() => Product)
export class ProductFieldResolver {
  @FieldResolver(() => String)
  title(@Root() product: Product, @Ctx() ctx: Context): string {
    return pickText(product.title, ctx.locale) ?? '';
  }

  @FieldResolver(() => [Translation])
  titleTranslations(@Root() product: Product): Translation[] {
    return translationsOf(product.title);
  }

  @FieldResolver(() => String, { description: 'Markdown.' })
  description(@Root() product: Product, @Ctx() ctx: Context): string {
    return pickText(product.description, ctx.locale) ?? '';
  }

  @FieldResolver(() => [Translation])
  descriptionTranslations(@Root() product: Product): Translation[] {
    return translationsOf(product.description);
  }

  @FieldResolver(() => String, { nullable: true })
  seoTitle(@Root() product: Product, @Ctx() ctx: Context): string | null {
    return pickText(product.seoTitle, ctx.locale);
  }

  @FieldResolver(() => [Translation])
  seoTitleTranslations(@Root() product: Product): Translation[] {
    return translationsOf(product.seoTitle);
  }

  @FieldResolver(() => String, { nullable: true })
  seoDescription(@Root() product: Product, @Ctx() ctx: Context): string | null {
    return pickText(product.seoDescription, ctx.locale);
  }

  @FieldResolver(() => [Translation])
  seoDescriptionTranslations(@Root() product: Product): Translation[] {
    return translationsOf(product.seoDescription);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() product: Product, @Ctx() ctx: Context) {
    return product.categoryId ? ctx.loaders.catalog.categoryById.load(product.categoryId) : null;
  }

  @FieldResolver(() => [ProductAttribute])
  async attributes(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductAttribute[]> {
    const values =
      product.attributes &&
      typeof product.attributes === 'object' &&
      !Array.isArray(product.attributes)
        ? (product.attributes as Record<string, unknown>)
        : {};
    if (Object.keys(values).length === 0) return [];
    const definitions = product.categoryId
      ? await ctx.loaders.catalog.definitionsByCategory.load(product.categoryId)
      : [];
    const defined = new Set(definitions.map((d) => d.key));
    const listed: ProductAttribute[] = definitions
      .filter(
        (definition) => values[definition.key] !== undefined && values[definition.key] !== null,
      )
      .map((definition) => ({
        key: definition.key,
        name: pickText(definition.name, ctx.locale) ?? definition.key,
        type: definition.type,
        value: attributeText(values[definition.key]),
        unit: definition.unit,
      }));
    // Values the category no longer defines (the publish check reports them).
    for (const [key, value] of Object.entries(values)) {
      if (defined.has(key) || value === null || value === undefined) continue;
      listed.push({
        key,
        name: key,
        type:
          typeof value === 'number'
            ? AttributeType.NUMBER
            : typeof value === 'boolean'
              ? AttributeType.BOOLEAN
              : AttributeType.TEXT,
        value: attributeText(value),
        unit: null,
      });
    }
    return listed;
  }

  @FieldResolver(() => [ProductOption])
  options(@Root() product: Product): ProductOption[] {
    return parseOptions(product.options);
  }

  @FieldResolver(() => [ProductImage], { description: 'Ordered by position.' })
  images(@Root() product: Product, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.imagesByProduct.load(product.id);
  }

  @FieldResolver(() => [Variant], { description: 'Ordered by position.' })
  variants(@Root() product: Product, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.variantsByProduct.load(product.id);
  }

  @FieldResolver(() => Seller, {
    nullable: true,
    description: 'The seller that created the product and may edit it; null when platform-managed.',
  })
  ownerSeller(@Root() product: Product, @Ctx() ctx: Context): Promise<SellerRow | null> | null {
    return product.ownerSellerId
      ? ctx.loaders.sellers.sellerById.load(product.ownerSellerId)
      : null;
  }

  @FieldResolver(() => String, {
    description: 'Absolute storefront URL of the product page (what the QR code opens).',
  })
  url(@Root() product: Product, @Ctx() ctx: Context): string {
    return `${ctx.services.env.PUBLIC_URL}/p/${encodeURIComponent(product.slug)}`;
  }

  @FieldResolver(() => String, {
    description: 'QR code that opens `url`, as SVG and PNG downloads.',
  })
  qrCodeSvgUrl(@Root() product: Product, @Ctx() ctx: Context): string {
    return `${ctx.services.env.PUBLIC_URL}/qr/products/${encodeURIComponent(product.slug)}.svg`;
  }

  @FieldResolver(() => String)
  qrCodePngUrl(@Root() product: Product, @Ctx() ctx: Context): string {
    return `${ctx.services.env.PUBLIC_URL}/qr/products/${encodeURIComponent(product.slug)}.png`;
  }

  @FieldResolver(() => [PublishProblem], {
    description: 'What blocks publishing; empty when it can be published. Owner or admin only.',
  })
  publishProblems(@Root() product: Product, @Ctx() ctx: Context) {
    // Others (a seller that only offers it, shoppers) get an empty list.
    if (!canReadProduct(ctx.session, product)) return [];
    return ctx.loaders.catalog.publishProblemsByProduct.load(product.id);
  }
}

@Resolver(() => Variant)
export class VariantFieldResolver {
  @FieldResolver(() => [OptionValue])
  optionValues(@Root() variant: Variant): OptionValue[] {
    return Object.entries(parseOptionValues(variant.optionValues)).map(([name, value]) => ({
      name,
      value,
    }));
  }

  @FieldResolver(() => String, {
    description: 'Product title plus option values, e.g. "Linen shirt / M / Blue".',
  })
  async title(@Root() variant: Variant, @Ctx() ctx: Context): Promise<string> {
    const product = await ctx.loaders.catalog.productById.load(variant.productId);
    const values = parseOptionValues(variant.optionValues);
    const ordered = product
      ? [...parseOptions(product.options).flatMap((o) => (values[o.name] ? [values[o.name]!] : []))]
      : Object.values(values);
    return [pickText(product?.title, ctx.locale) ?? variant.sku, ...ordered].join(' / ');
  }

  @FieldResolver(() => Product)
  async product(@Root() variant: Variant, @Ctx() ctx: Context) {
    const product = await ctx.loaders.catalog.productById.load(variant.productId);
    if (!product) throw new Error(`Variant ${variant.id} has no product`);
    return product;
  }
}

@Resolver(() => ProductImage)
export class ProductImageFieldResolver {
  @FieldResolver(() => Image)
  async image(@Root() productImage: ProductImage, @Ctx() ctx: Context): Promise<Image> {
    const image = await ctx.loaders.media.mediaById.load(productImage.mediaId);
    if (!image) throw new Error(`Product image ${productImage.id} has no media`);
    return image;
  }

  @FieldResolver(() => String)
  alt(@Root() productImage: ProductImage, @Ctx() ctx: Context): string {
    return pickText(productImage.alt, ctx.locale) ?? '';
  }

  @FieldResolver(() => [Translation])
  altTranslations(@Root() productImage: ProductImage): Translation[] {
    return translationsOf(productImage.alt);
  }
}

@Resolver(() => Seller)
export class SellerProductsFieldResolver {
  @FieldResolver(() => ProductConnection, {
    description: 'Published products this seller offers, newest first.',
  })
  products(
    @Root() seller: Seller,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return listSellerPublishedProducts(ctx, seller.id, args);
  }
}
