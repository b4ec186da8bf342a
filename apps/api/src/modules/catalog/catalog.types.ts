// The catalog's GraphQL types. Object types are shaped like their database
// rows (Prisma models), so any module holding a `products` row can hand it to
// GraphQL as a Product: localized JSON columns and relations are resolved by
// the field resolvers in catalog.resolver.ts (through the catalog loaders).
import type { Prisma } from '@bazaar/db';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  MutationPayload,
  type PayloadErrorShape,
  PayloadErrorType,
} from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { TranslationInput } from '../../common/i18n/locale.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { CAPPED_TOTAL_COUNT } from '../../common/pagination/capped-count.js';

// ---------------------------------------------------------------------------
// Enums

export const ProductStatus = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  ARCHIVED: 'ARCHIVED',
} as const;
export type ProductStatus = (typeof ProductStatus)[keyof typeof ProductStatus];
registerEnumType(ProductStatus, { name: 'ProductStatus' });

export const AttributeType = {
  TEXT: 'TEXT',
  NUMBER: 'NUMBER',
  BOOLEAN: 'BOOLEAN',
  ENUM: 'ENUM',
} as const;
export type AttributeType = (typeof AttributeType)[keyof typeof AttributeType];
registerEnumType(AttributeType, { name: 'AttributeType' });

export const ProductSort = { NEWEST: 'NEWEST', TITLE: 'TITLE', UPDATED: 'UPDATED' } as const;
export type ProductSort = (typeof ProductSort)[keyof typeof ProductSort];
registerEnumType(ProductSort, { name: 'ProductSort' });

export const PublishProblemCode = {
  NO_TITLE: 'NO_TITLE',
  NO_CATEGORY: 'NO_CATEGORY',
  NO_IMAGE: 'NO_IMAGE',
  NO_VARIANT: 'NO_VARIANT',
  NO_PRICE: 'NO_PRICE',
  DUPLICATE_BARCODE: 'DUPLICATE_BARCODE',
  INVALID_ATTRIBUTES: 'INVALID_ATTRIBUTES',
} as const;
export type PublishProblemCode = (typeof PublishProblemCode)[keyof typeof PublishProblemCode];
registerEnumType(PublishProblemCode, { name: 'PublishProblemCode' });

// ---------------------------------------------------------------------------
// Object types (row-shaped; see the note at the top)

@ObjectType()
export class AttributeDefinition {
  @Field(() => String)
  key!: string;

  /** Localized { en, zh-CN }; `name` and `nameTranslations` are resolved from it. */
  nameText!: Prisma.JsonValue;

  @Field(() => AttributeType)
  type!: AttributeType;

  @Field(() => [String], { description: 'Allowed values of an ENUM attribute.' })
  options!: string[];

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => Boolean, { description: 'Offered as a search facet.' })
  facet!: boolean;
}

@ObjectType()
export class Category {
  @Field(() => ID)
  id!: string;

  parentId!: string | null;

  @Field(() => String)
  slug!: string;

  @Field(() => Int)
  position!: number;

  /** Localized JSON: resolved into `name` / `nameTranslations`. */
  name!: Prisma.JsonValue;

  /** Localized JSON: resolved into `description` / `descriptionTranslations`. */
  description!: Prisma.JsonValue;

  @Field(() => String, { nullable: true })
  imageUrl!: string | null;

  /** Stored definitions: resolved (with the ancestors' ones) into `attributeDefinitions`. */
  attributeDefinitions!: Prisma.JsonValue;

  createdAt!: Date;
  updatedAt!: Date;
}

@ObjectType()
export class ProductAttribute {
  @Field(() => String)
  key!: string;

  @Field(() => String, {
    description: "The definition's name in the request's locale; the key when undefined.",
  })
  name!: string;

  @Field(() => AttributeType)
  type!: AttributeType;

  @Field(() => String, {
    description: 'Canonical text: numbers as decimals, booleans as "true"/"false".',
  })
  value!: string;

  @Field(() => String, { nullable: true })
  unit!: string | null;
}

@ObjectType()
export class ProductOption {
  @Field(() => String, { description: 'e.g. "Size".' })
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@ObjectType()
export class OptionValue {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType()
export class ProductImage {
  @Field(() => ID)
  id!: string;

  productId!: string;
  mediaId!: string;

  /** Localized JSON: resolved into `alt` / `altTranslations`. */
  alt!: Prisma.JsonValue;

  @Field(() => Int)
  position!: number;

  createdAt!: Date;
}

@ObjectType()
export class Variant {
  @Field(() => ID)
  id!: string;

  productId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String, { nullable: true })
  barcode!: string | null;

  /** { <option name>: value }: resolved into `optionValues`. */
  optionValues!: Prisma.JsonValue;

  @Field(() => Int, { nullable: true })
  weightGrams!: number | null;

