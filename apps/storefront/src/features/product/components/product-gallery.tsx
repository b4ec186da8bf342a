import { useState, type KeyboardEvent } from 'react';
import { preload } from 'react-dom';
import type { ProductGalleryImageFragment } from '../../../generated/product';
import { MAIN_IMAGE_SIZES } from '../main-image-sizes';
import styles from './product.module.css';

export interface ProductGalleryProps {
  images: ReadonlyArray<ProductGalleryImageFragment>;
  /** The product's title, for images without alt text. */
  title: string;
}

/**
 * The product's images: a large one and a row of thumbnails to switch it. The first
 * image is the page's largest content: preloaded from <head> (responsive, high
 * priority) as soon as the page renders, and never lazy. Thumbnails load lazily and
 * are buttons: Tab reaches them, Enter or Space shows one, arrow keys move along.
 */
export function ProductGallery({ images, title }: ProductGalleryProps) {
  const [selected, setSelected] = useState(0);
  const first = images[0];
  if (first) {
    preload(first.image.url, {
      as: 'image',
      imageSrcSet: first.image.srcSet || undefined,
      imageSizes: MAIN_IMAGE_SIZES,
      fetchPriority: 'high',
    });
  }
  const current = images[selected] ?? first;
  if (!current) {
    return (
      <div className={styles.gallery}>
        <div className={styles.mainImage}>
          <span className={styles.noImage}>No picture yet</span>
        </div>
      </div>
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + images.length) % images.length;
    setSelected(next);
    const buttons = event.currentTarget.closest('ul')?.querySelectorAll('button');
    buttons?.[next]?.focus();
  };

  return (
    <div className={styles.gallery}>
      <div className={styles.mainImage}>
        <img
          key={current.id}
          src={current.image.url}
          srcSet={current.image.srcSet || undefined}
          sizes={MAIN_IMAGE_SIZES}
          width={current.image.width}
          height={current.image.height}
          alt={current.alt || title}
          loading="eager"
          fetchPriority={current === first ? 'high' : 'auto'}
        />
      </div>
      {images.length > 1 ? (
        <ul className={styles.thumbnails} aria-label="Product images">
          {images.map((image, index) => (
            <li key={image.id}>
              <button
                type="button"
                className={styles.thumbnail}
                aria-pressed={index === selected}
                aria-label={`Show image ${index + 1} of ${images.length}: ${image.alt || title}`}
                onClick={() => setSelected(index)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                <img
                  src={image.image.thumbnail}
                  width={80}
                  height={Math.max(
                    1,
                    Math.round((80 * image.image.height) / (image.image.width || 80)),
                  )}
                  alt=""
                  loading="lazy"
                  decoding="async"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
