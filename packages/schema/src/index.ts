export { ALL_PERMISSIONS, Permission } from './permissions.js';
