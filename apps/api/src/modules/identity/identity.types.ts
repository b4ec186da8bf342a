import { Permission } from '@bazaar/schema';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PostalAddress, PostalAddressInput } from '../../common/address/postal-address.js';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';

registerEnumType(Permission, { name: 'Permission' });

export const UserStatus = { ACTIVE: 'ACTIVE', DISABLED: 'DISABLED' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType({
  description: 'An account: every user can shop; sellers and staff also work in the back-office.',
})
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  avatarUrl!: string | null;

  @Field(() => UserStatus)
  status!: UserStatus;

  @Field(() => Boolean, {
    description:
      'Set by an admin reset: the user must choose a new password (via the e-mailed link).',
  })
  passwordResetRequired!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  emailVerifiedAt!: Date | null;
  lockedAt!: Date | null;
}

@ObjectType({ description: 'What anyone may see of a user.' })
export class PublicProfile {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  avatarUrl!: string | null;

  @Field(() => DateTimeScalar)
  memberSince!: Date;
}

@ObjectType()
export class Address extends PostalAddress {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => String)
  recipient!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean)
  isDefault!: boolean;
}

@ObjectType({
  description:
    'Proof of sign-in: send accessToken as `Authorization: Bearer` until expiresAt, then call sessionRefresh.',
})
export class AuthSession {
  @Field(() => String)
  accessToken!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@ObjectType({ description: 'The signed-in user and what they may do.' })
export class Viewer {
  @Field(() => User)
  user!: User;

  @Field(() => [Permission], { description: 'Permissions held platform-wide.' })
  permissions!: Permission[];

  @Field(() => Boolean, {
    description: 'True when the user holds any role: the back-office is for them.',
  })
  canUseBackoffice!: boolean;
}

@InputType()
export class AccountSignUpInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String)
  name!: string;
}

@InputType()
export class SessionCreateInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class PasswordResetRequestInput {
  @Field(() => String)
  email!: string;
}

@InputType()
export class PasswordResetInput {
  @Field(() => String)
  token!: string;

  @Field(() => String)
  newPassword!: string;
}

@InputType()
export class EmailVerifyInput {
  @Field(() => String)
  token!: string;
}

@InputType()
export class PasswordChangeInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;
}

@InputType()
export class ProfileUpdateInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  avatarUrl?: string | null;
}

@InputType()
export class AddressInput extends PostalAddressInput {
  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => String)
  recipient!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isDefault?: boolean | null;
}

const PASSWORD_CODES = {
  PASSWORD_TOO_SHORT: 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_COMMON: 'PASSWORD_TOO_COMMON',
} as const;

export const AccountSignUpErrorCode = {
  EMAIL_INVALID: 'EMAIL_INVALID',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  NAME_REQUIRED: 'NAME_REQUIRED',
  ...PASSWORD_CODES,
} as const;
export const AccountSignUpPayload = MutationPayload(
  'AccountSignUp',
  'session',
  AuthSession,
  AccountSignUpErrorCode,
);

export const SessionCreateErrorCode = {
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
} as const;
export const SessionCreatePayload = MutationPayload(
  'SessionCreate',
  'session',
  AuthSession,
  SessionCreateErrorCode,
);

export const SessionRefreshErrorCode = {
  NO_SESSION: 'NO_SESSION',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  SESSION_REVOKED: 'SESSION_REVOKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
} as const;
export const SessionRefreshPayload = MutationPayload(
  'SessionRefresh',
  'session',
  AuthSession,
  SessionRefreshErrorCode,
);

export const SessionRevokeErrorCode = { NO_SESSION: 'NO_SESSION' } as const;
export const SessionRevokePayload = MutationPayload(
  'SessionRevoke',
  'revoked',
  Boolean,
  SessionRevokeErrorCode,
);

export const PasswordResetRequestErrorCode = { EMAIL_INVALID: 'EMAIL_INVALID' } as const;
export const PasswordResetRequestPayload = MutationPayload(
  'PasswordResetRequest',
  'requested',
  Boolean,
  PasswordResetRequestErrorCode,
);

export const PasswordResetErrorCode = {
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  ...PASSWORD_CODES,
} as const;
export const PasswordResetPayload = MutationPayload(
  'PasswordReset',
  'user',
  User,
  PasswordResetErrorCode,
);

export const EmailVerifyErrorCode = {
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
} as const;
export const EmailVerifyPayload = MutationPayload(
  'EmailVerify',
  'user',
  User,
  EmailVerifyErrorCode,
);

export const EmailVerificationSendErrorCode = { ALREADY_VERIFIED: 'ALREADY_VERIFIED' } as const;
export const EmailVerificationSendPayload = MutationPayload(
  'EmailVerificationSend',
  'sent',
  Boolean,
  EmailVerificationSendErrorCode,
);

export const PasswordChangeErrorCode = {
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  ...PASSWORD_CODES,
} as const;
export const PasswordChangePayload = MutationPayload(
  'PasswordChange',
  'user',
  User,
  PasswordChangeErrorCode,
);

export const ProfileUpdateErrorCode = {
  NAME_REQUIRED: 'NAME_REQUIRED',
  AVATAR_URL_INVALID: 'AVATAR_URL_INVALID',
} as const;
export const ProfileUpdatePayload = MutationPayload(
  'ProfileUpdate',
  'user',
  User,
  ProfileUpdateErrorCode,
);

export const AddressErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  COUNTRY_INVALID: 'COUNTRY_INVALID',
  TOO_MANY_ADDRESSES: 'TOO_MANY_ADDRESSES',
} as const;
export const AddressCreatePayload = MutationPayload(
  'AddressCreate',
  'address',
  Address,
  AddressErrorCode,
);
export const AddressUpdatePayload = MutationPayload(
  'AddressUpdate',
  'address',
  Address,
  AddressErrorCode,
);
export const AddressDeletePayload = MutationPayload(
  'AddressDelete',
  'deletedId',
  ID,
  AddressErrorCode,
);
