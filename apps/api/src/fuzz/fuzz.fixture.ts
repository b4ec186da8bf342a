// The small world the mutation fuzz plays in: two shops, five callers (one per
// role) and one object of every kind, several of them owned by someone else
// than the caller, so ids of other users' and other sellers' objects are at hand.
import { randomUUID } from 'node:crypto';
import { Permission } from '@bazaar/schema';
import { db, type TestApi, type TestClient } from '../../test/api.js';
import { PASSWORD, createUser, signIn } from '../../test/accounts.js';
import { createMedia, createProductWithVariant } from '../../test/catalog.js';
import { contextFor, createShop, createShopper, fillCart } from '../../test/checkout.js';
import { completeCheckout } from '../modules/checkout/checkout-complete.service.js';
import { checkout } from '../modules/checkout/checkout.service.js';
import type { CheckoutCompleteInput, CheckoutInput } from '../modules/checkout/checkout.types.js';
import * as orderActions from '../modules/orders/order-actions.service.js';

export const ROLES = ['anonymous', 'shopper', 'sellerOwnerA', 'salespersonB', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Ids by kind (the kind a field name like `offerId` or a mutation like `orderShip` points at). */
export type IdPools = Record<string, string[]>;

export interface FuzzWorld {
  clients: Record<Role, TestClient>;
  /** The signed-in callers' accounts, restored when a fuzzed call disables or locks one. */
  accounts: Record<Exclude<Role, 'anonymous'>, { id: string; email: string }>;
  ids: IdPools;
  emails: string[];
  slugs: string[];
  skus: string[];
  couponCodes: string[];
  /** Objects in the states the known gaps need. */
  special: { storeWithStock: string; backorderedOffer: string };
  /** Re-signs-in every caller (after a fuzzed call ended a session or changed an account). */
  signInAll(): Promise<void>;
}

const STAFF = [
  Permission.ORDERS_READ,
  Permission.ORDERS_MANAGE,
  Permission.PAYMENTS_COLLECT,
  Permission.REFUNDS_ISSUE,
];

async function gql(client: TestClient, query: string, variables: Record<string, unknown>) {
  const result = await client.graphql(query, variables);
  const payload = Object.values(result.data ?? {})[0] as { errors?: unknown[] } | undefined;
  if (result.errors?.length || !payload || payload.errors?.length)
    throw new Error(`fixture call failed: ${query}\n${JSON.stringify(result)}`);
  return payload as Record<string, { id: string }>;
}

export async function createFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  const shopA = await createShop('fuzz-a');
  const shopB = await createShop('fuzz-b');
  const shopper = await createShopper(200_000, 'shopper@fuzz.test');
  const other = await createShopper(200_000, 'other@fuzz.test');
  const salesperson = await createUser('sales@fuzz-b.test', [
    { role: 'salesperson', sellerId: shopB.seller.id },
  ]);
  const admin = await createUser('admin@fuzz.test', [{ role: 'admin' }]);
  const bystander = await createUser('bystander@fuzz.test', [
    { role: 'salesperson', sellerId: shopA.seller.id },
  ]);

  const offerA = await shopA.offer({ warehouse: 50, store: 10 });
  const scarceA = await shopA.offer({ warehouse: 1 });
  const offerB = await shopB.offer({ warehouse: 50, store: 10 });
  // Backorders: more reserved than on hand, so turning allowBackorder off meets the CHECK.
  const backorderB = await shopB.offer({ warehouse: 1, store: 1 });
  await db.prisma.offer.update({ where: { id: backorderB.id }, data: { allowBackorder: true } });
  await db.prisma.stockLevel.updateMany({
    where: { offerId: backorderB.id },
    data: { backorder: true },
  });
  const owned = await createProductWithVariant({ ownerSellerId: shopA.seller.id });
  const draftB = await createProductWithVariant({
    ownerSellerId: shopB.seller.id,
    status: 'DRAFT',
  });
  const media = await createMedia();
  const image = await db.prisma.productImage.create({
    data: { productId: owned.product.id, mediaId: media.id, position: 0, alt: { en: 'front' } },
  });
  const spareMedia = await createMedia();

  /** An order placed through the real checkout, as the customer would. */
  async function place(
    userId: string,
    lines: { offer: { id: string; price: number }; quantity: number }[],
    method: 'WALLET' | 'IN_STORE',
    choices: CheckoutInput['choices'] = undefined,
  ) {
    await fillCart(userId, lines);
    const customer = contextFor(userId);
    const extra: CheckoutInput = choices ? { choices } : {};
    const quote = await checkout(customer, { ...extra, paymentMethod: method });
    const result = await completeCheckout(customer, {
      ...extra,
      paymentMethod: method,
      idempotencyKey: randomUUID(),
      expectedGrandTotal: quote.grandTotal.amount,
    } as CheckoutCompleteInput);
    if (result.errors.length) throw new Error(`fixture checkout: ${JSON.stringify(result.errors)}`);
    return db.prisma.order.findMany({ where: { purchaseId: result.purchase!.id } });
  }
  const [paidA] = await place(shopper.id, [{ offer: offerA, quantity: 1 }], 'WALLET');
  const [acceptedA] = await place(shopper.id, [{ offer: offerA, quantity: 2 }], 'WALLET');
  const [packedB] = await place(other.id, [{ offer: offerB, quantity: 1 }], 'WALLET');
  const [pickupB] = await place(other.id, [{ offer: offerB, quantity: 1 }], 'IN_STORE', [
    { sellerId: shopB.seller.id, fulfilment: 'PICKUP', pickupStoreId: shopB.store.id },
  ]);
  // Unpaid (in store): the stock stays reserved, 3 against 1 on hand.
  const [backordered] = await place(other.id, [{ offer: backorderB, quantity: 3 }], 'IN_STORE', [
    { sellerId: shopB.seller.id, fulfilment: 'PICKUP', pickupStoreId: shopB.store.id },
  ]);
  const staffA = contextFor(shopA.owner.id, { sellers: { [shopA.seller.id]: STAFF } });
  const staffB = contextFor(shopB.owner.id, { sellers: { [shopB.seller.id]: STAFF } });
  await orderActions.acceptOrder(staffA, acceptedA!.id);
  await orderActions.acceptOrder(staffB, packedB!.id);
  await orderActions.packOrder(staffB, packedB!.id);
  // Carts left open: the shopper's and the other shopper's lines.
  await fillCart(shopper.id, [{ offer: offerB, quantity: 1 }]);
  await fillCart(other.id, [{ offer: scarceA, quantity: 1 }]);

  const clients = {
    anonymous: api.client('10.0.0.1'),
  } as Record<Role, TestClient>;
  const accounts = {
    shopper: { id: shopper.id, email: shopper.email },
    sellerOwnerA: { id: shopA.owner.id, email: shopA.owner.email },
    salespersonB: { id: salesperson.id, email: salesperson.email },
    admin: { id: admin.id, email: admin.email },
  };
  async function signInAll() {
    for (const [role, account] of Object.entries(accounts))
      clients[role as Role] = await signIn(api, account.email, PASSWORD, '10.0.0.2');
  }
  await signInAll();

  // Objects made through the API, as their owners would.
  const adminClient = clients.admin;
  const category = await gql(
    adminClient,
    `mutation($input: CategoryInput!) { categoryCreate(input: $input) { category { id } errors { code } } }`,
    { input: { slug: 'fuzz-things', name: [{ locale: 'EN', value: 'Things' }] } },
  );
  const couponA = await gql(
    clients.sellerOwnerA,
    `mutation($input: CouponInput!) { couponCreate(input: $input) { coupon { id } errors { code } } }`,
    {
      input: { code: 'FUZZA10', kind: 'PERCENTAGE', percentBp: 1000, sellerId: shopA.seller.id },
    },
  );
  const platformCoupon = await gql(
    adminClient,
    `mutation($input: CouponInput!) { couponCreate(input: $input) { coupon { id } errors { code } } }`,
    { input: { code: 'FUZZ5', kind: 'FIXED', amountOff: 500, currency: 'USD' } },
  );
  const role = await gql(
    adminClient,
    `mutation($input: RoleInput!) { roleCreate(input: $input) { role { id } errors { code } } }`,
    { input: { name: 'Fuzz auditor', permissions: ['AUDIT_READ'], scope: 'PLATFORM' } },
  );
  const apiKey = await gql(
    clients.sellerOwnerA,
    `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { id } errors { code } } }`,
    { input: { name: 'ERP', permissions: ['PRODUCTS_READ'], sellerId: shopA.seller.id } },
  );
  const taxRate = await gql(
    adminClient,
    `mutation($input: TaxRateInput!) { taxRateSet(input: $input) { taxRate { id } errors { code } } }`,
    { input: { country: 'FR', rateBp: 2000 } },
  );
  const schedule = await gql(
    clients.sellerOwnerA,
    `mutation($input: PriceScheduleCreateInput!) { priceScheduleCreate(input: $input) { priceSchedule { id } errors { code } } }`,
    {
      input: {
        offerId: offerA.id,
        price: 1_500,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    },
  );
  const otherClient = await signIn(api, other.email, PASSWORD, '10.0.0.3');
  const withdrawal = await gql(
    otherClient,
    `mutation($input: WalletWithdrawalRequestInput!) { walletWithdrawalRequest(input: $input) { withdrawal { id } errors { code } } }`,
    { input: { amount: 1_000, currency: 'USD', idempotencyKey: randomUUID() } },
  );

  const rows = async <T extends { id: string }>(list: Promise<T[]>) =>
    (await list).map((r) => r.id);
  const ids: IdPools = {
    user: [shopper.id, other.id, salesperson.id, admin.id, bystander.id, shopA.owner.id],
    seller: [shopA.seller.id, shopB.seller.id],
    store: [shopA.store.id, shopB.store.id],
    location: [shopA.warehouse.id, shopA.counter.id, shopB.warehouse.id, shopB.counter.id],
    shippingMethod: [shopA.standard.id, shopA.express.id, shopB.standard.id],
    offer: [offerA.id, scarceA.id, offerB.id, backorderB.id],
    product: [offerA.productId, offerB.productId, owned.product.id, draftB.product.id],
    variant: [owned.variant.id, draftB.variant.id],
    image: [image.id],
    media: [media.id, spareMedia.id],
    order: [paidA!.id, acceptedA!.id, packedB!.id, pickupB!.id, backordered!.id],
    purchase: [paidA!.purchaseId, packedB!.purchaseId, pickupB!.purchaseId],
    address: await rows(db.prisma.address.findMany()),
    line: await rows(db.prisma.cartLine.findMany()),
    category: [category['category']!.id],
    coupon: [couponA['coupon']!.id, platformCoupon['coupon']!.id],
    role: [role['role']!.id, ...(await rows(db.prisma.role.findMany()))],
    // Only the bystander's and the other shopper's: withdrawing a caller's own role would
    // leave the rest of the run without it (healing restores it, but costs a sign-in).
    assignment: await rows(
      db.prisma.roleAssignment.findMany({ where: { userId: { in: [bystander.id] } } }),
    ),
    apiKey: [apiKey['apiKey']!.id],
    taxRate: [taxRate['taxRate']!.id],
    priceSchedule: [schedule['priceSchedule']!.id],
    withdrawal: [withdrawal['withdrawal']!.id],
  };
  ids['variant']!.push(
    ...(await rows(db.prisma.variant.findMany({ where: { id: { notIn: ids['variant'] } } }))),
  );
  const variants = await db.prisma.variant.findMany({ select: { sku: true } });
  return {
    clients,
    accounts,
    ids,
    emails: [
      shopper.email,
      other.email,
      salesperson.email,
      admin.email,
      bystander.email,
      shopA.owner.email,
    ],
    slugs: ['fuzz-a', 'fuzz-b', 'fuzz-things', 'product-1'],
    skus: variants.map((v) => v.sku),
    couponCodes: ['FUZZA10', 'FUZZ5', 'WELCOME10'],
    special: { storeWithStock: shopA.store.id, backorderedOffer: backorderB.id },
    signInAll,
  };
}
