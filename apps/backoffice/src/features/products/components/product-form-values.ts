import type {
  AttributeFields_DefinitionFragment,
  ProductCreateInput,
  ProductForm_ProductFragment,
  ProductUpdateInput,
  VariantInput,
  VariantRow_VariantFragment,
} from '../../../generated/graphql';
import {
  emptyLocalized,
  fromTranslations,
  toTranslationInputs,
  type Localized,
} from '../../../shared/i18n/translations';

/** One variant as the form edits it: numbers as typed, option values aligned with the product's options. */
export interface VariantValues {
  sku: string;
  barcode: string;
  /** optionValues[j] is the value for options[j] ('' when none). */
  optionValues: string[];
  weightGrams: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
}

export interface OptionValues {
  name: string;
  values: string[];
}

export interface ProductFormValues {
  title: Localized;
  description: Localized;
  slug: string;
  brand: string;
  tags: string[];
  categoryId: string;
  /** Value per attribute key, as text ("12.5", "true", an ENUM option). */
  attributes: Record<string, string>;
  options: OptionValues[];
  /** Edited with the form only while creating; an existing product's variants are saved one by one. */
  variants: VariantValues[];
  seoTitle: Localized;
  seoDescription: Localized;
}

export const DIMENSION_FIELDS = ['weightGrams', 'lengthMm', 'widthMm', 'heightMm'] as const;
export type DimensionField = (typeof DIMENSION_FIELDS)[number];

export const SEO_TITLE_MAX = 60;
export const SEO_DESCRIPTION_MAX = 160;

/** The DOM id of the input for a form path, so publish problems can focus it. */
export function fieldId(path: string): string {
  return `product-field-${path}`;
}

