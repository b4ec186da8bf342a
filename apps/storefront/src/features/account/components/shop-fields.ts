/** The shop form's fields: payload errors naming one show beside it. */
export const SHOP_FIELDS = [
  'name',
  'slug',
  'description',
  'contactEmail',
  'contactPhone',
  'logoUrl',
] as const;
export type ShopField = (typeof SHOP_FIELDS)[number];
