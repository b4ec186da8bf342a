/** Fixed accounts for trying Bazaar by hand; printed by `pnpm dev` and `pnpm start`. */
export const DEMO_PASSWORD = 'bazaar-demo-pass';

export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@bazaar.test', name: 'Ada Admin', builtInRole: 'super_admin' },
  { role: 'seller', email: 'seller@bazaar.test', name: 'Sam Seller', builtInRole: 'seller_owner' },
  { role: 'shopper', email: 'shopper@bazaar.test', name: 'Shay Shopper', builtInRole: null },
] as const;

/** The shop the demo seller owns. */
export const DEMO_SELLER = { name: "Sam's Corner Shop", slug: 'sams-corner-shop' } as const;
