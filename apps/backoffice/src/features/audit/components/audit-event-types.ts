import type { AuditEventType } from '../../../generated/graphql';

/** Every AuditEventType, with a label; the check below fails when the schema adds one. */
export const AUDIT_EVENT_TYPES = {
  LOGIN_SUCCEEDED: 'Login succeeded',
  LOGIN_FAILED: 'Login failed',
  LOGOUT: 'Logout',
  ACCOUNT_LOCKED: 'Account locked',
  REFRESH_TOKEN_REUSED: 'Refresh token reused',
  SIGN_UP: 'Sign-up',
  EMAIL_VERIFIED: 'E-mail verified',
  PASSWORD_CHANGED: 'Password changed',
  PASSWORD_RESET: 'Password reset',
  USER_CREATED: 'User created',
  USER_DISABLED: 'User disabled',
  USER_ENABLED: 'User enabled',
  USER_RESET: 'User reset',
  ROLE_CREATED: 'Role created',
  ROLE_UPDATED: 'Role updated',
  ROLE_DELETED: 'Role deleted',
  ROLE_ASSIGNED: 'Role assigned',
  ROLE_WITHDRAWN: 'Role withdrawn',
  SIGNING_KEY_ROTATED: 'Signing key rotated',
  API_KEY_CREATED: 'API key created',
  API_KEY_REVOKED: 'API key revoked',
  WALLET_CREDITED: 'Wallet credited',
  WITHDRAWAL_DECIDED: 'Withdrawal decided',
} as const satisfies Record<AuditEventType, string>;

/** Events that deserve a second look. */
export const ALARMING_TYPES: ReadonlySet<AuditEventType> = new Set([
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'REFRESH_TOKEN_REUSED',
]);
