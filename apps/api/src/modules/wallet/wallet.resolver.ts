import { Permission } from '@bazaar/schema';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Authenticated } from '../../common/auth/access.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import { User } from '../identity/identity.types.js';
import {
  canManageWallets,
  listWithdrawals,
  sellerBalances,
  walletBalances,
  walletEntries,
} from './wallet-query.service.js';
import * as wallets from './wallet.service.js';
import {
  SellerBalance,
  Wallet,
  WalletBalance,
  WalletCreditInput,
  WalletCreditPayload,
  WalletEntryConnection,
  WalletTopUpInput,
  WalletTopUpPayload,
  WalletWithdrawalRequestInput,
  WalletWithdrawalRequestPayload,
  WithdrawalDecideInput,
  WithdrawalDecidePayload,
  WithdrawalRequest,
  WithdrawalRequestConnection,
  WithdrawalRequestsArgs,
} from './wallet.types.js';

@Resolver()
export class WalletResolver {
  @Query(() => Wallet, { description: "The signed-in user's wallet." })
  @Authenticated()
  myWallet(@Ctx() ctx: Context): Wallet {
    return { userId: ctx.session.userId! };
  }

  @Mutation(() => WalletTopUpPayload, {
    description: 'Starts a card top-up (Stripe): confirm payment.clientSecret with Stripe.js.',
  })
  @Authenticated()
  walletTopUp(@Arg('input', () => WalletTopUpInput) input: WalletTopUpInput, @Ctx() ctx: Context) {
    return wallets.topUp(ctx, input);
  }

  @Mutation(() => WalletWithdrawalRequestPayload, {
    description: 'Asks to take money out of the wallet; it is held until an admin decides.',
  })
  @Authenticated()
  walletWithdrawalRequest(
    @Arg('input', () => WalletWithdrawalRequestInput) input: WalletWithdrawalRequestInput,
    @Ctx() ctx: Context,
  ) {
    return wallets.requestWithdrawal(ctx, input);
  }

  @Mutation(() => WalletCreditPayload, { description: "Credits a user's wallet (audited)." })
  @Allow(Permission.WALLETS_MANAGE)
  walletCredit(
    @Arg('input', () => WalletCreditInput) input: WalletCreditInput,
    @Ctx() ctx: Context,
  ) {
    return wallets.credit(ctx, input);
  }

  @Query(() => WithdrawalRequestConnection, { description: 'Withdrawal requests, newest first.' })
  @Allow(Permission.WALLETS_MANAGE)
  withdrawalRequests(
    @Args(() => WithdrawalRequestsArgs) args: WithdrawalRequestsArgs,
    @Ctx() ctx: Context,
  ) {
    return listWithdrawals(ctx, { status: args.status ?? null }, args);
  }

  @Mutation(() => WithdrawalDecidePayload, {
    description: 'Pays out (approve) or rejects a withdrawal request (audited).',
  })
  @Allow(Permission.WALLETS_MANAGE)
  withdrawalDecide(
    @Arg('input', () => WithdrawalDecideInput) input: WithdrawalDecideInput,
    @Ctx() ctx: Context,
  ) {
    return wallets.decideWithdrawal(ctx, input);
  }

  @Query(() => [SellerBalance], {
    description: "A seller's escrow and available balance per currency.",
  })
  @Allow(Permission.ORDERS_READ)
  sellerBalance(@Arg('sellerId', () => ID) sellerId: string, @Ctx() ctx: Context) {
    return sellerBalances(ctx, sellerId);
  }
}

@Resolver(() => Wallet)
export class WalletFieldResolver {
  @FieldResolver(() => [WalletBalance], { description: 'One per currency the wallet has used.' })
  balances(@Root() wallet: Wallet, @Ctx() ctx: Context) {
    return walletBalances(ctx, wallet.userId);
  }

  @FieldResolver(() => WalletEntryConnection, { description: 'Movements, newest first.' })
  entries(
    @Root() wallet: Wallet,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return walletEntries(ctx, wallet.userId, args);
  }

  @FieldResolver(() => WithdrawalRequestConnection, { description: 'Newest first.' })
  withdrawals(
    @Root() wallet: Wallet,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return listWithdrawals(ctx, { userId: wallet.userId }, args);
  }
}

@Resolver(() => WithdrawalRequest)
export class WithdrawalRequestFieldResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who asked; visible to wallet admins and the user.',
  })
  user(@Root() withdrawal: WithdrawalRequest, @Ctx() ctx: Context) {
    if (!canManageWallets(ctx) && ctx.session.userId !== withdrawal.userId) return null;
    return ctx.loaders.identity.userById.load(withdrawal.userId);
  }
}
