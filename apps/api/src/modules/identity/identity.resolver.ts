import type { User as UserRow } from '@bazaar/db';
import type { Permission } from '@bazaar/schema';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authenticated, Public, SignIn } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { RoleAssignment } from '../access/access.types.js';
import { Seller, SellerAccess } from '../sellers/sellers.types.js';
import * as accounts from './account.service.js';
import * as addresses from './address.service.js';
import {
  AccountSignUpInput,
  AccountSignUpPayload,
  Address,
  AddressCreatePayload,
  AddressDeletePayload,
  AddressInput,
  AddressUpdatePayload,
  EmailVerificationSendPayload,
  EmailVerifyInput,
  EmailVerifyPayload,
  PasswordChangeInput,
  PasswordChangePayload,
  PasswordResetInput,
  PasswordResetPayload,
  PasswordResetRequestInput,
  PasswordResetRequestPayload,
  ProfileUpdateInput,
  ProfileUpdatePayload,
  PublicProfile,
  SessionCreateInput,
  SessionCreatePayload,
  SessionRefreshPayload,
  SessionRevokePayload,
  User,
  Viewer,
} from './identity.types.js';
import * as sessions from './session.service.js';

@Resolver()
export class IdentityResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: 'The signed-in user; null when signed out. Public.',
  })
  @Public()
  viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    return accounts.viewer(ctx);
  }

  @Query(() => PublicProfile, {
    nullable: true,
    description: 'What anyone may see of a user. Public.',
  })
  @Public()
  publicProfile(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<PublicProfile | null> {
    return accounts.publicProfile(ctx, id);
  }

  @Mutation(() => AccountSignUpPayload, { description: 'Creates an account and signs in. Public.' })
  @SignIn()
  accountSignUp(
    @Arg('input', () => AccountSignUpInput) input: AccountSignUpInput,
    @Ctx() ctx: Context,
  ) {
    return accounts.signUp(ctx, input);
  }

  @Mutation(() => SessionCreatePayload, {
    description:
      'Logs in: returns an access token and sets the refresh cookie. Public; one per request.',
  })
  @SignIn()
  sessionCreate(
    @Arg('input', () => SessionCreateInput) input: SessionCreateInput,
    @Ctx() ctx: Context,
  ) {
    return sessions.logIn(ctx, input);
  }

  @Mutation(() => SessionRefreshPayload, {
    description: 'Trades the refresh cookie for a new access token (and a new cookie). Public.',
  })
  @SignIn()
  sessionRefresh(@Ctx() ctx: Context) {
    return sessions.refresh(ctx);
  }

  @Mutation(() => SessionRevokePayload, {
    description: 'Logs out: ends the session of the refresh cookie or access token. Public.',
  })
  @SignIn()
  sessionRevoke(@Ctx() ctx: Context) {
    return sessions.logOut(ctx);
  }

  @Mutation(() => PasswordResetRequestPayload, {
    description:
      'E-mails a reset link when the address has an account; answers the same either way. Public.',
  })
  @SignIn()
  passwordResetRequest(
    @Arg('input', () => PasswordResetRequestInput) input: PasswordResetRequestInput,
    @Ctx() ctx: Context,
  ) {
    return accounts.requestPasswordReset(ctx, input);
  }

  @Mutation(() => PasswordResetPayload, {
    description: 'Sets a new password with an e-mailed token. Public.',
  })
  @SignIn()
  passwordReset(
    @Arg('input', () => PasswordResetInput) input: PasswordResetInput,
    @Ctx() ctx: Context,
  ) {
    return accounts.resetPassword(ctx, input);
  }

  @Mutation(() => EmailVerifyPayload, {
    description: 'Confirms an e-mail address with an e-mailed token. Public.',
  })
  @SignIn()
  emailVerify(@Arg('input', () => EmailVerifyInput) input: EmailVerifyInput, @Ctx() ctx: Context) {
    return accounts.verifyEmail(ctx, input);
  }

  @Mutation(() => EmailVerificationSendPayload)
  @Authenticated()
  emailVerificationSend(@Ctx() ctx: Context) {
    return accounts.resendVerification(ctx);
  }

  @Mutation(() => PasswordChangePayload)
  @Authenticated()
  passwordChange(
    @Arg('input', () => PasswordChangeInput) input: PasswordChangeInput,
    @Ctx() ctx: Context,
  ) {
    return accounts.changePassword(ctx, input);
  }

  @Mutation(() => ProfileUpdatePayload)
  @Authenticated()
  profileUpdate(
    @Arg('input', () => ProfileUpdateInput) input: ProfileUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return accounts.updateProfile(ctx, input);
  }

  @Mutation(() => AddressCreatePayload)
  @Authenticated()
  addressCreate(@Arg('input', () => AddressInput) input: AddressInput, @Ctx() ctx: Context) {
    return addresses.createAddress(ctx, input);
  }

  @Mutation(() => AddressUpdatePayload)
  @Authenticated()
  addressUpdate(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AddressInput) input: AddressInput,
    @Ctx() ctx: Context,
  ) {
    return addresses.updateAddress(ctx, id, input);
  }

  @Mutation(() => AddressDeletePayload)
  @Authenticated()
  addressDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return addresses.deleteAddress(ctx, id);
  }
}

@Resolver(() => User)
export class UserFieldResolver {
  @FieldResolver(() => Boolean)
  emailVerified(@Root() user: UserRow): boolean {
    return user.emailVerifiedAt !== null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True while the account is locked after repeated failed logins; a reset unlocks it.',
  })
  locked(@Root() user: UserRow): boolean {
    return user.lockedAt !== null;
  }

  @FieldResolver(() => [RoleAssignment])
  roleAssignments(@Root() user: UserRow, @Ctx() ctx: Context) {
    return ctx.loaders.identity.assignmentsByUser.load(user.id);
  }
}

@Resolver(() => Viewer)
export class ViewerFieldResolver {
  @FieldResolver(() => [Address])
  addresses(@Root() viewer: Viewer, @Ctx() ctx: Context) {
    return ctx.loaders.identity.addressesByUser.load(viewer.user.id);
  }

  @FieldResolver(() => [SellerAccess], {
    description: 'Permissions held within each seller (staff and owners).',
  })
  async sellerAccess(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<SellerAccess[]> {
    const assignments = await ctx.loaders.identity.assignmentsByUser.load(viewer.user.id);
    const access = await Promise.all(
      [...ctx.session.sellerPermissions].map(async ([sellerId, permissions]) => {
        const seller = await ctx.loaders.sellers.sellerById.load(sellerId);
        const storeId = assignments.find((a) => a.sellerId === sellerId && a.storeId)?.storeId;
        const store = storeId ? await ctx.loaders.sellers.storeById.load(storeId) : null;
        return seller
          ? {
              seller: seller as Seller,
              permissions: [...permissions] as Permission[],
              store: store as SellerAccess['store'],
            }
          : null;
      }),
    );
    return access.filter((entry): entry is SellerAccess => entry !== null);
  }
}

@Resolver(() => PublicProfile)
export class PublicProfileFieldResolver {
  @FieldResolver(() => [Seller], { description: 'The shops this user owns.' })
  sellers(@Root() profile: PublicProfile, @Ctx() ctx: Context) {
    return ctx.loaders.sellers.sellersByOwner.load(profile.id);
  }
}
