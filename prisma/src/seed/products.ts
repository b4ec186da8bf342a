import type { Faker } from '@faker-js/faker';
import type { Prisma, PrismaClient, ProductStatus } from '../generated/client/client.js';
import { ean13 } from './barcode.js';
import { insertRows, json } from './bulk.js';
import type { AttributeDefinition, Localized, SeededCategory } from './categories.js';
import { pictureKey, type PictureIndex } from './images.js';
import {
  COLOURS,
  HIGHLIGHTS,
  PRODUCT_KINDS,
  type AttributeValue,
  type Colour,
  type ProductKind,
} from './product-kinds.js';

/** The demo seller owns about this many products at every scale. */
const DEMO_SELLER_PRODUCTS = 10;
/** GS1 prefixes (China, Germany, UK, Switzerland, Korea, Taiwan, Japan, US). */
const GS1_PREFIXES = ['690', '692', '693', '400', '401', '500', '760', '880', '471', '450', '030'];

export interface SeedSeller {
  id: string;
  slug: string;
  stores: { id: string; name: string }[];
}

export interface SeededVariant {
  id: string;
  /** The typical price of this variant in USD cents; sellers price around it. */
  price: number;
}

export interface SeededProduct {
  id: string;
  ownerSellerId: string;
  status: ProductStatus;
  department: string;
  createdAt: Date;
  variants: SeededVariant[];
}

interface VariantPlan {
  optionValues: Record<string, string>;
  suffix: string | null;
  priceFactor: number;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Joins Chinese title parts, with a space only between two Latin words. */
function joinZh(parts: string[]): string {
  return parts.reduce((joined, part) =>
    /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(part) ? `${joined} ${part}` : joined + part,
  );
}

/** A shelf price: whole dollars minus a cent ($49.99). */
export function retailPrice(cents: number): number {
  return Math.max(99, Math.round(cents / 100) * 100 - 1);
}

function makeValue(
  faker: Faker,
  kind: ProductKind,
  definition: AttributeDefinition,
): AttributeValue | undefined {
  const maker = kind.values[definition.key];
  if (maker && 'range' in maker) {
    const [min, max] = maker.range;
    const steps = Math.round((max - min) / maker.step);
    const value = min + faker.number.int({ min: 0, max: steps }) * maker.step;
    return Math.round(value * 100) / 100;
  }
  if (maker && 'pick' in maker) return faker.helpers.arrayElement(maker.pick);
  if (maker && 'text' in maker) return maker.text(faker);
  if (definition.type === 'ENUM') return faker.helpers.arrayElement(definition.options ?? []);
  if (definition.type === 'BOOLEAN') return faker.datatype.boolean();
  return undefined;
}

function makeAttributes(
  faker: Faker,
  kind: ProductKind,
  category: SeededCategory,
  implied: Record<string, AttributeValue>,
): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const definition of category.definitions) {
    const wanted = definition.required || faker.datatype.boolean(0.8);
    const value =
      implied[definition.key] ?? (wanted ? makeValue(faker, kind, definition) : undefined);
    if (value === undefined) {
      if (definition.required) throw new Error(`No value for ${kind.category}.${definition.key}`);
      continue;
    }
    attributes[definition.key] = value;
  }
  return attributes;
}

function planVariants(
  faker: Faker,
  kind: ProductKind,
  colour: Colour,
): { options: { name: string; values: string[] }[]; variants: VariantPlan[]; colours: Colour[] } {
  const mode = kind.variants;
  if (mode.kind === 'size') {
    const count = faker.number.int({ min: 1, max: 4 });
    const start = faker.number.int({ min: 0, max: mode.sizes.length - count });
    const sizes = mode.sizes.slice(start, start + count);
    return {
      options: [
        { name: 'Size', values: sizes },
        { name: 'Colour', values: [colour] },
      ],
      variants: sizes.map((size) => ({
        optionValues: { Size: size, Colour: colour },
        suffix: size,
        priceFactor: 1,
      })),
      colours: [colour],
    };
  }
  if (mode.kind === 'colour') {
    const others = faker.helpers.shuffle(kind.colours.filter((c) => c !== colour));
    const colours = [colour, ...others].slice(0, faker.number.int({ min: 1, max: 3 }));
    return {
      options: [{ name: 'Colour', values: colours }],
      variants: colours.map((c) => ({
        optionValues: { Colour: c },
        suffix: COLOURS[c].code,
        priceFactor: 1,
      })),
      colours,
    };
  }
  if (mode.kind === 'format') {
    const formats = faker.datatype.boolean(0.4) ? ['Paperback', 'Hardcover'] : ['Paperback'];
    return {
      options: [{ name: 'Format', values: formats }],
      variants: formats.map((format) => ({
        optionValues: { Format: format },
        suffix: format === 'Paperback' ? 'PB' : 'HC',
        priceFactor: format === 'Paperback' ? 1 : 1.6,
      })),
      colours: [colour],
    };
  }
  return {
    options: [],
    variants: [{ optionValues: {}, suffix: null, priceFactor: 1 }],
    colours: [colour],
  };
}

