/** What a preload needs of an image: its URL and, when it has one, its responsive set. */
export interface PreloadableImage {
  url: string;
  srcSet: string | null | undefined;
}

/**
 * Starts loading an image the page will show first, at high priority, before React
 * renders it: the browser picks from srcset and sizes as the <img> will, and the
 * <img> then finds it loaded or on its way.
 */
export function preloadImage({ url, srcSet }: PreloadableImage, sizes: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'image';
  link.href = url;
  if (srcSet) {
    link.imageSrcset = srcSet;
    link.imageSizes = sizes;
  }
  link.fetchPriority = 'high';
  document.head.append(link);
}
