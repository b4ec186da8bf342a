// Mocked API data for the products feature's tests.
import {
  CategoryAttributesDocument,
  ProductCategoryOptionsDocument,
  ProductEditorDocument,
  type AttributeType,
  type CategoryAttributesQuery,
  type ProductCategoryOptionsQuery,
  type ProductEditorQuery,
  type ProductStatus,
  type PublishProblemCode,
} from '../../generated/graphql';
import { greenGrocer, viewer } from '../../test/fixtures';

/** A seller owner: reads and manages Green Grocer's products. */
export const productManager = viewer({
  id: 'u-owner',
  name: 'Olga Owner',
  email: 'olga@green.example',
  sellerAccess: [
    { seller: greenGrocer, permissions: ['PRODUCTS_READ', 'PRODUCTS_MANAGE', 'OFFERS_MANAGE'] },
  ],
});

export function definition(
  key: string,
  name: string,
  type: AttributeType,
  extra: { options?: string[]; unit?: string | null; required?: boolean } = {},
) {
  return {
    __typename: 'AttributeDefinition' as const,
    key,
    name,
    type,
    options: extra.options ?? [],
    unit: extra.unit ?? null,
    required: extra.required ?? false,
  };
}

type OptionNode = ProductCategoryOptionsQuery['categories']['edges'][number]['node'];

function option(
  id: string,
  slug: string,
  name: string,
  position: number,
  parentId: string | null = null,
): OptionNode {
  return {
    __typename: 'Category',
    id,
    slug,
    name,
    position,
    parent: parentId ? { __typename: 'Category', id: parentId } : null,
  };
}

function optionsPage(after: string | null, nodes: OptionNode[], endCursor: string, more: boolean) {
  return {
    request: { query: ProductCategoryOptionsDocument, variables: { after } },
    result: {
      data: {
        categories: {
          __typename: 'CategoryConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: more, endCursor },
          edges: nodes.map((node) => ({ __typename: 'CategoryEdge', node })),
        },
      } satisfies ProductCategoryOptionsQuery,
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/**
 * Clothing › Shirts, and Kitchen › Mugs, flat and in two pages as the API lists
 * them (by depth): the picker follows the pages and nests children under their parent.
 */
export function categoryOptionsMocks() {
  return [
    optionsPage(
      null,
      [
        option('c-clothing', 'clothing', 'Clothing', 0),
        option('c-kitchen', 'kitchen', 'Kitchen', 1),
      ],
      'page-1',
      true,
    ),
    optionsPage(
      'page-1',
      [
        option('c-mugs', 'mugs', 'Mugs', 0, 'c-kitchen'),
        option('c-shirts', 'shirts', 'Shirts', 0, 'c-clothing'),
      ],
      'page-2',
      false,
    ),
  ];
}

export const shirtDefinitions = [
  definition('material', 'Material', 'TEXT', { required: true }),
  definition('sleeve_length', 'Sleeve length', 'NUMBER', { unit: 'cm' }),
  definition('organic', 'Organic cotton', 'BOOLEAN'),
  definition('fit', 'Fit', 'ENUM', { options: ['Slim', 'Regular'], required: true }),
];

export const mugDefinitions = [
  definition('capacity', 'Capacity', 'NUMBER', { unit: 'ml', required: true }),
];

export function categoryAttributesMock(
  slug: string,
  id: string,
  definitions: ReturnType<typeof definition>[],
) {
  return {
    request: { query: CategoryAttributesDocument, variables: { slug } },
    result: {
      data: {
        category: { __typename: 'Category', id, attributeDefinitions: definitions },
      } as CategoryAttributesQuery,
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

type EditorProduct = NonNullable<ProductEditorQuery['product']>;

const translations = (en: string) =>
  en ? [{ __typename: 'Translation' as const, locale: 'EN' as const, value: en }] : [];

export function image(id: string, alt: string, position: number): EditorProduct['images'][number] {
  return {
    __typename: 'ProductImage',
    id,
    alt,
    position,
    altTranslations: translations(alt),
    image: {
      __typename: 'Image',
      id: `media-${id}`,
      width: 1200,
      height: 900,
      thumb: `/media/${id}/320.webp`,
    },
  };
}

export function variant(
  id: string,
  sku: string,
  position: number,
  extra: Partial<EditorProduct['variants'][number]> = {},
): EditorProduct['variants'][number] {
  return {
    __typename: 'Variant',
    id,
    sku,
    barcode: null,
    title: `Linen shirt / ${sku}`,
    position,
    weightGrams: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    optionValues: [],
    ...extra,
  };
}

export function problem(code: PublishProblemCode, field: string | null, message: string) {
  return { __typename: 'PublishProblem' as const, code, field, message };
}

/** An existing draft owned by Green Grocer, in Shirts. */
export function editorProduct(overrides: Partial<EditorProduct> = {}): EditorProduct {
  return {
    __typename: 'Product',
    id: 'p1',
    slug: 'linen-shirt',
    title: 'Linen shirt',
    status: 'DRAFT' as ProductStatus,
    brand: 'Atlantic',
    tags: ['summer'],
    publishedAt: null,
    url: 'https://shop.example/p/linen-shirt',
    qrCodeSvgUrl: '/qr/products/linen-shirt.svg',
    qrCodePngUrl: '/qr/products/linen-shirt.png',
    variants: [
      variant('v1', 'LS-S', 0, {
        optionValues: [{ __typename: 'OptionValue', name: 'Size', value: 'S' }],
      }),
      variant('v2', 'LS-M', 1, {
        optionValues: [{ __typename: 'OptionValue', name: 'Size', value: 'M' }],
      }),
    ],
    images: [],
    titleTranslations: translations('Linen shirt'),
    descriptionTranslations: translations('A **light** shirt.'),
    category: {
      __typename: 'Category',
      id: 'c-shirts',
      slug: 'shirts',
      name: 'Shirts',
      attributeDefinitions: shirtDefinitions,
    },
    attributes: [{ __typename: 'ProductAttribute', key: 'material', value: 'Linen' }],
    options: [{ __typename: 'ProductOption', name: 'Size', values: ['S', 'M'] }],
    seoTitleTranslations: [],
    seoDescriptionTranslations: [],
    ownerSeller: { __typename: 'Seller', id: greenGrocer.id, name: greenGrocer.name },
    publishProblems: [],
    ...overrides,
  };
}

export function productEditorMock(product: EditorProduct) {
  return {
    request: { query: ProductEditorDocument, variables: { id: product.id } },
    result: { data: { product } as ProductEditorQuery },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
