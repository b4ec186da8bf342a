// Pure shape and business rules of the catalog: slugs, SKUs, barcodes,
// dimensions, options and attributes. No database access: the services feed
// these the rows they need and turn the problems into payload errors.
import type { LocalizedText } from '../../common/i18n/locale.js';
import { AttributeDefinition, type AttributeType } from './catalog.types.js';

export const LIMITS = {
  variants: 100,
  tags: 30,
  tagLength: 50,
  images: 20,
  attributes: 100,
  attributeDefinitions: 100,
  options: 10,
  optionValues: 100,
  optionTextLength: 50,
  titleLength: 200,
  descriptionLength: 20_000,
  seoTitleLength: 70,
  seoDescriptionLength: 320,
  altLength: 250,
  brandLength: 100,
  categoryNameLength: 100,
  categoryDescriptionLength: 5_000,
  attributeNameLength: 100,
  attributeValueLength: 500,
  unitLength: 20,
  slugLength: 120,
  skuLength: 64,
  imageUrlLength: 2_048,
  /** 10 tonnes, 100 metres: anything above is a typo. */
  weightGrams: 10_000_000,
  sizeMm: 100_000,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** What normaliseSlug accepts, as told to whoever typed a slug it refused. */
export const SLUG_RULE = `Use lowercase letters, digits and single dashes (up to ${LIMITS.slugLength}).`;

/** Lowercase letters, digits and single dashes; trimmed and lower-cased first. */
export function normaliseSlug(value: string): string | null {
  const slug = value.trim().toLowerCase();
  return slug.length <= LIMITS.slugLength && SLUG.test(slug) ? slug : null;
}

/** A slug from free text: accents dropped, anything else becomes a dash. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'product';
}

export function normaliseSku(value: string): string | null {
  const sku = value.trim();
  return sku.length <= LIMITS.skuLength && SKU.test(sku) ? sku : null;
}

/**
 * GTIN (EAN-8, UPC-A, EAN-13, GTIN-14): digits only, with the mod-10 check
 * digit (weights 3 and 1 from the right).
 */
export function isValidBarcode(value: string): boolean {
  if (!/^\d+$/.test(value) || !GTIN_LENGTHS.has(value.length)) return false;
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  const sum = digits
    .reverse()
    .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

export const DIMENSIONS = ['weightGrams', 'lengthMm', 'widthMm', 'heightMm'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Null (unset) or a whole number from 0 to a sane maximum. */
export function isValidDimension(key: Dimension, value: number | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const max = key === 'weightGrams' ? LIMITS.weightGrams : LIMITS.sizeMm;
  return Number.isInteger(value) && value >= 0 && value <= max;
}

// ---------------------------------------------------------------------------
// Options: the product lists option names and values; variants pick one of each.

export interface StoredOption {
  name: string;
  values: string[];
}

export function parseOptions(json: unknown): StoredOption[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    const { name, values } = (entry ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !Array.isArray(values)) return [];
    return [{ name, values: values.filter((v): v is string => typeof v === 'string') }];
  });
}

/** Trimmed options, or the index and reason of the first bad one. */
export function cleanOptions(
  inputs: readonly { name: string; values: readonly string[] }[],
): { options: StoredOption[] } | { problem: { index: number | null; message: string } } {
  if (inputs.length > LIMITS.options)
    return { problem: { index: null, message: `At most ${LIMITS.options} options.` } };
  const options: StoredOption[] = [];
  const names = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const name = input.name.trim();
    if (!name || name.length > LIMITS.optionTextLength)
      return {
        problem: {
          index,
          message: `Name the option (up to ${LIMITS.optionTextLength} characters).`,
        },
      };
    if (names.has(name.toLowerCase()))
      return { problem: { index, message: `The option "${name}" is listed twice.` } };
    names.add(name.toLowerCase());
    const values = input.values.map((value) => value.trim());
    if (values.length === 0 || values.length > LIMITS.optionValues)
      return { problem: { index, message: `Give 1 to ${LIMITS.optionValues} values.` } };
    const seen = new Set<string>();
    for (const value of values) {
      if (!value || value.length > LIMITS.optionTextLength)
        return {
          problem: { index, message: `Values are 1 to ${LIMITS.optionTextLength} characters.` },
        };
      if (seen.has(value.toLowerCase()))
        return { problem: { index, message: `The value "${value}" is listed twice.` } };
      seen.add(value.toLowerCase());
    }
    options.push({ name, values });
  }
  return { options };
}

export type StoredOptionValues = Record<string, string>;

