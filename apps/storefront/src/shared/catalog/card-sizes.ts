/** Product card widths: two columns on phones, up to five on wide screens (see .grid). */
export const CARD_SIZES = '(min-width: 72rem) 14rem, (min-width: 40rem) 30vw, 50vw';
