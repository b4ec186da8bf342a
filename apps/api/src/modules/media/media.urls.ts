import type { Env } from '../../env.js';
import { ImageFormat, type Image, type Rendition } from './media.types.js';

/** Widths renditions are made at (only those not above the original's width). */
export const RENDITION_WIDTHS = [160, 320, 640, 960, 1280, 1920] as const;
export const MAX_RENDITION_WIDTH = 1920;
/** The JPEG fallback is made at this width (or the largest below it). */
export const JPEG_FALLBACK_WIDTH = 960;

/**
 * The widths to render an original `originalWidth` pixels wide at: the
 * standard widths that do not upscale, plus the original width itself
 * (capped at 1920) so the full resolution is always available.
 */
export function renditionWidths(originalWidth: number): number[] {
  const top = Math.min(originalWidth, MAX_RENDITION_WIDTH);
  const widths: number[] = RENDITION_WIDTHS.filter((width) => width <= top);
  if (!widths.includes(top)) widths.push(top);
  return widths;
}

/** The width of the single JPEG fallback: 960, or the largest width below it. */
export function jpegFallbackWidth(widths: readonly number[]): number {
  const fitting = widths.filter((width) => width <= JPEG_FALLBACK_WIDTH);
  return fitting.length > 0 ? Math.max(...fitting) : Math.min(...widths);
}

/** Where a stored key is downloaded from: the bucket's public URL, or the API's /media/. */
export function mediaBaseUrl(env: Env): string {
  const base =
    env.S3_BUCKET && env.S3_PUBLIC_URL
      ? env.S3_PUBLIC_URL
      : `${env.PUBLIC_URL.replace(/\/+$/, '')}/media`;
  return base.replace(/\/+$/, '');
}

export function mediaUrl(env: Env, key: string): string {
  return `${mediaBaseUrl(env)}/${key}`;
}

const FALLBACKS: readonly ImageFormat[] = [ImageFormat.WEBP, ImageFormat.JPEG];

/** Renditions of `format`, or of WebP then JPEG when the image has none in it; narrowest first. */
function renditionsOf(image: Image, format: ImageFormat): Rendition[] {
  for (const candidate of [format, ...FALLBACKS]) {
    const found = image.renditions.filter((rendition) => rendition.format === candidate);
    if (found.length > 0) return found.sort((a, b) => a.width - b.width);
  }
  return [];
}

/** The narrowest rendition at least `width` wide, else the widest. */
export function pickRendition(image: Image, width: number, format: ImageFormat): Rendition | null {
  const candidates = renditionsOf(image, format);
  return candidates.find((rendition) => rendition.width >= width) ?? candidates.at(-1) ?? null;
}

export function imageUrl(env: Env, image: Image, width: number, format: ImageFormat): string {
  const rendition = pickRendition(image, width, format);
  // A row without renditions (never written by the upload) points at the prefix.
  return mediaUrl(env, rendition ? rendition.key : image.storageKey);
}

/** `<url> <width>w, ...` over every rendition of `format` (with the same fallback as url). */
export function imageSrcSet(env: Env, image: Image, format: ImageFormat): string {
  return renditionsOf(image, format)
    .map((rendition) => `${mediaUrl(env, rendition.key)} ${rendition.width}w`)
    .join(', ');
}