export function parseOptionValues(json: unknown): StoredOptionValues {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * A variant's option values checked against the product's options: one value
 * of every option, from its list (matched regardless of case, stored as listed).
 */
export function cleanOptionValues(
  inputs: readonly { name: string; value: string }[],
  options: readonly StoredOption[],
): { values: StoredOptionValues } | { problem: { index: number | null; message: string } } {
  const values: StoredOptionValues = {};
  for (const [index, input] of inputs.entries()) {
    const option = options.find((o) => o.name.toLowerCase() === input.name.trim().toLowerCase());
    if (!option)
      return { problem: { index, message: `The product has no option "${input.name.trim()}".` } };
    if (option.name in values)
      return { problem: { index, message: `"${option.name}" is given twice.` } };
    const value = option.values.find((v) => v.toLowerCase() === input.value.trim().toLowerCase());
    if (value === undefined)
      return {
        problem: { index, message: `"${input.value.trim()}" is not a value of "${option.name}".` },
      };
    values[option.name] = value;
  }
  const missing = options.find((option) => !(option.name in values));
  if (missing) return { problem: { index: null, message: `Choose a value of "${missing.name}".` } };
  // Stored in the product's option order, the order they are shown in.
  return {
    values: Object.fromEntries(options.map((option) => [option.name, values[option.name]!])),
  };
}

/** The same option values regardless of key order, for spotting twin variants. */
export function optionSignature(
  values: StoredOptionValues,
  options: readonly StoredOption[],
): string {
  return JSON.stringify(options.map((option) => values[option.name] ?? null));
}

// ---------------------------------------------------------------------------
// Attributes: { key: value } checked against the category chain's definitions.

export interface StoredDefinition {
  key: string;
  name: LocalizedText;
  type: AttributeType;
  options: string[];
  unit: string | null;
  required: boolean;
  facet: boolean;
}

export function parseDefinitions(json: unknown): StoredDefinition[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    const raw = (entry ?? {}) as Record<string, unknown>;
    if (typeof raw['key'] !== 'string') return [];
    const type = raw['type'];
    if (type !== 'TEXT' && type !== 'NUMBER' && type !== 'BOOLEAN' && type !== 'ENUM') return [];
    const name = raw['name'];
    return [
      {
        key: raw['key'],
        name:
          typeof name === 'string'
            ? { en: name }
            : name && typeof name === 'object'
              ? (name as LocalizedText)
              : {},
        type,
        options: Array.isArray(raw['options'])
          ? (raw['options'] as unknown[]).filter((o): o is string => typeof o === 'string')
          : [],
        unit: typeof raw['unit'] === 'string' ? raw['unit'] : null,
        required: raw['required'] === true,
        facet: raw['facet'] === true,
      },
    ];
  });
}

export function toAttributeDefinition(stored: StoredDefinition): AttributeDefinition {
  return Object.assign(new AttributeDefinition(), {
    key: stored.key,
    nameText: stored.name,
    type: stored.type,
    options: stored.options,
    unit: stored.unit,
    required: stored.required,
    facet: stored.facet,
  });
}

export type StoredAttributeValue = string | number | boolean;

/** The typed value of an attribute given as text (input) or as stored; null when invalid. */
export function parseAttributeValue(
  value: unknown,
  definition: StoredDefinition,
): StoredAttributeValue | null {
  switch (definition.type) {
    case 'NUMBER': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value.trim())) return null;
      const number = Number(value.trim());
      return Number.isFinite(number) ? number : null;
    }
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (typeof value !== 'string') return null;
      if (/^(true|yes|1)$/i.test(value.trim())) return true;
      if (/^(false|no|0)$/i.test(value.trim())) return false;
      return null;
    case 'ENUM': {
      if (typeof value !== 'string') return null;
      const wanted = value.trim().toLowerCase();
      return definition.options.find((option) => option.toLowerCase() === wanted) ?? null;
    }
    case 'TEXT': {
      if (typeof value !== 'string') return null;
      const text = value.trim();
      return text && text.length <= LIMITS.attributeValueLength ? text : null;
    }
  }
}

/** Canonical text of a stored value: numbers as decimals, booleans "true"/"false". */
export function attributeText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function attributeProblemMessage(definition: StoredDefinition): string {
  switch (definition.type) {
    case 'NUMBER':
      return `"${definition.key}" takes a number, like 12.5.`;
    case 'BOOLEAN':
      return `"${definition.key}" takes true or false.`;
    case 'ENUM':
      return `"${definition.key}" takes one of: ${definition.options.join(', ')}.`;
    case 'TEXT':
      return `"${definition.key}" takes text of 1 to ${LIMITS.attributeValueLength} characters.`;
  }
}

export interface AttributeProblem {
  /** Index in the input list; null for a problem of the whole set (missing required). */
  index: number | null;
  key: string;
  message: string;
}

/** Input attributes checked against definitions: unknown keys, twins and type errors. */
export function cleanAttributes(
  inputs: readonly { key: string; value: string }[],
  definitions: readonly StoredDefinition[],
): { attributes: Record<string, StoredAttributeValue>; problems: AttributeProblem[] } {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const attributes: Record<string, StoredAttributeValue> = {};
  const problems: AttributeProblem[] = [];
  const seen = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const key = input.key.trim();
    const definition = byKey.get(key);
    if (!definition) {
      problems.push({
        index,
        key,
        message: definitions.length
          ? `The category has no attribute "${key}".`
          : `Choose a category that defines "${key}" first.`,
      });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ index, key, message: `"${key}" is given twice.` });
      continue;
    }
    seen.add(key);
    // A blank value clears the attribute.
    if (!input.value.trim()) continue;
    const value = parseAttributeValue(input.value, definition);
    if (value === null) problems.push({ index, key, message: attributeProblemMessage(definition) });
    else attributes[key] = value;
  }
  return { attributes, problems };
}

