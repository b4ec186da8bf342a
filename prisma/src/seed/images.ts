// Product pictures drawn locally (no downloads): one per category and colour,
// rendered from SVG by sharp into the renditions the API's media module serves
// (<mediaDir>/<storageKey>/<width>.<format>). Products share these media rows.
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import type { Faker } from '@faker-js/faker';
import sharp from 'sharp';
import type { PrismaClient } from '../generated/client/client.js';
import { json } from './bulk.js';
import type { SeededCategory } from './categories.js';
import { COLOURS, PRODUCT_KINDS, type Colour } from './product-kinds.js';

const SIZE = 640;
const RENDITIONS = [
  { width: 320, format: 'webp' },
  { width: 640, format: 'webp' },
  { width: 640, format: 'jpeg' },
] as const;

interface Icon {
  draw: (fill: string, accent: string) => string;
  /** Baseline of the category's initial, written on the silhouette. */
  letterX?: number;
  letterY?: number;
  letterSize?: number;
}

const stroke = (accent: string) => `stroke="${accent}" stroke-width="4"`;

/** A simple silhouette per category (or its department), on a 640 x 640 canvas. */
const ICONS: Record<string, Icon> = {
  clothing: {
    draw: (fill, accent) =>
      `<path d="M232 150 L180 168 L100 236 L156 312 L204 280 L204 500 L436 500 L436 280 L484 312 L540 236 L460 168 L408 150 Q320 214 232 150 Z" fill="${fill}" ${stroke(accent)}/>`,
  },
  'womens-dresses': {
    draw: (fill, accent) =>
      `<path d="M262 120 L290 120 Q320 150 350 120 L378 120 L392 220 Q372 250 404 290 L510 500 L130 500 L236 290 Q268 250 248 220 Z" fill="${fill}" ${stroke(accent)} stroke-linejoin="round"/>`,
    letterY: 450,
    letterSize: 130,
  },
  shoes: {
    draw: (fill, accent) =>
      `<path d="M110 470 L110 250 Q110 210 150 210 L250 210 Q262 300 330 318 L470 352 Q540 370 540 430 L540 470 Z" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="104" y="462" width="442" height="34" rx="14" fill="${accent}" opacity="0.6"/>`,
    letterX: 220,
    letterY: 420,
    letterSize: 130,
  },
  electronics: {
    draw: (fill, accent) =>
      `<rect x="205" y="115" width="230" height="390" rx="36" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="225" y="150" width="190" height="310" rx="12" fill="${accent}" opacity="0.25"/>` +
      `<circle cx="320" cy="482" r="10" fill="${accent}" opacity="0.5"/>`,
  },
  headphones: {
    draw: (fill, accent) =>
      `<path d="M170 360 A150 150 0 0 1 470 360" fill="none" stroke="${fill}" stroke-width="30" stroke-linecap="round"/>` +
      `<rect x="130" y="320" width="90" height="170" rx="36" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="420" y="320" width="90" height="170" rx="36" fill="${fill}" ${stroke(accent)}/>`,
    letterY: 470,
    letterSize: 120,
  },
  laptops: {
    draw: (fill, accent) =>
      `<rect x="160" y="150" width="320" height="230" rx="16" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="182" y="172" width="276" height="186" rx="6" fill="${accent}" opacity="0.25"/>` +
      `<path d="M120 392 L520 392 L556 450 Q556 466 540 466 L100 466 Q84 466 84 450 Z" fill="${fill}" ${stroke(accent)}/>`,
    letterY: 325,
    letterSize: 130,
  },
  'home-kitchen': {
    draw: (fill, accent) =>
      `<rect x="170" y="250" width="300" height="230" rx="36" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="150" y="214" width="340" height="40" rx="20" fill="${fill}" ${stroke(accent)}/>` +
      `<circle cx="320" cy="196" r="20" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="110" y="290" width="64" height="28" rx="14" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="466" y="290" width="64" height="28" rx="14" fill="${fill}" ${stroke(accent)}/>`,
  },
  furniture: {
    draw: (fill, accent) =>
      `<rect x="214" y="440" width="26" height="70" rx="6" fill="${accent}"/>` +
      `<rect x="400" y="440" width="26" height="70" rx="6" fill="${accent}"/>` +
      `<rect x="180" y="150" width="280" height="300" rx="14" fill="${fill}" ${stroke(accent)}/>` +
      `<line x1="180" y1="250" x2="460" y2="250" ${stroke(accent)}/>` +
      `<rect x="290" y="192" width="60" height="14" rx="7" fill="${accent}"/>`,
    letterY: 410,
    letterSize: 140,
  },
  books: {
    draw: (fill, accent) =>
      `<rect x="200" y="118" width="260" height="380" rx="10" fill="${accent}" opacity="0.35"/>` +
      `<rect x="180" y="130" width="260" height="380" rx="10" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="180" y="130" width="36" height="380" rx="8" fill="${accent}" opacity="0.3"/>`,
    letterX: 328,
  },
  'sports-outdoors': {
    draw: (fill, accent) =>
      `<polygon points="320,130 540,490 100,490" fill="${fill}" ${stroke(accent)} stroke-linejoin="round"/>` +
      `<polygon points="320,330 380,490 260,490" fill="${accent}" opacity="0.3"/>`,
  },
  fitness: {
    draw: (fill, accent) =>
      `<circle cx="320" cy="210" r="84" fill="none" stroke="${fill}" stroke-width="34"/>` +
      `<circle cx="320" cy="370" r="150" fill="${fill}" ${stroke(accent)}/>`,
    letterY: 425,
  },
  beauty: {
    draw: (fill, accent) =>
      `<rect x="280" y="110" width="80" height="76" rx="10" fill="${accent}" opacity="0.6"/>` +
      `<rect x="296" y="182" width="48" height="36" fill="${fill}" ${stroke(accent)}/>` +
      `<rect x="215" y="214" width="210" height="290" rx="46" fill="${fill}" ${stroke(accent)}/>`,
    letterY: 420,
  },
};

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** `hex` mixed with white: 0 keeps it, 1 is white. */
function tint(hex: string, amount: number): string {
  const mixed = rgb(hex).map((c) => Math.round(c + (255 - c) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function isLight(hex: string): boolean {
  const [r, g, b] = rgb(hex);
  return 0.299 * r + 0.587 * g + 0.114 * b > 170;
}

export function productPictureSvg(category: SeededCategory, colour: Colour): string {
  const hex = COLOURS[colour].hex;
  const accent = isLight(hex) ? '#55524c' : tint(hex, 0.35);
  const letter = isLight(hex) ? '#3a3833' : '#ffffff';
  const icon = ICONS[category.slug] ?? ICONS[category.department] ?? ICONS.books!;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">',
    `<stop offset="0" stop-color="${tint(hex, 0.9)}"/><stop offset="1" stop-color="${tint(hex, 0.6)}"/>`,
    '</linearGradient></defs>',
    `<rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>`,
    `<ellipse cx="320" cy="530" rx="220" ry="26" fill="#000000" opacity="0.08"/>`,
    icon.draw(hex, accent),
    `<text x="${icon.letterX ?? 320}" y="${icon.letterY ?? 380}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${icon.letterSize ?? 150}" font-weight="bold" fill="${letter}" text-anchor="middle">${category.name.en[0] ?? ''}</text>`,
    '</svg>',
  ].join('');
}

interface Rendition {
  width: number;
  height: number;
  format: string;
  key: string;
  bytes: number;
}

/** Writes the renditions unless a previous seed already did (the key names the drawing). */
async function render(mediaDir: string, storageKey: string, svg: string): Promise<Rendition[]> {
  const dir = `${mediaDir}/${storageKey}`;
  const existing = await Promise.all(
    RENDITIONS.map((r) => stat(`${dir}/${r.width}.${r.format}`).catch(() => null)),
  );
  let sizes = existing.map((file) => file?.size ?? 0);
  if (sizes.some((size) => size === 0)) {
    await mkdir(dir, { recursive: true });
    const { data: pixels, info } = await sharp(Buffer.from(svg))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: info.channels };
    sizes = await Promise.all(
      RENDITIONS.map(async (r) => {
        const resized = sharp(pixels, { raw }).resize(r.width, r.width);
        // Effort 2 of 6: nearly the same size as the default, drawn in half the time.
        const data = await (
          r.format === 'webp'
            ? resized.webp({ quality: 80, effort: 2 })
            : resized.jpeg({ quality: 82 })
        ).toBuffer();
        await writeFile(`${dir}/${r.width}.${r.format}`, data);
        return data.length;
      }),
    );
  }
  return RENDITIONS.map((r, i) => ({
    width: r.width,
    height: r.width,
    format: r.format,
    key: `${storageKey}/${r.width}.${r.format}`,
    bytes: sizes[i]!,
  }));
}

/** `<category slug>|<colour>` -> media id. */
export type PictureIndex = Map<string, string>;

export const pictureKey = (category: string, colour: Colour) => `${category}|${colour}`;

/** Draws every (category, colour) picture the product kinds use and stores their media rows. */
export async function seedImages(
  prisma: PrismaClient,
  faker: Faker,
  categories: Map<string, SeededCategory>,
  mediaDir: string,
): Promise<PictureIndex> {
  const pictures = PRODUCT_KINDS.flatMap((kind) => {
    const category = categories.get(kind.category)!;
    return kind.colours.map((colour) => {
      const svg = productPictureSvg(category, colour);
      const hash = createHash('sha256').update(svg).digest('hex').slice(0, 10);
      const slug = colour.toLowerCase().replace(/\s+/g, '-');
      return {
        id: faker.string.uuid(),
        key: pictureKey(kind.category, colour),
        storageKey: `seed/${kind.category}-${slug}-${hash}`,
        svg,
      };
    });
  });
  const renditions = await Promise.all(
    pictures.map((picture) => render(mediaDir, picture.storageKey, picture.svg)),
  );
  const createdAt = faker.date.past({ years: 2 });
  await prisma.media.createMany({
    data: pictures.map((picture, i) => {
      const largest = renditions[i]!.find((r) => r.width === SIZE && r.format === 'webp')!;
      return {
        id: picture.id,
        contentType: 'image/webp',
        width: SIZE,
        height: SIZE,
        bytes: largest.bytes,
        storageKey: picture.storageKey,
        renditions: json(renditions[i]),
        createdAt,
      };
    }),
  });
  return new Map(pictures.map((picture) => [picture.key, picture.id]));
}
