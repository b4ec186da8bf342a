/**
 * Every permission a role can grant. Shared by the API (which checks them on
 * every root field) and the back-office (which hides what a user cannot do).
 * Values are stable identifiers stored in the database: add, never rename.
 */
export const Permission = {
  /** Read and change platform settings such as the shop name. */
  SettingsManage: 'settings:manage',
  /** Read operational data: metrics, readiness details. */
  OperationsRead: 'operations:read',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);
