import type { Access_ViewerFragment, Permission } from '../../generated/graphql';

/** What a screen needs: a permission held platform-wide, or within the seller in its URL. */
export interface Requirement {
  permission: Permission;
  scope: 'platform' | 'seller';
}

export interface SellerAccessInfo {
  seller: { id: string; name: string; slug: string };
  /** The store of a store-counter account. */
  store: { id: string; name: string } | null;
  permissions: ReadonlySet<Permission>;
}

/**
 * The viewer's permissions, to decide what to show. The API checks every
 * request anyway; hiding is for clarity, not security.
 *
 * Platform permissions apply everywhere, so an admin holding STORES_MANAGE
 * platform-wide may also manage the stores of the sellers they work for.
 * Seller screens are offered only for the sellers in `sellerAccess`.
 */
export class Access {
  readonly user: Access_ViewerFragment['user'];
  readonly platform: ReadonlySet<Permission>;
  readonly sellers: readonly SellerAccessInfo[];

  constructor(viewer: Access_ViewerFragment) {
    this.user = viewer.user;
    this.platform = new Set(viewer.permissions);
    this.sellers = viewer.sellerAccess.map((entry) => ({
      seller: entry.seller,
      store: entry.store ?? null,
      permissions: new Set(entry.permissions),
    }));
  }

  seller(sellerId: string | null | undefined): SellerAccessInfo | undefined {
    if (!sellerId) return undefined;
    return this.sellers.find((entry) => entry.seller.id === sellerId);
  }

  /** Platform-wide, or (given a seller) within that seller. */
  can(permission: Permission, sellerId?: string | null): boolean {
    if (this.platform.has(permission)) return true;
    return this.seller(sellerId)?.permissions.has(permission) ?? false;
  }

  allows(requirement: Requirement | undefined, sellerId?: string | null): boolean {
    if (!requirement) return true;
    if (requirement.scope === 'platform') return this.platform.has(requirement.permission);
    // A seller screen needs a seller the viewer works for.
    if (!this.seller(sellerId)) return false;
    return this.can(requirement.permission, sellerId);
  }

  /** The permissions an API key may carry: platform ones, plus the seller's when one is chosen. */
  held(sellerId?: string | null): Set<Permission> {
    const held = new Set(this.platform);
    for (const permission of this.seller(sellerId)?.permissions ?? []) held.add(permission);
    return held;
  }
}

/** Screens and what each needs (used by the routes and the navbar alike). */
export const requirements = {
  users: { permission: 'USERS_READ', scope: 'platform' },
  roles: { permission: 'ROLES_MANAGE', scope: 'platform' },
  signingKeys: { permission: 'SIGNING_KEYS_MANAGE', scope: 'platform' },
  audit: { permission: 'AUDIT_READ', scope: 'platform' },
  shopProfile: { permission: 'SELLER_MANAGE', scope: 'seller' },
  stores: { permission: 'STORES_READ', scope: 'seller' },
  staff: { permission: 'STAFF_READ', scope: 'seller' },
  products: { permission: 'PRODUCTS_READ', scope: 'seller' },
  productCreate: { permission: 'PRODUCTS_MANAGE', scope: 'seller' },
  categories: { permission: 'CATEGORIES_MANAGE', scope: 'platform' },
  offers: { permission: 'PRODUCTS_READ', scope: 'seller' },
  offerCreate: { permission: 'OFFERS_MANAGE', scope: 'seller' },
  inventory: { permission: 'INVENTORY_READ', scope: 'seller' },
  imports: { permission: 'PRODUCTS_MANAGE', scope: 'seller' },
  shipping: { permission: 'SELLER_MANAGE', scope: 'seller' },
  orders: { permission: 'ORDERS_READ', scope: 'seller' },
  counterSale: { permission: 'ORDERS_PLACE_OFFLINE', scope: 'seller' },
  sellerCoupons: { permission: 'COUPONS_MANAGE', scope: 'seller' },
  taxRates: { permission: 'SETTINGS_MANAGE', scope: 'platform' },
  platformCoupons: { permission: 'COUPONS_MANAGE', scope: 'platform' },
  wallets: { permission: 'WALLETS_MANAGE', scope: 'platform' },
} as const satisfies Record<string, Requirement>;
