import { ALL_PERMISSIONS, Permission } from './permissions.js';

type BuiltInRole = {
  name: string;
  description: string;
  scope: 'PLATFORM' | 'SELLER';
  permissions: readonly Permission[];
};

const SHOP = [
  Permission.SELLER_MANAGE,
  Permission.STORES_READ,
  Permission.STORES_MANAGE,
  Permission.STAFF_READ,
  Permission.STAFF_MANAGE,
  Permission.PRODUCTS_READ,
  Permission.PRODUCTS_MANAGE,
  Permission.OFFERS_MANAGE,
  Permission.INVENTORY_READ,
  Permission.INVENTORY_MANAGE,
  Permission.ORDERS_READ,
  Permission.ORDERS_MANAGE,
  Permission.ORDERS_PLACE_OFFLINE,
  Permission.PAYMENTS_COLLECT,
  Permission.REFUNDS_ISSUE,
  Permission.COUPONS_MANAGE,
];

const COUNTER_SALES = [
  Permission.ORDERS_READ,
  Permission.ORDERS_PLACE_OFFLINE,
  Permission.PAYMENTS_COLLECT,
];

/**
 * Roles every installation has, by key. Shoppers need none: every signed-in
 * user may shop. Their permission lists are written to the database at start,
 * so a release that grants a new permission reaches existing installations.
 */
export const BUILT_IN_ROLES = {
  seller_owner: {
    name: 'Seller owner',
    description: 'Runs a shop: profile, stores, staff, products, offers, stock, orders, coupons',
    scope: 'SELLER',
    permissions: SHOP,
  },
  salesperson: {
    name: 'Salesperson',
    description: 'Serves walk-in customers for one seller',
    scope: 'SELLER',
    permissions: [
      Permission.STORES_READ,
      Permission.PRODUCTS_READ,
      Permission.INVENTORY_READ,
      ...COUNTER_SALES,
    ],
  },
  store_counter: {
    name: 'Store counter',
    description: 'A counter account of one store',
    scope: 'SELLER',
    permissions: [
      Permission.STORES_READ,
      Permission.PRODUCTS_READ,
      Permission.INVENTORY_READ,
      Permission.INVENTORY_MANAGE,
      ...COUNTER_SALES,
    ],
  },
  admin: {
    name: 'Admin',
    description: 'Runs the platform: accounts, roles, audit',
    scope: 'PLATFORM',
    permissions: ALL_PERMISSIONS.filter((p) => p !== Permission.SIGNING_KEYS_MANAGE),
  },
  super_admin: {
    name: 'Super admin',
    description: 'Everything, including signing keys',
    scope: 'PLATFORM',
    permissions: ALL_PERMISSIONS,
  },
} as const satisfies Record<string, BuiltInRole>;

export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLES;
