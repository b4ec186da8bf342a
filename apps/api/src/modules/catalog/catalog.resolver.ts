import { Permission } from '@bazaar/schema';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Public } from '../../common/auth/access.js';
import { TranslationInput } from '../../common/i18n/locale.js';
import type { Context } from '../../context.js';
import {
  CategoriesArgs,
  Category,
  CategoryConnection,
  CategoryCreatePayload,
  CategoryDeletePayload,
  CategoryInput,
  CategoryUpdatePayload,
  Product,
  ProductArchivePayload,
  ProductConnection,
  ProductCreateInput,
  ProductCreatePayload,
  ProductImageAddPayload,
  ProductImageRemovePayload,
  ProductImagesReorderPayload,
  ProductImageUpdatePayload,
  ProductPublishPayload,
  ProductsArgs,
  ProductsBulkSetStatusPayload,
  ProductStatus,
  ProductUnpublishPayload,
  ProductUpdateInput,
  ProductUpdatePayload,
  SellerProductsArgs,
  VariantCreatePayload,
  VariantDeletePayload,
  VariantInput,
  VariantUpdatePayload,
} from './catalog.types.js';
import * as categories from './category.service.js';
import * as productQueries from './product-query.service.js';
import * as productStatus from './product-status.service.js';
import * as products from './product.service.js';
import * as variants from './variant.service.js';

/** Product edits: products:manage for the owner seller, or categories:manage (admins). */
const EDIT = [Permission.PRODUCTS_MANAGE, Permission.CATEGORIES_MANAGE] as const;

@Resolver()
export class CatalogResolver {
  // ---- Queries

  @Query(() => CategoryConnection, {
    description:
      'Public. Children of parentId, or the top level; ordered by position. With allLevels, every category (the whole tree, flat).',
  })
  @Public()
  categories(@Args(() => CategoriesArgs) args: CategoriesArgs, @Ctx() ctx: Context) {
    return categories.listCategories(ctx, args);
  }

  @Query(() => Category, { nullable: true, description: 'Public.' })
  @Public()
  category(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    return categories.findCategory(ctx, slug);
  }

  @Query(() => Product, {
    nullable: true,
    description: 'Public: published products only, unless the caller can manage it (drafts by id).',
  })
  @Public()
  product(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Ctx() ctx: Context,
  ) {
    return productQueries.findProduct(ctx, id, slug);
  }

  @Query(() => ProductConnection, {
    description: 'Public: published products, newest first by default.',
  })
  @Public()
  products(@Args(() => ProductsArgs) args: ProductsArgs, @Ctx() ctx: Context) {
    return productQueries.listProducts(ctx, args);
  }

  @Query(() => ProductConnection, {
    description: 'products:read for the seller: products it owns or offers, any status.',
  })
  @Allow(Permission.PRODUCTS_READ)
  sellerProducts(@Args(() => SellerProductsArgs) args: SellerProductsArgs, @Ctx() ctx: Context) {
    return productQueries.listSellerProducts(ctx, args);
  }

  @Query(() => [Product], {
    description:
      'offers:manage anywhere: published or owned products matching a barcode or title, to attach an offer to.',
  })
  @Allow(Permission.OFFERS_MANAGE)
  productMatches(
    @Arg('barcode', () => String, { nullable: true }) barcode: string | null,
    @Arg('title', () => String, { nullable: true }) title: string | null,
    @Ctx() ctx: Context,
  ) {
    return productQueries.productMatches(ctx, barcode, title);
  }

  // ---- Categories

  @Mutation(() => CategoryCreatePayload, { description: 'categories:manage.' })
  @Allow(Permission.CATEGORIES_MANAGE)
  categoryCreate(@Arg('input', () => CategoryInput) input: CategoryInput, @Ctx() ctx: Context) {
    return categories.createCategory(ctx, input);
  }

