import type { Access_ViewerFragment, Permission } from '../generated/graphql';

type Viewer = Access_ViewerFragment & { __typename: 'Viewer' };

export const PLATFORM_PERMISSIONS: Permission[] = [
  'SETTINGS_MANAGE',
  'OPERATIONS_READ',
  'USERS_READ',
  'USERS_MANAGE',
  'ROLES_MANAGE',
  'SIGNING_KEYS_MANAGE',
  'AUDIT_READ',
];

export const SELLER_PERMISSIONS: Permission[] = [
  'SELLER_MANAGE',
  'STORES_READ',
  'STORES_MANAGE',
  'STAFF_READ',
  'STAFF_MANAGE',
];

export const greenGrocer = {
  __typename: 'Seller' as const,
  id: 's-green',
  name: 'Green Grocer',
  slug: 'green-grocer',
};

export const harbourBooks = {
  __typename: 'Seller' as const,
  id: 's-harbour',
  name: 'Harbour Books',
  slug: 'harbour-books',
};

export function viewer({
  name = 'Ada Admin',
  email = 'ada@example.com',
  id = 'u-admin',
  permissions = [],
  sellerAccess = [],
  canUseBackoffice = true,
}: {
  name?: string;
  email?: string;
  id?: string;
  permissions?: Permission[];
  sellerAccess?: {
    seller: typeof greenGrocer;
    permissions: Permission[];
    store?: { id: string; name: string } | null;
  }[];
  canUseBackoffice?: boolean;
} = {}): Viewer {
  return {
    __typename: 'Viewer',
    canUseBackoffice,
    permissions,
    user: { __typename: 'User', id, name, email },
    sellerAccess: sellerAccess.map((entry) => ({
      __typename: 'SellerAccess',
      permissions: entry.permissions,
      seller: entry.seller,
      store: entry.store ? { __typename: 'Store', ...entry.store } : null,
    })),
  };
}

/** A platform admin who also runs two shops. */
export const adminViewer = viewer({
  permissions: PLATFORM_PERMISSIONS,
  sellerAccess: [
    { seller: greenGrocer, permissions: SELLER_PERMISSIONS },
    { seller: harbourBooks, permissions: SELLER_PERMISSIONS },
  ],
});

/** A salesperson of one seller: sees its stores and staff, nothing platform-wide. */
export const salespersonViewer = viewer({
  id: 'u-sam',
  name: 'Sam Sales',
  email: 'sam@green.example',
  sellerAccess: [{ seller: greenGrocer, permissions: ['STORES_READ', 'STAFF_READ'] }],
});
