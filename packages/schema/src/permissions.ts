/**
 * Every permission a role can grant, shared by the API (which checks them on
 * root fields and in services) and the back-office (which hides what a user
 * cannot do). Keys are the GraphQL enum values; values are the stable
 * identifiers stored in roles: add, never rename.
 */
export const Permission = {
  SETTINGS_MANAGE: 'settings:manage',
  OPERATIONS_READ: 'operations:read',
  USERS_READ: 'users:read',
  USERS_MANAGE: 'users:manage',
  ROLES_MANAGE: 'roles:manage',
  SIGNING_KEYS_MANAGE: 'signing-keys:manage',
  AUDIT_READ: 'audit:read',
  SELLER_MANAGE: 'seller:manage',
  STORES_READ: 'stores:read',
  STORES_MANAGE: 'stores:manage',
  STAFF_READ: 'staff:read',
  STAFF_MANAGE: 'staff:manage',
  CATEGORIES_MANAGE: 'categories:manage',
  PRODUCTS_READ: 'products:read',
  PRODUCTS_MANAGE: 'products:manage',
  OFFERS_MANAGE: 'offers:manage',
  INVENTORY_READ: 'inventory:read',
  INVENTORY_MANAGE: 'inventory:manage',
  SEARCH_MANAGE: 'search:manage',
  ORDERS_READ: 'orders:read',
  ORDERS_MANAGE: 'orders:manage',
  ORDERS_PLACE_OFFLINE: 'orders:place-offline',
  PAYMENTS_COLLECT: 'payments:collect',
  REFUNDS_ISSUE: 'refunds:issue',
  COUPONS_MANAGE: 'coupons:manage',
  WALLETS_MANAGE: 'wallets:manage',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

/** What each permission allows, for the role editor. */
export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  'settings:manage': 'Change platform settings such as the shop name',
  'operations:read': 'Read operational data: metrics and readiness details',
  'users:read': 'See every account',
  'users:manage': 'Create, disable, enable and reset accounts; assign any role',
  'roles:manage': 'Create, edit and delete roles',
  'signing-keys:manage': 'Rotate the keys that sign access tokens',
  'audit:read': 'Read the security audit log',
  'seller:manage': "Edit a seller's shop profile",
  'stores:read': "See a seller's stores",
  'stores:manage': "Create, edit and delete a seller's stores",
  'staff:read': "See a seller's staff",
  'staff:manage': "Add and remove a seller's staff and their seller roles",
  'categories:manage': 'Create, edit, move and delete categories and their attributes',
  'products:read': "See a seller's products, drafts included, and their offers and prices",
  'products:manage': "Create, edit, publish and import a seller's products; upload images",
  'offers:manage': "Create and edit a seller's offers, prices and price schedules",
  'inventory:read': "See a seller's stock, movements and stock reports",
  'inventory:manage': "Adjust a seller's stock and manage its stock locations",
  'search:manage': 'Rebuild the search index',
  'orders:read': "See a seller's orders, their payments and history",
  'orders:manage': "Accept, pack, ship, deliver and cancel a seller's orders",
  'orders:place-offline': "Place orders for walk-in customers from a seller's store stock",
  'payments:collect': "Mark a seller's pay-in-store orders as paid",
  'refunds:issue': "Refund a seller's orders, fully or partly",
  'coupons:manage': "Create and edit coupons: a seller's own, or the platform's",
  'wallets:manage': 'Credit wallets and decide withdrawal requests',
};

/** Permissions that make sense within one seller; the rest are platform-wide only. */
export const SELLER_SCOPED_PERMISSIONS: ReadonlySet<Permission> = new Set([
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
]);
