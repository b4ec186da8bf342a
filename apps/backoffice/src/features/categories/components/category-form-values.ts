import type {
  AttributeType,
  CategoryForm_CategoryFragment,
  CategoryInput,
} from '../../../generated/graphql';
import {
  emptyLocalized,
  fromTranslations,
  toTranslationInputs,
  type Localized,
} from '../../../shared/i18n/translations';

export interface AttributeDefinitionValues {
  key: string;
  name: Localized;
  type: AttributeType;
  /** Allowed values of an ENUM. */
  options: string[];
  /** Unit of a NUMBER ("cm", "kg"). */
  unit: string;
  required: boolean;
  facet: boolean;
}

export interface CategoryFormValues {
  name: Localized;
  description: Localized;
  slug: string;
  imageUrl: string;
  parentId: string;
  /** Order among its siblings; empty keeps it (or puts a new one last). */
  position: string;
  attributeDefinitions: AttributeDefinitionValues[];
}

export const ATTRIBUTE_TYPES: { value: AttributeType; label: string }[] = [
  { value: 'TEXT', label: 'Text' },
  { value: 'NUMBER', label: 'Number' },
  { value: 'BOOLEAN', label: 'Yes / no' },
  { value: 'ENUM', label: 'One of a list' },
];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** What the API would make of free text: accents dropped, anything else a dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function emptyDefinition(): AttributeDefinitionValues {
  return {
    key: '',
    name: emptyLocalized(),
    type: 'TEXT',
    options: [],
    unit: '',
    required: false,
    facet: false,
  };
}

/** The category's own definitions: its attributeDefinitions after the ones it inherits. */
export function ownDefinitions(
  category: CategoryForm_CategoryFragment,
): CategoryForm_CategoryFragment['attributeDefinitions'] {
  const inherited = new Set(category.parent?.attributeDefinitions.map((d) => d.key) ?? []);
  return category.attributeDefinitions.filter((d) => !inherited.has(d.key));
}

export function toFormValues(
  category: CategoryForm_CategoryFragment | null,
  parentId: string | null = null,
): CategoryFormValues {
  if (!category) {
    return {
      name: emptyLocalized(),
      description: emptyLocalized(),
      slug: '',
      imageUrl: '',
      parentId: parentId ?? '',
      position: '',
      attributeDefinitions: [],
    };
  }
  return {
    name: fromTranslations(category.nameTranslations),
    description: fromTranslations(category.descriptionTranslations),
    slug: category.slug,
    imageUrl: category.imageUrl ?? '',
    parentId: category.parent?.id ?? '',
    position: String(category.position),
    attributeDefinitions: ownDefinitions(category).map((d) => ({
      key: d.key,
      name: fromTranslations(d.nameTranslations),
      type: d.type,
      options: [...d.options],
      unit: d.unit ?? '',
      required: d.required,
      facet: d.facet,
    })),
  };
}

export function toCategoryInput(values: CategoryFormValues): {
  input: CategoryInput;
  fieldMap: Record<string, string>;
} {
  const fieldMap: Record<string, string> = {};
  const position = values.position.trim();
  const input: CategoryInput = {
    parentId: values.parentId || null,
    slug: values.slug.trim(),
    name: toTranslationInputs(values.name, 'name', fieldMap),
    description: toTranslationInputs(values.description, 'description', fieldMap),
    imageUrl: values.imageUrl.trim() || null,
    position: position === '' ? null : Number(position),
    attributeDefinitions: values.attributeDefinitions.map((definition, i) => {
      const at = `attributeDefinitions.${i}`;
      fieldMap[at] = `${at}.key`;
      fieldMap[`${at}.options.*`] = `${at}.options`;
      return {
        key: definition.key.trim(),
        name: toTranslationInputs(definition.name, `${at}.name`, fieldMap),
        type: definition.type,
        options: definition.type === 'ENUM' ? definition.options.map((o) => o.trim()) : null,
        unit: definition.type === 'NUMBER' ? definition.unit.trim() || null : null,
        required: definition.required,
        facet: definition.facet,
      };
    }),
  };
  return { input, fieldMap };
}

/** Shape checks before asking the API (the same rules it applies). */
export function validateCategory(values: CategoryFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.EN.trim()) errors['name.EN'] = 'An English name is required.';
  if (!SLUG.test(values.slug.trim()))
    errors['slug'] = 'Lowercase letters, digits and single dashes, e.g. kitchen-knives.';
  const position = values.position.trim();
  if (position && !/^\d+$/.test(position)) errors['position'] = 'A whole number, 0 or more.';
  const keys = new Set<string>();
  values.attributeDefinitions.forEach((definition, i) => {
    const at = `attributeDefinitions.${i}`;
    const key = definition.key.trim();
    if (!ATTRIBUTE_KEY.test(key))
      errors[`${at}.key`] = 'Starts with a lowercase letter; then lowercase letters, digits or _.';
    else if (keys.has(key)) errors[`${at}.key`] = `“${key}” is defined twice.`;
    keys.add(key);
    if (!definition.name.EN.trim()) errors[`${at}.name.EN`] = 'Name the attribute in English.';
    if (definition.type === 'ENUM' && definition.options.length === 0)
      errors[`${at}.options`] = 'List the allowed values.';
  });
  return errors;
}