export function emptyVariant(optionCount: number): VariantValues {
  return {
    sku: '',
    barcode: '',
    optionValues: Array.from({ length: optionCount }, () => ''),
    weightGrams: '',
    lengthMm: '',
    widthMm: '',
    heightMm: '',
  };
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function toVariantValues(
  variant: VariantRow_VariantFragment,
  options: readonly { name: string }[],
): VariantValues {
  return {
    sku: variant.sku,
    barcode: variant.barcode ?? '',
    optionValues: options.map(
      (option) => variant.optionValues.find((v) => v.name === option.name)?.value ?? '',
    ),
    weightGrams: numberText(variant.weightGrams),
    lengthMm: numberText(variant.lengthMm),
    widthMm: numberText(variant.widthMm),
    heightMm: numberText(variant.heightMm),
  };
}

export function toFormValues(product: ProductForm_ProductFragment | null): ProductFormValues {
  if (!product) {
    return {
      title: emptyLocalized(),
      description: emptyLocalized(),
      slug: '',
      brand: '',
      tags: [],
      categoryId: '',
      attributes: {},
      options: [],
      variants: [emptyVariant(0)],
      seoTitle: emptyLocalized(),
      seoDescription: emptyLocalized(),
    };
  }
  return {
    title: fromTranslations(product.titleTranslations),
    description: fromTranslations(product.descriptionTranslations),
    slug: product.slug,
    brand: product.brand ?? '',
    tags: [...product.tags],
    categoryId: product.category?.id ?? '',
    attributes: Object.fromEntries(product.attributes.map((a) => [a.key, a.value])),
    options: product.options.map((o) => ({ name: o.name, values: [...o.values] })),
    variants: [],
    seoTitle: fromTranslations(product.seoTitleTranslations),
    seoDescription: fromTranslations(product.seoDescriptionTranslations),
  };
}

function toInt(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * A variant's input. `apiPrefix`/`formPrefix` ("variants.1." or "") place its
 * paths in `fieldMap`, so errors like "variants.1.optionValues.0" reach the
 * select of the option they are about.
 */
export function toVariantInput(
  values: VariantValues,
  options: readonly { name: string }[],
  fieldMap: Record<string, string>,
  apiPrefix = '',
  formPrefix = '',
): VariantInput {
  const optionValues: { name: string; value: string }[] = [];
  options.forEach((option, j) => {
    const value = values.optionValues[j]?.trim() ?? '';
    if (!option.name.trim() || !value) return;
    const formPath = `${formPrefix}optionValues.${j}`;
    fieldMap[`${apiPrefix}optionValues.${optionValues.length}`] = formPath;
    fieldMap[`${apiPrefix}optionValues.${optionValues.length}.*`] = formPath;
    optionValues.push({ name: option.name.trim(), value });
  });
  fieldMap[`${apiPrefix}optionValues`] =
    options.length > 0 ? `${formPrefix}optionValues.0` : `${formPrefix}sku`;
  return {
    sku: values.sku.trim(),
    barcode: values.barcode.trim() || null,
    optionValues,
    weightGrams: toInt(values.weightGrams),
    lengthMm: toInt(values.lengthMm),
    widthMm: toInt(values.widthMm),
    heightMm: toInt(values.heightMm),
  };
}

/** The attribute values the category defines, in definition order (other keys are dropped). */
function attributeInputs(
  values: ProductFormValues,
  definitions: readonly AttributeFields_DefinitionFragment[],
  fieldMap: Record<string, string>,
): { key: string; value: string }[] {
  const inputs: { key: string; value: string }[] = [];
  for (const definition of definitions) {
    let value = (values.attributes[definition.key] ?? '').trim();
    // A switch that was never touched reads "off".
    if (definition.type === 'BOOLEAN' && value === '') value = 'false';
    if (value === '') continue;
    fieldMap[`attributes.${inputs.length}`] = `attributes.${definition.key}`;
    fieldMap[`attributes.${inputs.length}.*`] = `attributes.${definition.key}`;
    inputs.push({ key: definition.key, value });
  }
  return inputs;
}

function optionInputs(
  values: ProductFormValues,
  fieldMap: Record<string, string>,
): { name: string; values: string[] }[] {
  const inputs: { name: string; values: string[] }[] = [];
  values.options.forEach((option, i) => {
    if (!option.name.trim()) return;
    const index = inputs.length;
    fieldMap[`options.${index}`] = `options.${i}.name`;
    fieldMap[`options.${index}.name`] = `options.${i}.name`;
    fieldMap[`options.${index}.values`] = `options.${i}.values`;
    fieldMap[`options.${index}.values.*`] = `options.${i}.values`;
    inputs.push({ name: option.name.trim(), values: option.values.map((v) => v.trim()) });
  });
  return inputs;
}

interface Built<T> {
  input: T;
  /** API input path -> form path, for remapErrorFields. */
  fieldMap: Record<string, string>;
}

function sharedFields(
  values: ProductFormValues,
  definitions: readonly AttributeFields_DefinitionFragment[],
  fieldMap: Record<string, string>,
) {
  fieldMap['tags.*'] = 'tags';
  fieldMap['category'] = 'categoryId';
  return {
    title: toTranslationInputs(values.title, 'title', fieldMap),
    description: toTranslationInputs(values.description, 'description', fieldMap),
    tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
    attributes: attributeInputs(values, definitions, fieldMap),
    options: optionInputs(values, fieldMap),
    seoTitle: toTranslationInputs(values.seoTitle, 'seoTitle', fieldMap),
    seoDescription: toTranslationInputs(values.seoDescription, 'seoDescription', fieldMap),
  };
}

export function toCreateInput(
  values: ProductFormValues,
  sellerId: string,
  definitions: readonly AttributeFields_DefinitionFragment[],
): Built<ProductCreateInput> {
  const fieldMap: Record<string, string> = {};
  const shared = sharedFields(values, definitions, fieldMap);
  const options = values.options;
  const variants = values.variants.map((variant, i) => {
    fieldMap[`variants.${i}`] = `variants.${i}.sku`;
    return toVariantInput(variant, options, fieldMap, `variants.${i}.`, `variants.${i}.`);
  });
  return {
    input: {
      sellerId,
      slug: values.slug.trim() || null,
      categoryId: values.categoryId || null,
      title: shared.title,
      description: shared.description,
      brand: values.brand.trim() || null,
      tags: shared.tags,
      attributes: shared.attributes,
      options: shared.options,
      seoTitle: shared.seoTitle,
      seoDescription: shared.seoDescription,
      variants,
    },
    fieldMap,
  };
}

/** Every edited field is sent (lists replace the stored ones); an empty brand clears it. */
export function toUpdateInput(
  values: ProductFormValues,
  definitions: readonly AttributeFields_DefinitionFragment[],
): Built<ProductUpdateInput> {
  const fieldMap: Record<string, string> = {};
  const shared = sharedFields(values, definitions, fieldMap);
  return {
    input: {
      slug: values.slug.trim() || null,
      categoryId: values.categoryId || null,
      title: shared.title,
      description: shared.description,
      brand: values.brand.trim(),
      tags: shared.tags,
      attributes: shared.attributes,
      options: shared.options,
      seoTitle: shared.seoTitle,
      seoDescription: shared.seoDescription,
    },
    fieldMap,
  };
}

const WHOLE_NUMBER = /^\d+$/;

/** Shape checks before asking the API (which checks everything again). */
export function validateVariant(values: VariantValues, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.sku.trim()) errors[`${prefix}sku`] = 'Give the variant a SKU.';
  for (const field of DIMENSION_FIELDS) {
    const text = values[field].trim();
    if (text && !WHOLE_NUMBER.test(text))
      errors[`${prefix}${field}`] = 'A whole number, 0 or more.';
  }
  return errors;
}

export function validateProduct(
  values: ProductFormValues,
  definitions: readonly AttributeFields_DefinitionFragment[],
  { creating }: { creating: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.EN.trim()) errors['title.EN'] = 'An English title is required.';
  for (const definition of definitions) {
    const value = (values.attributes[definition.key] ?? '').trim();
    if (definition.type === 'NUMBER' && value && !Number.isFinite(Number(value)))
      errors[`attributes.${definition.key}`] = 'A number, e.g. 12.5.';
  }
  values.options.forEach((option, i) => {
    if (option.name.trim() && option.values.length === 0)
      errors[`options.${i}.values`] = 'Add at least one value.';
    if (!option.name.trim() && option.values.length > 0)
      errors[`options.${i}.name`] = 'Name the option, e.g. Size.';
  });
  if (creating) {
    values.variants.forEach((variant, i) =>
      Object.assign(errors, validateVariant(variant, `variants.${i}.`)),
    );
  }
  return errors;
}