  @Field(() => Int, { nullable: true })
  lengthMm!: number | null;

  @Field(() => Int, { nullable: true })
  widthMm!: number | null;

  @Field(() => Int, { nullable: true })
  heightMm!: number | null;

  @Field(() => Int)
  position!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

@ObjectType({ description: 'Something that blocks publishing a product.' })
export class PublishProblem {
  @Field(() => PublishProblemCode)
  code!: PublishProblemCode;

  @Field(() => String, {
    nullable: true,
    description: 'Input field at fault as a dotted path, e.g. "variants.1.barcode".',
  })
  field!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  categoryId!: string | null;
  ownerSellerId!: string | null;

  @Field(() => String, { nullable: true })
  brand!: string | null;

  @Field(() => [String])
  tags!: string[];

  /** Localized JSON columns, resolved per request locale by the field resolvers. */
  title!: Prisma.JsonValue;
  description!: Prisma.JsonValue;
  seoTitle!: Prisma.JsonValue;
  seoDescription!: Prisma.JsonValue;
  /** { key: value } and [{ name, values }]: resolved into `attributes` / `options`. */
  attributes!: Prisma.JsonValue;
  options!: Prisma.JsonValue;

  @Field(() => ProductStatus)
  status!: ProductStatus;

  @Field(() => Number, { nullable: true })
  ratingAverage!: number | null;

  @Field(() => Int)
  ratingCount!: number;

  salesCount!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const ProductConnection = ConnectionType('Product', Product, {
  totalCountDescription: CAPPED_TOTAL_COUNT,
});
/** Exported for search, which builds ProductEdge lists of its own. */
export const ProductEdge = ProductConnection.Edge;
export type ProductEdge = InstanceType<typeof ProductEdge>;

export const CategoryConnection = ConnectionType('Category', Category, {
  totalCountDescription: CAPPED_TOTAL_COUNT,
});

// ---------------------------------------------------------------------------
// Inputs

@InputType()
export class AttributeDefinitionInput {
  @Field(() => String)
  key!: string;

  @Field(() => [TranslationInput])
  name!: TranslationInput[];

  @Field(() => AttributeType)
  type!: AttributeType;

  @Field(() => [String], { nullable: true })
  options?: string[] | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  required!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  facet!: boolean;
}

@InputType()
export class CategoryInput {
  @Field(() => ID, { nullable: true, description: 'Null for a top-level category.' })
  parentId?: string | null;

  @Field(() => String)
  slug!: string;

  @Field(() => [TranslationInput])
  name!: TranslationInput[];

  @Field(() => [TranslationInput], { nullable: true })
  description?: TranslationInput[] | null;

  @Field(() => String, { nullable: true })
  imageUrl?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number | null;

  @Field(() => [AttributeDefinitionInput], { nullable: true })
  attributeDefinitions?: AttributeDefinitionInput[] | null;
}

@InputType()
export class ProductAttributeInput {
  @Field(() => String)
  key!: string;

  @Field(() => String, {
    description: 'Parsed by the definition\'s type: "12.5", "true", one of the options.',
  })
  value!: string;
}

@InputType()
export class ProductOptionInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@InputType()
export class OptionValueInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@InputType()
export class VariantInput {
  @Field(() => String)
  sku!: string;

  @Field(() => String, { nullable: true })
  barcode?: string | null;

  @Field(() => [OptionValueInput], { nullable: true })
  optionValues?: OptionValueInput[] | null;

  @Field(() => Int, { nullable: true })
  weightGrams?: number | null;

  @Field(() => Int, { nullable: true })
  lengthMm?: number | null;

  @Field(() => Int, { nullable: true })
  widthMm?: number | null;

  @Field(() => Int, { nullable: true })
  heightMm?: number | null;
}

@InputType()
export class ProductCreateInput {
  @Field(() => ID, {
    description: 'The seller creating it (becomes ownerSeller); needs products:manage there.',
  })
  sellerId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Generated from the English title when omitted.',
  })
  slug?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => [TranslationInput])
  title!: TranslationInput[];

  @Field(() => [TranslationInput], { nullable: true })
  description?: TranslationInput[] | null;

  @Field(() => String, { nullable: true })
  brand?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductOptionInput], { nullable: true })
  options?: ProductOptionInput[] | null;

  @Field(() => [TranslationInput], { nullable: true })
  seoTitle?: TranslationInput[] | null;

  @Field(() => [TranslationInput], { nullable: true })
  seoDescription?: TranslationInput[] | null;

  @Field(() => [VariantInput], { description: 'At least one.' })
  variants!: VariantInput[];
}

