export {
  ALL_PERMISSIONS,
  PERMISSION_DESCRIPTIONS,
  Permission,
  SELLER_SCOPED_PERMISSIONS,
} from './permissions.js';
