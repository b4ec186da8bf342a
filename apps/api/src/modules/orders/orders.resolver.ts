import { Permission } from '@bazaar/schema';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Authenticated } from '../../common/auth/access.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import * as actions from './order-actions.service.js';
import * as offline from './offline-order.service.js';
import * as orders from './orders.service.js';
import {
  CategorySpending,
  OfflineOrderInput,
  OfflineOrderPlacePayload,
  Order,
  OrderCancelInput,
  OrderConnection,
  OrderPayload,
  OrderRefundInput,
  OrderRefundPayload,
  OrderShipInput,
  Purchase,
  PurchaseConnection,
  SellerOrdersArgs,
} from './orders.types.js';

@Resolver()
export class OrdersResolver {
  @Query(() => Purchase, {
    nullable: true,
    description:
      "A purchase: the viewer's own, or one whose every order the viewer may read (its totals cover them all); null otherwise.",
  })
  @Authenticated()
  purchase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return orders.purchase(ctx, id);
  }

  @Query(() => PurchaseConnection, { description: "The viewer's purchases, newest first." })
  @Authenticated()
  myPurchases(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return orders.myPurchases(ctx, args);
  }

  @Query(() => [CategorySpending], {
    description:
      'What the viewer spent per top-level category: paid (or further along) orders, net of refunds; placed in [from, to).',
  })
  @Authenticated()
  mySpendingByCategory(
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
  ) {
    return orders.mySpendingByCategory(ctx, { from, to });
  }

  @Query(() => Order, {
    nullable: true,
    description:
      'An order: its customer, staff of its seller with ORDERS_READ, or platform ORDERS_READ; null otherwise.',
  })
  @Authenticated()
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return orders.order(ctx, id);
  }

  @Query(() => OrderConnection, {
    description: "A seller's orders, newest first, filtered. ORDERS_READ within that seller.",
  })
  @Allow(Permission.ORDERS_READ)
  sellerOrders(@Args(() => SellerOrdersArgs) args: SellerOrdersArgs, @Ctx() ctx: Context) {
    return orders.sellerOrders(ctx, args);
  }

  @Mutation(() => OrderPayload, { description: 'PAID → ACCEPTED. ORDERS_MANAGE.' })
  @Allow(Permission.ORDERS_MANAGE)
  orderAccept(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.acceptOrder(ctx, id);
  }

  @Mutation(() => OrderPayload, { description: 'ACCEPTED → PACKED. ORDERS_MANAGE.' })
  @Allow(Permission.ORDERS_MANAGE)
  orderPack(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.packOrder(ctx, id);
  }

  @Mutation(() => OrderPayload, {
    description:
      'PACKED → SHIPPED (delivery orders), with carrier and tracking number. ORDERS_MANAGE.',
  })
  @Allow(Permission.ORDERS_MANAGE)
  orderShip(@Arg('input', () => OrderShipInput) input: OrderShipInput, @Ctx() ctx: Context) {
    return actions.shipOrder(ctx, input);
  }

  @Mutation(() => OrderPayload, {
    description:
      'SHIPPED → DELIVERED, PACKED → DELIVERED (pick-up collected), PAID → DELIVERED (counter sale handed over). ORDERS_MANAGE, or PAYMENTS_COLLECT for offline orders.',
  })
  @Allow(Permission.ORDERS_MANAGE, Permission.PAYMENTS_COLLECT)
  orderDeliver(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.deliverOrder(ctx, id);
  }

  @Mutation(() => OrderPayload, {
    description: 'DELIVERED → COMPLETED; releases the money to the seller. ORDERS_MANAGE.',
  })
  @Allow(Permission.ORDERS_MANAGE)
  orderComplete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.completeOrder(ctx, id);
  }

  @Mutation(() => OrderPayload, {
    description:
      'Cancels with a reason: releases held stock, refunds what was paid and puts sold stock back. The customer while PLACED or PAID (an unpaid online order cancels the whole purchase); staff with ORDERS_MANAGE from PAID on (or an unpaid in-store order).',
  })
  @Authenticated()
  orderCancel(@Arg('input', () => OrderCancelInput) input: OrderCancelInput, @Ctx() ctx: Context) {
    return actions.cancelOrderAction(ctx, input);
  }

  @Mutation(() => OrderPayload, {
    description: 'An in-store order paid at the counter: PLACED → PAID. PAYMENTS_COLLECT.',
  })
  @Allow(Permission.PAYMENTS_COLLECT)
  orderMarkPaid(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.markOrderPaid(ctx, id);
  }

  @Mutation(() => OrderRefundPayload, {
    description:
      'Refunds part or all of a paid order to its payment method; idempotent by key. REFUNDS_ISSUE.',
  })
  @Allow(Permission.REFUNDS_ISSUE)
  orderRefund(@Arg('input', () => OrderRefundInput) input: OrderRefundInput, @Ctx() ctx: Context) {
    return actions.refundOrderAction(ctx, input);
  }

  @Mutation(() => OfflineOrderPlacePayload, {
    description:
      "A counter sale for a walk-in customer (an account by e-mail, or anonymous) from one store's stock, paid in store, picked up there. ORDERS_PLACE_OFFLINE.",
  })
  @Allow(Permission.ORDERS_PLACE_OFFLINE)
  offlineOrderPlace(
    @Arg('input', () => OfflineOrderInput) input: OfflineOrderInput,
    @Ctx() ctx: Context,
  ) {
    return offline.placeOfflineOrder(ctx, input);
  }
}
