import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { User, UserStatus } from '../identity/identity.types.js';

export const UserConnection = ConnectionType('User', User);

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name or e-mail.' })
  search?: string | null;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus | null;

  @Field(() => ID, { nullable: true })
  roleId?: string | null;
}

@InputType()
export class UserCreateInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => ID, { nullable: true })
  storeId?: string | null;
}

export const UserAdminErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  EMAIL_INVALID: 'EMAIL_INVALID',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  NAME_REQUIRED: 'NAME_REQUIRED',
  ROLE_NOT_FOUND: 'ROLE_NOT_FOUND',
  SELLER_REQUIRED: 'SELLER_REQUIRED',
  SELLER_NOT_FOUND: 'SELLER_NOT_FOUND',
  SELLER_NOT_ALLOWED: 'SELLER_NOT_ALLOWED',
  STORE_REQUIRED: 'STORE_REQUIRED',
  STORE_NOT_FOUND: 'STORE_NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CANNOT_DISABLE_SELF: 'CANNOT_DISABLE_SELF',
} as const;
export const UserCreatePayload = MutationPayload('UserCreate', 'user', User, UserAdminErrorCode);
export const UserDisablePayload = MutationPayload('UserDisable', 'user', User, UserAdminErrorCode);
export const UserEnablePayload = MutationPayload('UserEnable', 'user', User, UserAdminErrorCode);
export const UserResetPayload = MutationPayload('UserReset', 'user', User, UserAdminErrorCode);
