import type { Media } from '@bazaar/db';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Encodings the renditions are stored in; the values are file extensions. */
export enum ImageFormat {
  WEBP = 'webp',
  AVIF = 'avif',
  JPEG = 'jpeg',
}
registerEnumType(ImageFormat, { name: 'ImageFormat' });

/** One resized copy of an upload, as stored in `media.renditions`. */
export interface Rendition {
  width: number;
  height: number;
  format: ImageFormat;
  /** Storage key: `<storageKey>/<width>.<format>`. */
  key: string;
  bytes: number;
}

/**
 * An uploaded image. `url` and `srcSet` are resolved by ImageFieldResolver
 * (media.resolver.ts) because they depend on where media is served from.
 * Build one from a `media` row with `Image.fromMedia`, or load it through
 * `ctx.loaders.media.mediaById`, which already returns Images.
 */
@ObjectType()
export class Image {
  @Field(() => ID, { description: 'The media id.' })
  id!: string;

  @Field(() => Int, { description: 'Intrinsic size of the original.' })
  width!: number;

  @Field(() => Int)
  height!: number;

  storageKey!: string;
  renditions!: Rendition[];

  static fromMedia(row: Media): Image {
    const image = new Image();
    image.id = row.id;
    image.width = row.width;
    image.height = row.height;
    image.storageKey = row.storageKey;
    image.renditions = parseRenditions(row.renditions);
    return image;
  }
}

const FORMATS = new Set<string>(Object.values(ImageFormat));

/** The renditions JSON column, keeping only well-formed entries. */
export function parseRenditions(json: unknown): Rendition[] {
  if (!Array.isArray(json)) return [];
  const renditions: Rendition[] = [];
  for (const entry of json as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { width, height, format, key, bytes } = entry as Record<string, unknown>;
    if (
      typeof width === 'number' &&
      typeof height === 'number' &&
      typeof format === 'string' &&
      FORMATS.has(format) &&
      typeof key === 'string' &&
      typeof bytes === 'number'
    ) {
      renditions.push({ width, height, format: format as ImageFormat, key, bytes });
    }
  }
  return renditions;
}
