import type { RoleAssignment as AssignmentRow, Role as RoleRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Authenticated } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { Seller, Store } from '../sellers/sellers.types.js';
import * as access from './access.service.js';
import {
  PermissionInfo,
  Role,
  RoleAssignInput,
  RoleAssignPayload,
  RoleAssignment,
  RoleCreatePayload,
  RoleDeletePayload,
  RoleInput,
  RoleUpdatePayload,
  RoleWithdrawPayload,
} from './access.types.js';

@Resolver()
export class AccessResolver {
  @Query(() => [Role], { description: 'Every role, built-in first.' })
  @Allow(Permission.ROLES_MANAGE, Permission.USERS_MANAGE, Permission.STAFF_MANAGE)
  roles(@Ctx() ctx: Context): Promise<RoleRow[]> {
    return access.listRoles(ctx);
  }

  @Query(() => [PermissionInfo], {
    description: 'Every permission a role can hold, with what it allows.',
  })
  @Authenticated()
  permissions() {
    return access.listPermissions();
  }

  @Mutation(() => RoleCreatePayload)
  @Allow(Permission.ROLES_MANAGE)
  roleCreate(@Arg('input', () => RoleInput) input: RoleInput, @Ctx() ctx: Context) {
    return access.createRole(ctx, input);
  }

  @Mutation(() => RoleUpdatePayload)
  @Allow(Permission.ROLES_MANAGE)
  roleUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RoleInput) input: RoleInput,
    @Ctx() ctx: Context,
  ) {
    return access.updateRole(ctx, id, input);
  }

  @Mutation(() => RoleDeletePayload)
  @Allow(Permission.ROLES_MANAGE)
  roleDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return access.deleteRole(ctx, id);
  }

  @Mutation(() => RoleAssignPayload, {
    description: 'Any role with USERS_MANAGE; seller roles within your seller with STAFF_MANAGE.',
  })
  @Allow(Permission.USERS_MANAGE, Permission.STAFF_MANAGE)
  roleAssign(@Arg('input', () => RoleAssignInput) input: RoleAssignInput, @Ctx() ctx: Context) {
    return access.assign(ctx, input);
  }

  @Mutation(() => RoleWithdrawPayload)
  @Allow(Permission.USERS_MANAGE, Permission.STAFF_MANAGE)
  roleWithdraw(@Arg('assignmentId', () => ID) assignmentId: string, @Ctx() ctx: Context) {
    return access.withdraw(ctx, assignmentId);
  }
}

@Resolver(() => Role)
export class RoleFieldResolver {
  @FieldResolver(() => Boolean, { description: 'Built-in roles cannot be renamed or deleted.' })
  builtIn(@Root() role: RoleRow): boolean {
    return role.builtInKey !== null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Stable key of a built-in role (seller_owner, salesperson, store_counter, admin, super_admin); null for custom roles.',
  })
  key(@Root() role: RoleRow): string | null {
    return role.builtInKey;
  }

  @FieldResolver(() => Int)
  assignmentCount(@Root() role: RoleRow, @Ctx() ctx: Context) {
    return ctx.loaders.access.assignmentCountByRole.load(role.id);
  }
}

@Resolver(() => RoleAssignment)
export class RoleAssignmentFieldResolver {
  @FieldResolver(() => Role)
  role(@Root() assignment: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.access.roleById.load(assignment.roleId);
  }

  @FieldResolver(() => Seller, { nullable: true })
  seller(@Root() assignment: AssignmentRow, @Ctx() ctx: Context) {
    return assignment.sellerId ? ctx.loaders.sellers.sellerById.load(assignment.sellerId) : null;
  }

  @FieldResolver(() => Store, { nullable: true })
  store(@Root() assignment: AssignmentRow, @Ctx() ctx: Context) {
    return assignment.storeId ? ctx.loaders.sellers.storeById.load(assignment.storeId) : null;
  }
}
