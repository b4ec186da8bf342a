/** Fixed accounts for trying Bazaar by hand; printed by `pnpm dev` and `pnpm start`. */
export const DEMO_PASSWORD = 'bazaar-demo-pass';

export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@bazaar.test', name: 'Ada Admin' },
  { role: 'seller', email: 'seller@bazaar.test', name: 'Sam Seller' },
  { role: 'shopper', email: 'shopper@bazaar.test', name: 'Shay Shopper' },
] as const;
