import { Permission } from '@bazaar/schema';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';

export const RoleScope = { PLATFORM: 'PLATFORM', SELLER: 'SELLER' } as const;
export type RoleScope = (typeof RoleScope)[keyof typeof RoleScope];
registerEnumType(RoleScope, { name: 'RoleScope' });

@ObjectType({ description: 'A named set of permissions.' })
export class Role {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  builtInKey!: string | null;

  @Field(() => RoleScope, {
    description: 'SELLER roles are assigned within one seller; PLATFORM roles platform-wide.',
  })
  scope!: RoleScope;

  @Field(() => [Permission])
  permissions!: Permission[];
}

@ObjectType({ description: 'A role given to a user, within one seller for seller roles.' })
export class RoleAssignment {
  @Field(() => ID)
  id!: string;

  userId!: string;
  roleId!: string;
  sellerId!: string | null;
  storeId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType()
export class PermissionInfo {
  @Field(() => Permission)
  permission!: Permission;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { description: 'Whether the permission can be granted within one seller.' })
  sellerScoped!: boolean;
}

@InputType()
export class RoleInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => RoleScope)
  scope!: RoleScope;

  @Field(() => [Permission])
  permissions!: Permission[];
}

@InputType()
export class RoleAssignInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => ID, { nullable: true })
  storeId?: string | null;
}

export const RoleErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BUILT_IN: 'BUILT_IN',
  NAME_REQUIRED: 'NAME_REQUIRED',
  NAME_TAKEN: 'NAME_TAKEN',
  PERMISSION_NOT_SELLER_SCOPED: 'PERMISSION_NOT_SELLER_SCOPED',
  IN_USE: 'IN_USE',
  FORBIDDEN: 'FORBIDDEN',
} as const;
export const RoleCreatePayload = MutationPayload('RoleCreate', 'role', Role, RoleErrorCode);
export const RoleUpdatePayload = MutationPayload('RoleUpdate', 'role', Role, RoleErrorCode);
export const RoleDeletePayload = MutationPayload('RoleDelete', 'deletedId', ID, RoleErrorCode);

export const RoleAssignmentErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  ROLE_NOT_FOUND: 'ROLE_NOT_FOUND',
  SELLER_REQUIRED: 'SELLER_REQUIRED',
  SELLER_NOT_ALLOWED: 'SELLER_NOT_ALLOWED',
  SELLER_NOT_FOUND: 'SELLER_NOT_FOUND',
  STORE_NOT_FOUND: 'STORE_NOT_FOUND',
  ALREADY_ASSIGNED: 'ALREADY_ASSIGNED',
  FORBIDDEN: 'FORBIDDEN',
  LAST_SUPER_ADMIN: 'LAST_SUPER_ADMIN',
} as const;
export const RoleAssignPayload = MutationPayload(
  'RoleAssign',
  'assignment',
  RoleAssignment,
  RoleAssignmentErrorCode,
);
export const RoleWithdrawPayload = MutationPayload(
  'RoleWithdraw',
  'withdrawnId',
  ID,
  RoleAssignmentErrorCode,
);
