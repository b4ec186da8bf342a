import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { assertEveryRootFieldDeclaresAccess } from './common/auth/access.js';
import { DateTimeScalar } from './common/graphql/scalars.js';
import {
  AccessResolver,
  RoleAssignmentFieldResolver,
  RoleFieldResolver,
} from './modules/access/access.resolver.js';
import { ApiKeysResolver } from './modules/api-keys/api-keys.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { CartLineFieldResolver, CartResolver } from './modules/cart/cart.resolver.js';
import { CatalogResolver } from './modules/catalog/catalog.resolver.js';
import {
  CheckoutGroupFieldResolver,
  CheckoutResolver,
} from './modules/checkout/checkout.resolver.js';
import { CouponFieldResolver, CouponsResolver } from './modules/coupons/coupons.resolver.js';
import {
  DeliveryResolver,
  SellerShippingMethodsFieldResolver,
  ShippingMethodFieldResolver,
} from './modules/delivery/delivery.resolver.js';
import {
  AttributeDefinitionFieldResolver,
  CategoryFieldResolver,
} from './modules/catalog/category.field-resolver.js';
import {
  ProductFieldResolver,
  ProductImageFieldResolver,
  SellerProductsFieldResolver,
  VariantFieldResolver,
} from './modules/catalog/product.field-resolver.js';
import {
  IdentityResolver,
  PublicProfileFieldResolver,
  UserFieldResolver,
  ViewerFieldResolver,
} from './modules/identity/identity.resolver.js';
import { SigningKeysResolver } from './modules/identity/signing-keys.resolver.js';
import { ImageFieldResolver } from './modules/media/media.resolver.js';
import { ImportsResolver } from './modules/imports/imports.resolver.js';
import {
  InventoryResolver,
  OfferStockFieldResolver,
  SellerStockFieldResolver,
  StockLevelFieldResolver,
  StockLocationFieldResolver,
  StockMovementFieldResolver,
} from './modules/inventory/inventory.resolver.js';
import {
  OfferFieldResolver,
  OffersResolver,
  PriceChangeFieldResolver,
  PriceScheduleFieldResolver,
  ProductOffersFieldResolver,
  VariantOffersFieldResolver,
} from './modules/offers/offers.resolver.js';
import {
  CategorySpendingFieldResolver,
  OrderFieldResolver,
  OrderLineFieldResolver,
  PurchaseFieldResolver,
} from './modules/orders/order.field-resolver.js';
import { OrdersResolver } from './modules/orders/orders.resolver.js';
import { CategoryProductCountResolver, SearchResolver } from './modules/search/search.resolver.js';
import { SellerFieldResolver, SellersResolver } from './modules/sellers/sellers.resolver.js';
import { ShopResolver } from './modules/shop/shop.resolver.js';
import { StatusResolver } from './modules/status/status.resolver.js';
import { UsersResolver } from './modules/users/users.resolver.js';
import {
  WalletFieldResolver,
  WalletResolver,
  WithdrawalRequestFieldResolver,
} from './modules/wallet/wallet.resolver.js';

/** Every module's resolvers; a module is part of the API once listed here. */
export const resolvers = [
  ShopResolver,
  StatusResolver,
  IdentityResolver,
  UserFieldResolver,
  ViewerFieldResolver,
  PublicProfileFieldResolver,
  SigningKeysResolver,
  AccessResolver,
  RoleFieldResolver,
  RoleAssignmentFieldResolver,
  SellersResolver,
  SellerFieldResolver,
  UsersResolver,
  AuditResolver,
  ApiKeysResolver,
  ImageFieldResolver,
  CatalogResolver,
  CategoryFieldResolver,
  AttributeDefinitionFieldResolver,
  ProductFieldResolver,
  VariantFieldResolver,
  ProductImageFieldResolver,
  SellerProductsFieldResolver,
  SearchResolver,
  CategoryProductCountResolver,
  OffersResolver,
  OfferFieldResolver,
  PriceChangeFieldResolver,
  PriceScheduleFieldResolver,
  ProductOffersFieldResolver,
  VariantOffersFieldResolver,
  InventoryResolver,
  OfferStockFieldResolver,
  StockLevelFieldResolver,
  StockLocationFieldResolver,
  StockMovementFieldResolver,
  SellerStockFieldResolver,
  ImportsResolver,
  CartResolver,
  CartLineFieldResolver,
  DeliveryResolver,
  SellerShippingMethodsFieldResolver,
  ShippingMethodFieldResolver,
  CouponsResolver,
  CouponFieldResolver,
  CheckoutResolver,
  CheckoutGroupFieldResolver,
  OrdersResolver,
  PurchaseFieldResolver,
  OrderFieldResolver,
  OrderLineFieldResolver,
  CategorySpendingFieldResolver,
  WalletResolver,
  WalletFieldResolver,
  WithdrawalRequestFieldResolver,
] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false },
  });
  assertEveryRootFieldDeclaresAccess(schema);
  return schema;
}

/** The SDL committed at packages/schema/schema.graphql, sorted for stable diffs. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = new URL('../../../packages/schema/schema.graphql', import.meta.url);
