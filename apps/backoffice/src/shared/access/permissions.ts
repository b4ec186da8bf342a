import {
  Permission as PermissionIds,
  PERMISSION_DESCRIPTIONS,
  SELLER_SCOPED_PERMISSIONS,
} from '@bazaar/schema';

import type { Permission } from '../../generated/graphql';

export type { Permission };

/**
 * The GraphQL enum values are the keys of @bazaar/schema's `Permission`
 * object. This fails to compile when the two drift apart.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const enumMatchesPackage: Same<Permission, keyof typeof PermissionIds> = true;
void enumMatchesPackage;

/** Every permission, in the package's order (platform first, then seller-scoped). */
export const ALL_PERMISSION_NAMES = Object.keys(PermissionIds) as Permission[];

/** What a permission allows, from the shared package (for places without Query.permissions). */
export function describePermission(permission: Permission): string {
  return PERMISSION_DESCRIPTIONS[PermissionIds[permission]];
}

/** Whether a role of SELLER scope may carry the permission. */
export function isSellerScoped(permission: Permission): boolean {
  return SELLER_SCOPED_PERMISSIONS.has(PermissionIds[permission]);
}

/** "USERS_MANAGE" -> "Users manage", for compact labels. */
export function permissionLabel(permission: Permission): string {
  const words = permission.toLowerCase().split('_');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