@InputType({ description: 'Fields left out (null) are unchanged; lists replace the stored ones.' })
export class ProductUpdateInput {
  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => [TranslationInput], { nullable: true })
  title?: TranslationInput[] | null;

  @Field(() => [TranslationInput], { nullable: true })
  description?: TranslationInput[] | null;

  @Field(() => String, { nullable: true })
  brand?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductOptionInput], { nullable: true })
  options?: ProductOptionInput[] | null;

  @Field(() => [TranslationInput], { nullable: true })
  seoTitle?: TranslationInput[] | null;

  @Field(() => [TranslationInput], { nullable: true })
  seoDescription?: TranslationInput[] | null;
}

// ---------------------------------------------------------------------------
// Query arguments

@ArgsType()
export class CategoriesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Every category at every level instead of one level: ordered by depth, then position; build the tree from parent ids.',
  })
  allLevels: boolean = false;
}

@ArgsType()
export class ProductsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true })
  categorySlug?: string | null;

  @Field(() => ProductSort, { defaultValue: ProductSort.NEWEST })
  sort: ProductSort = ProductSort.NEWEST;
}

@ArgsType()
export class SellerProductsArgs extends ConnectionArgs {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => String, { nullable: true })
  query?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ProductSort, { defaultValue: ProductSort.UPDATED })
  sort: ProductSort = ProductSort.UPDATED;
}

// ---------------------------------------------------------------------------
// Payloads (DESIGN.md convention 3); codes per the contract.

const NOT_FOUND = 'NOT_FOUND';
const FORBIDDEN = 'FORBIDDEN';

const CategoryCodes = {
  ATTRIBUTE_INVALID: 'ATTRIBUTE_INVALID',
  FORBIDDEN,
  LOCALE_DUPLICATE: 'LOCALE_DUPLICATE',
  NAME_REQUIRED: 'NAME_REQUIRED',
  NOT_FOUND,
  PARENT_INVALID: 'PARENT_INVALID',
  SLUG_INVALID: 'SLUG_INVALID',
  SLUG_TAKEN: 'SLUG_TAKEN',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
} as const;
export type CategoryErrorCode = keyof typeof CategoryCodes;

export const CategoryCreatePayload = MutationPayload(
  'CategoryCreate',
  'category',
  Category,
  CategoryCodes,
);
export const CategoryUpdatePayload = MutationPayload(
  'CategoryUpdate',
  'category',
  Category,
  CategoryCodes,
);

const CategoryDeleteCodes = {
  FORBIDDEN,
  HAS_CHILDREN: 'HAS_CHILDREN',
  HAS_PRODUCTS: 'HAS_PRODUCTS',
  NOT_FOUND,
} as const;
export type CategoryDeleteErrorCode = keyof typeof CategoryDeleteCodes;
export const CategoryDeletePayload = MutationPayload(
  'CategoryDelete',
  'category',
  Category,
  CategoryDeleteCodes,
);

const ProductCreateCodes = {
  ATTRIBUTE_INVALID: 'ATTRIBUTE_INVALID',
  BARCODE_INVALID: 'BARCODE_INVALID',
  CATEGORY_INVALID: 'CATEGORY_INVALID',
  DIMENSION_INVALID: 'DIMENSION_INVALID',
  FORBIDDEN,
  LOCALE_DUPLICATE: 'LOCALE_DUPLICATE',
  NOT_FOUND,
  OPTION_INVALID: 'OPTION_INVALID',
  SKU_INVALID: 'SKU_INVALID',
  SKU_TAKEN: 'SKU_TAKEN',
  SLUG_INVALID: 'SLUG_INVALID',
  SLUG_TAKEN: 'SLUG_TAKEN',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  TITLE_REQUIRED: 'TITLE_REQUIRED',
  TOO_MANY: 'TOO_MANY',
  VARIANT_REQUIRED: 'VARIANT_REQUIRED',
} as const;
export type ProductCreateErrorCode = keyof typeof ProductCreateCodes;
export const ProductCreatePayload = MutationPayload(
  'ProductCreate',
  'product',
  Product,
  ProductCreateCodes,
);

const ProductUpdateCodes = {
  ATTRIBUTE_INVALID: 'ATTRIBUTE_INVALID',
  CATEGORY_INVALID: 'CATEGORY_INVALID',
  FORBIDDEN,
  LOCALE_DUPLICATE: 'LOCALE_DUPLICATE',
  NOT_FOUND,
  OPTION_INVALID: 'OPTION_INVALID',
  SLUG_INVALID: 'SLUG_INVALID',
  SLUG_TAKEN: 'SLUG_TAKEN',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  TITLE_REQUIRED: 'TITLE_REQUIRED',
  TOO_MANY: 'TOO_MANY',
} as const;
export type ProductUpdateErrorCode = keyof typeof ProductUpdateCodes;
export const ProductUpdatePayload = MutationPayload(
  'ProductUpdate',
  'product',
  Product,
  ProductUpdateCodes,
);