function formatValue(definition: AttributeDefinition, value: AttributeValue, zh: boolean): string {
  if (typeof value === 'boolean') return zh ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  return definition.unit ? `${value} ${definition.unit}` : String(value);
}

function describe(
  faker: Faker,
  kind: ProductKind,
  category: SeededCategory,
  title: Localized,
  brand: string,
  attributes: Record<string, AttributeValue>,
): Localized {
  const [first, second] = faker.helpers.arrayElements(kind.pitches, 2);
  const highlights = faker.helpers.arrayElements(HIGHLIGHTS[category.department] ?? [], 3);
  const author = typeof attributes.author === 'string' ? attributes.author : null;
  const specs = category.definitions.filter((d) => attributes[d.key] !== undefined);
  const en = [
    `**${title.en}** ${author ? `by ${author}, published by ${brand}` : `from ${brand}`}. ${first!.en}`,
    '',
    second!.en,
    '',
    '## Highlights',
    '',
    ...highlights.map((h) => `- ${h.en}`),
    '',
    '## Specifications',
    '',
    ...specs.map((d) => `- **${d.name.en}:** ${formatValue(d, attributes[d.key]!, false)}`),
  ];
  const zh = [
    `**${title['zh-CN']}**，${author ? `${author} 著，${brand} 出版` : `来自 ${brand}`}。${first!['zh-CN']}`,
    '',
    second!['zh-CN'],
    '',
    '## 产品亮点',
    '',
    ...highlights.map((h) => `- ${h['zh-CN']}`),
    '',
    '## 规格参数',
    '',
    ...specs.map((d) => `- **${d.name['zh-CN']}：** ${formatValue(d, attributes[d.key]!, true)}`),
  ];
  return { en: en.join('\n'), 'zh-CN': zh.join('\n') };
}

function skuPrefix(sellerSlug: string): string {
  return (sellerSlug.replace(/[^a-z]/gi, '').slice(0, 3) || 'BZR').toUpperCase();
}

/**
 * `count` products spread over the leaf categories and the sellers (the demo
 * seller owns about ten), each with one to four variants and a picture.
 */