  @Mutation(() => CategoryUpdatePayload)
  @Allow(Permission.CATEGORIES_MANAGE)
  categoryUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CategoryInput) input: CategoryInput,
    @Ctx() ctx: Context,
  ) {
    return categories.updateCategory(ctx, id, input);
  }

  @Mutation(() => CategoryDeletePayload, {
    description: 'Refused while it has children or products.',
  })
  @Allow(Permission.CATEGORIES_MANAGE)
  categoryDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return categories.deleteCategory(ctx, id);
  }

  // ---- Products

  @Mutation(() => ProductCreatePayload, { description: 'products:manage for input.sellerId.' })
  @Allow(...EDIT)
  productCreate(
    @Arg('input', () => ProductCreateInput) input: ProductCreateInput,
    @Ctx() ctx: Context,
  ) {
    return products.createProduct(ctx, input);
  }

  @Mutation(() => ProductUpdatePayload, {
    description: 'products:manage for the owner seller (or categories:manage platform-wide).',
  })
  @Allow(...EDIT)
  productUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ProductUpdateInput) input: ProductUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return products.updateProduct(ctx, id, input);
  }

  @Mutation(() => ProductPublishPayload, {
    description: 'Refused with the publish problems as errors until there are none.',
  })
  @Allow(...EDIT)
  productPublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return productStatus.publishProduct(ctx, id);
  }

  @Mutation(() => ProductUnpublishPayload, { description: 'Back to draft.' })
  @Allow(...EDIT)
  productUnpublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return productStatus.unpublishProduct(ctx, id);
  }

  @Mutation(() => ProductArchivePayload)
  @Allow(...EDIT)
  productArchive(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return productStatus.archiveProduct(ctx, id);
  }

  @Mutation(() => ProductsBulkSetStatusPayload, {
    description:
      'Bulk action from the product list: at most 100 ids; each one checked as the single mutation would.',
  })
  @Allow(...EDIT)
  productsBulkSetStatus(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('status', () => ProductStatus) status: ProductStatus,
    @Ctx() ctx: Context,
  ) {
    return productStatus.bulkSetStatus(ctx, ids, status);
  }

  // ---- Variants

  @Mutation(() => VariantCreatePayload)
  @Allow(...EDIT)
  variantCreate(
    @Arg('productId', () => ID) productId: string,
    @Arg('input', () => VariantInput) input: VariantInput,
    @Ctx() ctx: Context,
  ) {
    return variants.createVariant(ctx, productId, input);
  }

  @Mutation(() => VariantUpdatePayload)
  @Allow(...EDIT)
  variantUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => VariantInput) input: VariantInput,
    @Ctx() ctx: Context,
  ) {
    return variants.updateVariant(ctx, id, input);
  }

  @Mutation(() => VariantDeletePayload, { description: 'Refused while it has offers.' })
  @Allow(...EDIT)
  variantDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return variants.deleteVariant(ctx, id);
  }

  // ---- Images

  @Mutation(() => ProductImageAddPayload, {
    description: 'mediaId comes from POST /media (multipart, field "file").',
  })
  @Allow(...EDIT)
  productImageAdd(
    @Arg('productId', () => ID) productId: string,
    @Arg('mediaId', () => ID) mediaId: string,
    @Arg('alt', () => [TranslationInput], { nullable: true }) alt: TranslationInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return variants.addProductImage(ctx, productId, mediaId, alt);
  }

  @Mutation(() => ProductImageUpdatePayload)
  @Allow(...EDIT)
  productImageUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('alt', () => [TranslationInput]) alt: TranslationInput[],
    @Ctx() ctx: Context,
  ) {
    return variants.updateProductImage(ctx, id, alt);
  }

  @Mutation(() => ProductImageRemovePayload)
  @Allow(...EDIT)
  productImageRemove(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return variants.removeProductImage(ctx, id);
  }

  @Mutation(() => ProductImagesReorderPayload, {
    description: 'Every image id of the product, in the new order.',
  })
  @Allow(...EDIT)
  productImagesReorder(
    @Arg('productId', () => ID) productId: string,
    @Arg('imageIds', () => [ID]) imageIds: string[],
    @Ctx() ctx: Context,
  ) {
    return variants.reorderProductImages(ctx, productId, imageIds);
  }
}
