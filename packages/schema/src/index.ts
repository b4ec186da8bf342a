export {
  ALL_PERMISSIONS,
  PERMISSION_DESCRIPTIONS,
  Permission,
  SELLER_SCOPED_PERMISSIONS,
} from './permissions.js';
export { BUILT_IN_ROLES, type BuiltInRoleKey } from './built-in-roles.js';