export async function seedProducts(
  prisma: PrismaClient,
  faker: Faker,
  input: {
    count: number;
    categories: Map<string, SeededCategory>;
    pictures: PictureIndex;
    demoSeller: SeedSeller;
    otherSellers: SeedSeller[];
    referenceDate: Date;
  },
): Promise<SeededProduct[]> {
  const { count, categories, pictures, demoSeller, otherSellers, referenceDate } = input;
  const demoStride = Math.max(1, Math.floor(count / DEMO_SELLER_PRODUCTS));
  const products: Prisma.ProductCreateManyInput[] = [];
  const variants: Prisma.VariantCreateManyInput[] = [];
  const images: Prisma.ProductImageCreateManyInput[] = [];
  const seeded: SeededProduct[] = [];
  let serial = 0;

  for (let i = 0; i < count; i++) {
    const kind = PRODUCT_KINDS[i % PRODUCT_KINDS.length]!;
    const category = categories.get(kind.category)!;
    const owner =
      i % demoStride === 1 || otherSellers.length === 0
        ? demoSeller
        : faker.helpers.arrayElement(otherSellers);
    const status: ProductStatus =
      i % 20 === 19 ? 'DRAFT' : i % 150 === 77 ? 'ARCHIVED' : 'PUBLISHED';

    const brand = faker.helpers.arrayElement(kind.brands);
    const noun = faker.helpers.arrayElement(kind.nouns);
    let title: Localized;
    if (kind.title) {
      title = kind.title(faker);
    } else {
      const adjective = faker.helpers.arrayElement(kind.adjectives);
      title = {
        en: `${brand} ${adjective.en} ${noun.en}`,
        // A space between the Latin brand and the Chinese words, as Chinese shops write it.
        'zh-CN': `${brand} ${joinZh([adjective['zh-CN'], noun['zh-CN']])}`,
      };
    }
    if (kind.models) {
      const model = `${faker.string.alpha({ length: 1, casing: 'upper' })}${faker.number.int({ min: 2, max: 9 })}`;
      title = { en: `${title.en} ${model}`, 'zh-CN': `${title['zh-CN']} ${model}` };
    }
    const attributes = makeAttributes(
      faker,
      kind,
      category,
      kind.title ? {} : (noun.attributes ?? {}),
    );
    const colour = faker.helpers.arrayElement(kind.colours);
    const plan = planVariants(faker, kind, colour);
    const [minPrice, maxPrice] = (!kind.title && noun.price) || kind.price;
    const basePrice = faker.number.int({ min: minPrice, max: maxPrice });
    const createdAt = faker.date.past({ years: 2, refDate: referenceDate });
    const publishedAt =
      status === 'DRAFT'
        ? null
        : new Date(
            Math.min(
              referenceDate.getTime(),
              createdAt.getTime() + faker.number.int({ min: 0, max: 5 * 86_400_000 }),
            ),
          );
    const rated = status === 'PUBLISHED' && faker.datatype.boolean(0.7);
    const id = faker.string.uuid();
    const number = String(i + 1).padStart(6, '0');

    products.push({
      id,
      slug: `${slugify(title.en)}-${i + 1}`,
      categoryId: category.id,
      ownerSellerId: owner.id,
      brand,
      tags: [...new Set([...kind.tags, slugify(noun.en).replace(/-/g, ' ')])],
      title: json(title),
      description: json(describe(faker, kind, category, title, brand, attributes)),
      attributes: json(attributes),
      options: json(plan.options),
      status,
      ratingAverage: rated ? faker.number.float({ min: 3.2, max: 5, fractionDigits: 1 }) : null,
      ratingCount: rated ? faker.number.int({ min: 1, max: 400 }) : 0,
      salesCount:
        status === 'PUBLISHED' ? Math.floor(faker.number.float({ min: 0, max: 1 }) ** 3 * 900) : 0,
      publishedAt,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    });

    // Books carry an ISBN-13 (Bookland prefix 978), which is an EAN-13.
    const gs1 = category.department === 'books' ? '978' : faker.helpers.arrayElement(GS1_PREFIXES);
    const weightKg = typeof attributes.weight_kg === 'number' ? attributes.weight_kg : null;
    const seededVariants = plan.variants.map((variant, position) => {
      const variantId = faker.string.uuid();
      serial += 1;
      variants.push({
        id: variantId,
        productId: id,
        sku: `${skuPrefix(owner.slug)}-${number}${variant.suffix ? `-${variant.suffix}` : ''}`,
        barcode: ean13(gs1, serial),
        optionValues: json(variant.optionValues),
        position,
        weightGrams: weightKg
          ? Math.round(weightKg * 1100)
          : faker.number.int({ min: kind.weightGrams[0], max: kind.weightGrams[1] }),
        lengthMm: faker.number.int({ min: kind.sizeMm[0][0], max: kind.sizeMm[0][1] }),
        widthMm: faker.number.int({ min: kind.sizeMm[1][0], max: kind.sizeMm[1][1] }),
        heightMm: faker.number.int({ min: kind.sizeMm[2][0], max: kind.sizeMm[2][1] }),
        createdAt,
        updatedAt: createdAt,
      });
      return { id: variantId, price: retailPrice(basePrice * variant.priceFactor) };
    });

    plan.colours.slice(0, 2).forEach((pictureColour, position) => {
      images.push({
        id: faker.string.uuid(),
        productId: id,
        mediaId: pictures.get(pictureKey(kind.category, pictureColour))!,
        position,
        alt: json({
          en: `${title.en}, ${pictureColour.toLowerCase()}`,
          'zh-CN': `${title['zh-CN']}（${COLOURS[pictureColour].zh}）`,
        }),
        createdAt,
      });
    });

    seeded.push({
      id,
      ownerSellerId: owner.id,
      status,
      department: category.department,
      createdAt,
      variants: seededVariants,
    });
  }

  await insertRows(prisma, 'products', products);
  await insertRows(prisma, 'variants', variants);
  await insertRows(prisma, 'product_images', images);
  return seeded;
}