/** Stored attributes checked for publishing: unknown keys, bad values, missing required ones. */
export function storedAttributeProblems(
  stored: unknown,
  definitions: readonly StoredDefinition[],
): AttributeProblem[] {
  const values =
    stored && typeof stored === 'object' && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: AttributeProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const definition = byKey.get(key);
    if (!definition)
      problems.push({ index: null, key, message: `The category has no attribute "${key}".` });
    else if (parseAttributeValue(value, definition) === null)
      problems.push({ index: null, key, message: attributeProblemMessage(definition) });
  }
  for (const definition of definitions) {
    const value = values[definition.key];
    if (definition.required && (value === undefined || value === null || value === ''))
      problems.push({
        index: null,
        key: definition.key,
        message: `"${definition.key}" is required in this category.`,
      });
  }
  return problems;
}

/** Attribute definitions of a category input; the first problem's field and message. */
export function cleanDefinitions(
  inputs: readonly {
    key: string;
    name: readonly { locale: string; value: string }[];
    type: AttributeType;
    options?: readonly string[] | null;
    unit?: string | null;
    required: boolean;
    facet: boolean;
  }[],
  inheritedKeys: ReadonlySet<string>,
): { definitions: StoredDefinition[] } | { problem: { field: string; message: string } } {
  if (inputs.length > LIMITS.attributeDefinitions)
    return {
      problem: {
        field: 'attributeDefinitions',
        message: `At most ${LIMITS.attributeDefinitions} attributes.`,
      },
    };
  const definitions: StoredDefinition[] = [];
  const keys = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const at = `attributeDefinitions.${index}`;
    const key = input.key.trim();
    if (!ATTRIBUTE_KEY.test(key))
      return {
        problem: {
          field: `${at}.key`,
          message:
            'Keys start with a lowercase letter, then up to 39 lowercase letters, digits or _.',
        },
      };
    if (keys.has(key))
      return { problem: { field: `${at}.key`, message: `"${key}" is defined twice.` } };
    if (inheritedKeys.has(key))
      return {
        problem: {
          field: `${at}.key`,
          message: `"${key}" is already defined by a parent or child category.`,
        },
      };
    keys.add(key);
    const name: LocalizedText = {};
    for (const translation of input.name) {
      const locale = translation.locale as keyof LocalizedText;
      const value = translation.value.trim();
      if (locale in name)
        return { problem: { field: `${at}.name`, message: 'One name per language.' } };
      if (value.length > LIMITS.attributeNameLength)
        return {
          problem: {
            field: `${at}.name`,
            message: `Names are at most ${LIMITS.attributeNameLength} characters.`,
          },
        };
      if (value) name[locale] = value;
    }
    if (!name.en)
      return { problem: { field: `${at}.name`, message: 'Name the attribute in English.' } };
    const options = (input.options ?? []).map((option) => option.trim());
    if (input.type === 'ENUM') {
      if (options.length === 0)
        return { problem: { field: `${at}.options`, message: 'List the allowed values.' } };
      const seen = new Set<string>();
      for (const option of options) {
        if (!option || option.length > LIMITS.optionTextLength || seen.has(option.toLowerCase()))
          return {
            problem: {
              field: `${at}.options`,
              message: `Values are distinct and 1 to ${LIMITS.optionTextLength} characters.`,
            },
          };
        seen.add(option.toLowerCase());
      }
      if (options.length > LIMITS.optionValues)
        return {
          problem: { field: `${at}.options`, message: `At most ${LIMITS.optionValues} values.` },
        };
    } else if (options.length > 0) {
      return { problem: { field: `${at}.options`, message: 'Only ENUM attributes take options.' } };
    }
    const unit = input.unit?.trim() || null;
    if (unit && unit.length > LIMITS.unitLength)
      return {
        problem: {
          field: `${at}.unit`,
          message: `Units are at most ${LIMITS.unitLength} characters.`,
        },
      };
    definitions.push({
      key,
      name,
      type: input.type,
      options: input.type === 'ENUM' ? options : [],
      unit,
      required: input.required,
      facet: input.facet,
    });
  }
  return { definitions };
}

/** Tags trimmed and de-duplicated regardless of case; null when one is too long. */
export function cleanTags(tags: readonly string[]): string[] | null {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const trimmed = tag.trim().replace(/\s+/g, ' ');
    if (trimmed.length > LIMITS.tagLength) return null;
    if (!trimmed || seen.has(trimmed.toLowerCase())) continue;
    seen.add(trimmed.toLowerCase());
    out.push(trimmed);
  }
  return out;
}
