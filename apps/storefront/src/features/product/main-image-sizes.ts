/** The main image's width in the layout: the left half from 48rem, the full width below. */
export const MAIN_IMAGE_SIZES = '(min-width: 72rem) 34rem, (min-width: 48rem) 50vw, 100vw';
