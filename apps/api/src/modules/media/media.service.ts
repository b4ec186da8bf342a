import { randomUUID } from 'node:crypto';
import type { Media, PrismaClient } from '@bazaar/db';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { MediaError } from './media.errors.js';
import type { MediaStorage } from './media.storage.js';
import { ImageFormat, type Rendition } from './media.types.js';
import { jpegFallbackWidth, renditionWidths } from './media.urls.js';

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest decoded image accepted (decompression bombs): 40 megapixels. */
export const MAX_INPUT_PIXELS = 40_000_000;

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif';

const ascii = (bytes: Buffer, start: number, end: number) =>
  bytes.subarray(start, end).toString('latin1');

/**
 * The image type the bytes really are, from their magic numbers; null for
 * anything else. The type a client declares is never trusted.
 */
export function sniffImageType(bytes: Buffer): SniffedType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: major brand at 8, compatible brands from 16 to the end of the box.
    const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
    const brands = [ascii(bytes, 8, 12)];
    for (let offset = 16; offset + 4 <= boxEnd; offset += 4)
      brands.push(ascii(bytes, offset, offset + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'image/avif';
  }
  return null;
}

/** What sharp calls each accepted type (AVIF is a HEIF container). */
const SHARP_FORMAT: Record<SniffedType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'heif',
  'image/gif': 'gif',
};

const CONTENT_TYPES: Record<ImageFormat, string> = {
  [ImageFormat.WEBP]: 'image/webp',
  [ImageFormat.AVIF]: 'image/avif',
  [ImageFormat.JPEG]: 'image/jpeg',
};

export function contentTypeOf(format: ImageFormat): string {
  return CONTENT_TYPES[format];
}

export function renditionKey(storageKey: string, width: number, format: ImageFormat): string {
  return `${storageKey}/${width}.${format}`;
}

// Resizing is CPU-bound (libvips threads): a few uploads at a time per process,
// the rest wait, so uploads cannot starve the rest of the API.
const MAX_CONCURRENT_JOBS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_JOBS) await new Promise<void>((wake) => waiting.push(wake));
  running += 1;
  try {
    return await job();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

const decoderOptions = {
  limitInputPixels: MAX_INPUT_PIXELS,
  failOn: 'error',
  autoOrient: true,
} as const satisfies SharpOptions;

export interface ProcessedImage {
  contentType: SniffedType;
  /** Displayed size of the original (after EXIF rotation). */
  width: number;
  height: number;
  renditions: (Rendition & { data: Buffer })[];
}

/**
 * Checks an upload and renders its renditions: WebP and AVIF at every width
 * up to the original's (at most 1920), one JPEG fallback at 960 (or the
 * largest below). Rotated by EXIF, metadata stripped (sharp keeps none unless
 * told to).
 */
export async function processImage(bytes: Buffer, storageKey: string): Promise<ProcessedImage> {
  const contentType = sniffImageType(bytes);
  if (!contentType)
    throw new MediaError('UNSUPPORTED_TYPE', 'Upload a JPEG, PNG, WebP, AVIF or GIF image.');
  return limited(async () => {
    let metadata: Metadata;
    try {
      metadata = await sharp(bytes, decoderOptions).metadata();
    } catch {
      throw new MediaError('IMAGE_INVALID', 'The image could not be read.');
    }
    if (metadata.format !== SHARP_FORMAT[contentType])
      throw new MediaError('IMAGE_INVALID', 'The image could not be read.');
    const { width, height } = metadata.autoOrient;
    if (!width || !height) throw new MediaError('IMAGE_INVALID', 'The image has no size.');
    if (width * height > MAX_INPUT_PIXELS)
      throw new MediaError(
        'IMAGE_INVALID',
        `The image is too large: at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`,
      );

    const widths = renditionWidths(width);
    const jobs = [
      ...widths.flatMap((w) => [
        { width: w, format: ImageFormat.WEBP },
        { width: w, format: ImageFormat.AVIF },
      ]),
      { width: jpegFallbackWidth(widths), format: ImageFormat.JPEG },
    ];
    const renditions: ProcessedImage['renditions'] = [];
    try {
      for (const job of jobs) {
        const pipeline = sharp(bytes, decoderOptions).resize({
          width: job.width,
          withoutEnlargement: true,
        });
        const encoded =
          job.format === ImageFormat.WEBP
            ? pipeline.webp({ quality: 80 })
            : job.format === ImageFormat.AVIF
              ? pipeline.avif({ quality: 55, effort: 2 })
              : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
        renditions.push({
          width: job.width,
          height: info.height,
          format: job.format,
          key: renditionKey(storageKey, job.width, job.format),
          bytes: data.length,
          data,
        });
      }
    } catch {
      throw new MediaError('IMAGE_INVALID', 'The image could not be read.');
    }
    return { contentType, width, height, renditions };
  });
}

export interface MediaDeps {
  prisma: PrismaClient;
  storage: MediaStorage;
}

/**
 * Stores an uploaded image: renditions first, then the `media` row. A failure
 * part-way removes what was written, so nothing is left half-stored.
 */
export async function storeImage(
  { prisma, storage }: MediaDeps,
  input: { bytes: Buffer; uploadedById: string | null },
): Promise<Media> {
  const storageKey = randomUUID();
  const image = await processImage(input.bytes, storageKey);
  const written: string[] = [];
  try {
    for (const rendition of image.renditions) {
      await storage.put(rendition.key, rendition.data, contentTypeOf(rendition.format));
      written.push(rendition.key);
    }
    return await prisma.media.create({
      data: {
        uploadedById: input.uploadedById,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        bytes: input.bytes.length,
        storageKey,
        renditions: image.renditions.map(({ data: _data, ...rendition }) => rendition),
      },
    });
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
}

/**
 * Whether a product may have a QR code: it exists and is not archived. Only
 * the slug and status of `products` are read (the catalog module owns the
 * table); the canonical slug is returned.
 */
export async function qrProductSlug(prisma: PrismaClient, slug: string): Promise<string | null> {
  const product = await prisma.product.findUnique({
    where: { slug },
    select: { slug: true, status: true },
  });
  return product && product.status !== 'ARCHIVED' ? product.slug : null;
}
