// Relation fields of purchases and orders, through loaders only.
import type { Category as CategoryRow, Seller as SellerRow, Store as StoreRow } from '@bazaar/db';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { money } from '../../common/money/money.js';
import type { Context } from '../../context.js';
import { Category, Product } from '../catalog/catalog.types.js';
import { Offer } from '../offers/offers.types.js';
import { PaymentStatus, Refund, toRefund } from '../payments/payments.types.js';
import { Seller, Store } from '../sellers/sellers.types.js';
import { visibleOrders } from './orders.service.js';
import {
  CategorySpending,
  Order,
  OrderAction,
  OrderCustomer,
  OrderLine,
  OrderTransition,
  Purchase,
} from './orders.types.js';
import { allowedActions, canReadOrder, toOrder } from './orders.view.js';

@Resolver(() => Purchase)
export class PurchaseFieldResolver {
  @FieldResolver(() => [Order], { description: 'One per seller (only those the viewer may see).' })
  async orders(@Root() purchase: Purchase, @Ctx() ctx: Context): Promise<Order[]> {
    const rows = await visibleOrders(ctx, purchase.row);
    return rows.map((row) => toOrder(row, ctx.locale));
  }

  @FieldResolver(() => PaymentStatus, {
    nullable: true,
    description: 'Of the online (Stripe or wallet) payment; null when paid in store.',
  })
  async paymentStatus(@Root() purchase: Purchase, @Ctx() ctx: Context) {
    const payment = await ctx.loaders.orders.onlinePaymentByPurchase.load(purchase.id);
    return payment?.status ?? null;
  }
}

@Resolver(() => Order)
export class OrderFieldResolver {
  @FieldResolver(() => Seller)
  async seller(@Root() order: Order, @Ctx() ctx: Context): Promise<SellerRow> {
    const seller = await ctx.loaders.sellers.sellerById.load(order.row.sellerId);
    if (!seller) throw new Error(`Seller of order ${order.id} not found`);
    return seller;
  }

  @FieldResolver(() => OrderCustomer, {
    nullable: true,
    description: 'For the customer and the seller staff only; every field null for a walk-in.',
  })
  async customer(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderCustomer | null> {
    if (!canReadOrder(ctx, order.row)) return null;
    if (!order.row.customerId) return { id: null, name: null, email: null };
    const user = await ctx.loaders.identity.userById.load(order.row.customerId);
    return user ? { id: user.id, name: user.name, email: user.email } : null;
  }

  @FieldResolver(() => Store, { nullable: true })
  async pickupStore(@Root() order: Order, @Ctx() ctx: Context): Promise<StoreRow | null> {
    return order.row.pickupStoreId
      ? ctx.loaders.sellers.storeById.load(order.row.pickupStoreId)
      : null;
  }

  @FieldResolver(() => [OrderLine])
  async lines(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderLine[]> {
    const rows = await ctx.loaders.orders.linesByOrder.load(order.id);
    const m = (amount: number) => money(amount, order.row.currency, ctx.locale);
    return rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      title: row.title,
      quantity: row.quantity,
      unitPrice: m(row.unitPrice),
      discount: m(row.discount),
      tax: m(row.tax),
      total: m(row.total),
      productId: row.productId,
      offerId: row.offerId,
    }));
  }

  @FieldResolver(() => [OrderTransition], { description: 'Oldest first.' })
  async transitions(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderTransition[]> {
    const rows = await ctx.loaders.orders.transitionsByOrder.load(order.id);
    return rows.map((row) => ({
      id: row.id,
      from: row.fromStatus,
      to: row.toStatus,
      actorName: row.actorName,
      reason: row.reason,
      at: row.createdAt,
    }));
  }

  @FieldResolver(() => [Refund])
  async refunds(@Root() order: Order, @Ctx() ctx: Context): Promise<Refund[]> {
    const rows = await ctx.loaders.orders.refundsByOrder.load(order.id);
    return rows.map((row) => toRefund(row, order.row.currency, ctx.locale));
  }

  @FieldResolver(() => [OrderAction], { description: 'What the viewer may do to it now.' })
  allowedActions(@Root() order: Order, @Ctx() ctx: Context): OrderAction[] {
    return allowedActions(ctx, order.row);
  }
}

@Resolver(() => OrderLine)
export class OrderLineFieldResolver {
  @FieldResolver(() => Product, { nullable: true })
  product(@Root() line: OrderLine, @Ctx() ctx: Context) {
    return line.productId ? ctx.loaders.catalog.productById.load(line.productId) : null;
  }

  @FieldResolver(() => Offer, { nullable: true })
  offer(@Root() line: OrderLine, @Ctx() ctx: Context) {
    return line.offerId ? ctx.loaders.offers.offerById.load(line.offerId) : null;
  }
}

@Resolver(() => CategorySpending)
export class CategorySpendingFieldResolver {
  @FieldResolver(() => Category)
  async category(@Root() spending: CategorySpending, @Ctx() ctx: Context): Promise<CategoryRow> {
    const category = await ctx.loaders.catalog.categoryById.load(spending.categoryId);
    if (!category) throw new Error(`Category ${spending.categoryId} not found`);
    return category;
  }
}
