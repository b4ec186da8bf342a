import { Permission } from '@bazaar/schema';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { User } from '../identity/identity.types.js';
import * as users from './users.service.js';
import {
  UserConnection,
  UserCreateInput,
  UserCreatePayload,
  UserDisablePayload,
  UserEnablePayload,
  UserResetPayload,
  UsersArgs,
} from './users.types.js';

@Resolver()
export class UsersResolver {
  @Query(() => UserConnection, { description: 'Every account, newest first.' })
  @Allow(Permission.USERS_READ)
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: Context) {
    return users.listUsers(ctx, args);
  }

  @Query(() => User, { nullable: true })
  @Allow(Permission.USERS_READ)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.identity.userById.load(id).catch(() => null);
  }

  @Mutation(() => UserCreatePayload, {
    description:
      'Creates an admin, salesperson or counter account and e-mails a set-password link.',
  })
  @Allow(Permission.USERS_MANAGE)
  userCreate(@Arg('input', () => UserCreateInput) input: UserCreateInput, @Ctx() ctx: Context) {
    return users.createUser(ctx, input);
  }

  @Mutation(() => UserDisablePayload)
  @Allow(Permission.USERS_MANAGE)
  userDisable(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.disableUser(ctx, id);
  }

  @Mutation(() => UserEnablePayload)
  @Allow(Permission.USERS_MANAGE)
  userEnable(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.enableUser(ctx, id);
  }

  @Mutation(() => UserResetPayload, {
    description: 'Forces a password reset, ends every session and unlocks the account.',
  })
  @Allow(Permission.USERS_MANAGE)
  userReset(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.resetUser(ctx, id);
  }
}