const ProductPublishCodes = {
  ...PublishProblemCode,
  FORBIDDEN,
  NOT_FOUND,
} as const;
export type ProductPublishErrorCode = keyof typeof ProductPublishCodes;
export const ProductPublishPayload = MutationPayload(
  'ProductPublish',
  'product',
  Product,
  ProductPublishCodes,
);

const ProductStatusChangeCodes = { FORBIDDEN, NOT_FOUND } as const;
export type ProductStatusChangeErrorCode = keyof typeof ProductStatusChangeCodes;
export const ProductUnpublishPayload = MutationPayload(
  'ProductUnpublish',
  'product',
  Product,
  ProductStatusChangeCodes,
);
export const ProductArchivePayload = MutationPayload(
  'ProductArchive',
  'product',
  Product,
  ProductStatusChangeCodes,
);

const ProductsBulkSetStatusCodes = {
  ...PublishProblemCode,
  FORBIDDEN,
  NOT_FOUND,
  TOO_MANY: 'TOO_MANY',
} as const;
export type ProductsBulkSetStatusErrorCode = keyof typeof ProductsBulkSetStatusCodes;
const ProductsBulkSetStatusError = PayloadErrorType(
  'ProductsBulkSetStatus',
  ProductsBulkSetStatusCodes,
);

/** Per-id errors (field "ids.<index>"); the other ids are applied. */
@ObjectType()
export class ProductsBulkSetStatusPayload {
  @Field(() => [ProductsBulkSetStatusError], { description: 'Empty when the mutation succeeded.' })
  errors!: PayloadErrorShape<ProductsBulkSetStatusErrorCode>[];

  @Field(() => [Product])
  products!: Product[];
}

const VariantCodes = {
  BARCODE_INVALID: 'BARCODE_INVALID',
  DIMENSION_INVALID: 'DIMENSION_INVALID',
  FORBIDDEN,
  NOT_FOUND,
  OPTION_INVALID: 'OPTION_INVALID',
  SKU_INVALID: 'SKU_INVALID',
  SKU_TAKEN: 'SKU_TAKEN',
} as const;
export type VariantErrorCode = keyof typeof VariantCodes;
// TOO_MANY (a product's variant cap) is an addition to the contract.
export const VariantCreatePayload = MutationPayload('VariantCreate', 'variant', Variant, {
  ...VariantCodes,
  TOO_MANY: 'TOO_MANY',
});
export const VariantUpdatePayload = MutationPayload(
  'VariantUpdate',
  'variant',
  Variant,
  VariantCodes,
);

const VariantDeleteCodes = {
  FORBIDDEN,
  HAS_OFFERS: 'HAS_OFFERS',
  LAST_VARIANT: 'LAST_VARIANT',
  NOT_FOUND,
} as const;
export type VariantDeleteErrorCode = keyof typeof VariantDeleteCodes;
export const VariantDeletePayload = MutationPayload(
  'VariantDelete',
  'variant',
  Variant,
  VariantDeleteCodes,
);

const ProductImageAddCodes = {
  FORBIDDEN,
  LOCALE_DUPLICATE: 'LOCALE_DUPLICATE',
  MEDIA_INVALID: 'MEDIA_INVALID',
  NOT_FOUND,
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  TOO_MANY: 'TOO_MANY',
} as const;
export type ProductImageAddErrorCode = keyof typeof ProductImageAddCodes;
export const ProductImageAddPayload = MutationPayload(
  'ProductImageAdd',
  'productImage',
  ProductImage,
  ProductImageAddCodes,
);

const ProductImageUpdateCodes = {
  FORBIDDEN,
  LOCALE_DUPLICATE: 'LOCALE_DUPLICATE',
  NOT_FOUND,
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
} as const;
export type ProductImageUpdateErrorCode = keyof typeof ProductImageUpdateCodes;
export const ProductImageUpdatePayload = MutationPayload(
  'ProductImageUpdate',
  'productImage',
  ProductImage,
  ProductImageUpdateCodes,
);

const ProductImageRemoveCodes = { FORBIDDEN, NOT_FOUND } as const;
export type ProductImageRemoveErrorCode = keyof typeof ProductImageRemoveCodes;
export const ProductImageRemovePayload = MutationPayload(
  'ProductImageRemove',
  'productImage',
  ProductImage,
  ProductImageRemoveCodes,
);

const ProductImagesReorderCodes = {
  FORBIDDEN,
  IMAGE_IDS_MISMATCH: 'IMAGE_IDS_MISMATCH',
  NOT_FOUND,
} as const;
export type ProductImagesReorderErrorCode = keyof typeof ProductImagesReorderCodes;
export const ProductImagesReorderPayload = MutationPayload(
  'ProductImagesReorder',
  'product',
  Product,
  ProductImagesReorderCodes,
);
