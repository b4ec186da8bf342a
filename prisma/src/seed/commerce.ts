import type { Faker } from '@faker-js/faker';
import type { PrismaClient } from '../generated/client/client.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { book } from './ledger.js';

/** The currency every seeded offer is priced in. */
export const SEED_CURRENCY = 'USD';
/** What the demo shopper finds in the wallet: 500.00. */
export const DEMO_WALLET_CREDIT = 50_000;
export const WELCOME_COUPON = 'WELCOME10';

/** VAT-like rates of the countries stores are seeded in (basis points; some 0). */
const TAX_RATES: Record<string, number> = {
  FR: 2000,
  DE: 1900,
  GB: 2000,
  ES: 2100,
  IT: 2200,
  CN: 1300,
  JP: 1000,
  US: 0,
};

/**
 * Checkout data: every seller's shipping methods (standard flat, express,
 * heavy by weight and free over a threshold), tax rates, the platform's
 * WELCOME10 coupon, and the demo shopper's default address and a wallet
 * credit booked as a balanced ledger transaction (PLATFORM_CREDIT → WALLET).
 */
export async function seedCommerce(
  prisma: PrismaClient,
  faker: Faker,
  /** When the demo shopper was credited: before the demo orders paid from it. */
  creditedAt: Date,
): Promise<void> {
  const sellers = await prisma.seller.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  await prisma.shippingMethod.createMany({
    data: sellers.flatMap((seller) => [
      {
        id: faker.string.uuid(),
        sellerId: seller.id,
        name: 'Standard',
        kind: 'FLAT' as const,
        currency: SEED_CURRENCY,
        flatFee: 499,
        freeOver: 5_000,
        countries: [],
        minDays: 3,
        maxDays: 6,
        position: 0,
      },
      {
        id: faker.string.uuid(),
        sellerId: seller.id,
        name: 'Express',
        kind: 'FLAT' as const,
        currency: SEED_CURRENCY,
        flatFee: 1_499,
        countries: ['FR', 'DE', 'GB', 'US'],
        minDays: 1,
        maxDays: 2,
        position: 1,
      },
      {
        id: faker.string.uuid(),
        sellerId: seller.id,
        name: 'Heavy goods',
        kind: 'BY_WEIGHT' as const,
        currency: SEED_CURRENCY,
        flatFee: 299,
        perKgFee: 150,
        freeOver: 20_000,
        countries: [],
        minDays: 4,
        maxDays: 10,
        position: 2,
      },
    ]),
  });
  await prisma.taxRate.createMany({
    data: Object.entries(TAX_RATES).map(([country, rateBp]) => ({
      id: faker.string.uuid(),
      country,
      rateBp,
    })),
  });
  await prisma.coupon.create({
    data: {
      id: faker.string.uuid(),
      code: WELCOME_COUPON,
      description: '10 % off your first purchase',
      kind: 'PERCENTAGE',
      percentBp: 1_000,
      usageLimit: 10_000,
      perCustomerLimit: 1,
    },
  });

  const shopper = await prisma.user.findUniqueOrThrow({
    where: { email: DEMO_ACCOUNTS[2].email },
    select: { id: true, name: true },
  });
  if ((await prisma.address.count({ where: { userId: shopper.id } })) === 0)
    await prisma.address.create({
      data: {
        id: faker.string.uuid(),
        userId: shopper.id,
        label: 'Home',
        recipient: shopper.name,
        line1: '12 rue de Rivoli',
        city: 'Paris',
        postalCode: '75004',
        country: 'FR',
        isDefault: true,
      },
    });
  await creditWallet(prisma, faker, shopper.id, DEMO_WALLET_CREDIT, creditedAt);
}

/** An admin credit: PLATFORM_CREDIT (may go negative) → the user's WALLET, once per user. */
async function creditWallet(
  prisma: PrismaClient,
  faker: Faker,
  userId: string,
  amount: number,
  at: Date,
) {
  const reference = `seed:${userId}`;
  await prisma.$transaction(async (tx) => {
    if (await tx.ledgerTransaction.findFirst({ where: { kind: 'ADMIN_CREDIT', reference } }))
      return;
    await book(tx, faker, {
      kind: 'ADMIN_CREDIT',
      reference,
      memo: 'Welcome credit (demo data)',
      currency: SEED_CURRENCY,
      at,
      entries: [
        { account: { kind: 'PLATFORM_CREDIT' }, amount: -amount },
        { account: { kind: 'WALLET', userId }, amount },
      ],
    });
  });
}
