import { beforeEach, describe, expect, it } from 'vitest';
import { db, sqlLog, startApi } from '../../../test/api.js';
import { LOGIN, PASSWORD, createSeller, createUser } from '../../../test/accounts.js';
import { createOffer, createProductWithVariant, resetCatalog } from '../../../test/catalog.js';
import { runGuestCartExpiry } from './guest-cart-expiry.job.js';

const LINE = `id quantity unitPrice { amount currency } lineTotal { amount }
  warnings { code blocking previousPrice { amount } availableQuantity }
  offer { id status price { amount } }`;
const CART = `id itemCount subtotal { amount currency } lines { ${LINE} }`;
const READ = `query { cart { ${CART} } }`;
const ADD = `mutation($lines: [CartLineAddInput!]!) { cartLinesAdd(lines: $lines) { cart { ${CART} } errors { code field message } } }`;
const UPDATE = `mutation($lines: [CartLineUpdateInput!]!) { cartLinesUpdate(lines: $lines) { cart { ${CART} } errors { code field } } }`;
const REMOVE = `mutation($ids: [ID!]!) { cartLinesRemove(lineIds: $ids) { cart { ${CART} } errors { code field } } }`;
const ACK = `mutation { cartPricesAcknowledge { cart { ${CART} } errors { code } } }`;

function setCookies(headers: Record<string, unknown>): string[] {
  return ([] as string[]).concat((headers['set-cookie'] as string[] | string | undefined) ?? []);
}
const cartCookieLine = (headers: Record<string, unknown>) =>
  setCookies(headers).find((line) => line.startsWith('bazaar_cart='));

async function snapshot() {
  const [carts, lines] = await Promise.all([
    db.prisma.cart.count(),
    db.prisma.cartLine.findMany({
      select: { id: true, quantity: true, unitPriceSeen: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { carts, lines };
}

describe('cart', async () => {
  const api = await startApi();

  beforeEach(async () => {
    await db.prisma.$executeRawUnsafe('TRUNCATE carts CASCADE');
    await resetCatalog();
  });

  /** A browser without an account: keeps the cart cookie (and a token once signed in). */
  function browser() {
    const state: { cookie: string | null; token: string | null } = { cookie: null, token: null };
    return {
      state,
      async graphql(query: string, variables?: Record<string, unknown>) {
        const headers: Record<string, string> = {};
        if (state.cookie) headers['cookie'] = state.cookie;
        if (state.token) headers['authorization'] = `Bearer ${state.token}`;
        const result = await api.graphql<any>(query, variables, headers);
        const line = cartCookieLine(result.headers);
        if (line)
          state.cookie = /^bazaar_cart=;|Max-Age=0|Expires=Thu, 01 Jan 1970/.test(line)
            ? null
            : line.split(';')[0]!;
        return result;
      },
    };
  }

  let seq = 0;
  /** An ACTIVE offer of a PUBLISHED product with `stock` units in a warehouse. */
  async function offer(opts: { price?: number; stock?: number; currency?: string } = {}) {
    seq += 1;
    const { seller } = await createSeller(`shop-${seq}`);
    const { product, variant } = await createProductWithVariant();
    const row = await createOffer(variant.id, seller.id, opts.price ?? 1_000);
    if (opts.currency)
      await db.prisma.offer.update({ where: { id: row.id }, data: { currency: opts.currency } });
    const location = await db.prisma.stockLocation.create({
      data: { sellerId: seller.id, kind: 'WAREHOUSE', name: 'Main' },
    });
    const level = await db.prisma.stockLevel.create({
      data: { offerId: row.id, locationId: location.id, onHand: opts.stock ?? 10 },
    });
    return { ...row, product, level };
  }

  it('a guest add sets an HttpOnly cookie; the same cookie reads the cart, another guest cannot', async () => {
    const a = await offer({ price: 1_500 });
    const guest = browser();
    const added = await guest.graphql(ADD, { lines: [{ offerId: a.id, quantity: 2 }] });
    expect(added.data.cartLinesAdd.errors).toEqual([]);
    expect(added.data.cartLinesAdd.cart).toMatchObject({
      itemCount: 2,
      subtotal: { amount: 3_000, currency: 'USD' },
      lines: [
        { quantity: 2, unitPrice: { amount: 1_500 }, lineTotal: { amount: 3_000 }, warnings: [] },
      ],
    });
    const line = cartCookieLine(added.headers)!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Secure/i);
    expect(line).toMatch(/Path=\/graphql/);
    // Only the token's hash is stored.
    const token = guest.state.cookie!.split('=')[1]!;
    const row = await db.prisma.cart.findFirstOrThrow();
    expect(row.guestTokenHash).not.toContain(token);
    expect(row.expiresAt).not.toBeNull();

    const read = await guest.graphql(READ);
    expect(read.data.cart).toMatchObject({ id: added.data.cartLinesAdd.cart.id, itemCount: 2 });
    // Adding the same offer again increases the quantity, no new cookie.
    const again = await guest.graphql(ADD, { lines: [{ offerId: a.id, quantity: 1 }] });
    expect(again.data.cartLinesAdd.cart.lines).toMatchObject([{ quantity: 3 }]);
    expect(await db.prisma.cart.count()).toBe(1);

    const stranger = browser();
    expect((await stranger.graphql(READ)).data.cart).toBeNull();
    const forged = await api.graphql<any>(READ, {}, { cookie: 'bazaar_cart=not-a-token' });
    expect(forged.data.cart).toBeNull();
    // Another guest cannot touch the first one's lines.
    const lineId = read.data.cart.lines[0].id;
    expect((await stranger.graphql(REMOVE, { ids: [lineId] })).data.cartLinesRemove.errors).toEqual(
      [{ code: 'NOT_FOUND', field: 'lineIds.0' }],
    );
    expect(
      (await stranger.graphql(UPDATE, { lines: [{ lineId, quantity: 5 }] })).data.cartLinesUpdate
        .errors,
    ).toEqual([{ code: 'NOT_FOUND', field: 'lines.0.lineId' }]);
    expect((await db.prisma.cartLine.findFirstOrThrow()).quantity).toBe(3);
  });

  it('the expiry job deletes abandoned guest carts only, lines included', async () => {
    const a = await offer();
    const abandoned = browser();
    const active = browser();
    await abandoned.graphql(ADD, { lines: [{ offerId: a.id, quantity: 1 }] });
    await active.graphql(ADD, { lines: [{ offerId: a.id, quantity: 2 }] });
    const user = await createUser('keeper@example.com');
    await db.prisma.cart.create({ data: { userId: user.id } });
    const [first] = await db.prisma.cart.findMany({
      where: { userId: null },
      orderBy: { createdAt: 'asc' },
    });
    await db.prisma.cart.update({
      where: { id: first!.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });

    expect(await runGuestCartExpiry(db.prisma)).toBe(1);
    expect((await abandoned.graphql(READ)).data.cart).toBeNull();
    expect((await active.graphql(READ)).data.cart).toMatchObject({ itemCount: 2 });
    expect(await db.prisma.cart.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.prisma.cartLine.count()).toBe(1);
    expect(await runGuestCartExpiry(db.prisma)).toBe(0);
  });

  it('signing in merges the guest cart into the user cart and clears the cookie', async () => {
    const a = await offer({ price: 1_000, stock: 5 });
    const b = await offer({ price: 2_000, stock: 50 });
    const c = await offer({ price: 300, stock: 50 });
    const user = await createUser('shopper@example.test');
    // The user already has a cart with 4 of A and 1 of C.
    const signedIn = browser();
    const login1 = await api.graphql<any>(LOGIN, { email: user.email, password: PASSWORD });
    signedIn.state.token = login1.data.sessionCreate.session.accessToken;
    await signedIn.graphql(ADD, {
      lines: [
        { offerId: a.id, quantity: 4 },
        { offerId: c.id, quantity: 1 },
      ],
    });
    expect(signedIn.state.cookie).toBeNull();

    const guest = browser();
    await guest.graphql(ADD, {
      lines: [
        { offerId: a.id, quantity: 3 },
        { offerId: b.id, quantity: 2 },
      ],
    });
    expect(guest.state.cookie).not.toBeNull();
    const login = await guest.graphql(LOGIN, { email: user.email, password: PASSWORD });
    expect(login.data.sessionCreate.errors).toEqual([]);
    const cleared = cartCookieLine(login.headers);
    expect(cleared).toBeDefined();
    expect(guest.state.cookie).toBeNull();
    guest.state.token = login.data.sessionCreate.session.accessToken;

    const cart = (await guest.graphql(READ)).data.cart;
    const byOffer = Object.fromEntries(
      cart.lines.map((l: { offer: { id: string }; quantity: number }) => [l.offer.id, l.quantity]),
    );
    // A: 4 + 3 capped at the 5 in stock; B moved over; C kept.
    expect(byOffer).toEqual({ [a.id]: 5, [b.id]: 2, [c.id]: 1 });
    expect(cart.subtotal).toEqual({ amount: 5 * 1_000 + 2 * 2_000 + 300, currency: 'USD' });
    expect(await db.prisma.cart.count()).toBe(1);
    expect((await db.prisma.cart.findFirstOrThrow()).userId).toBe(user.id);
  });

  it('first adds from two tabs at once open one cart holding both items', async () => {
    const a = await offer();
    const b = await offer();
    const user = await createUser('tabs@example.test');
    const login = await api.graphql<any>(LOGIN, { email: user.email, password: PASSWORD });
    const tab = browser();
    tab.state.token = login.data.sessionCreate.session.accessToken;
    // A refused first add opens no cart.
    const refused = await tab.graphql(ADD, { lines: [{ offerId: a.id, quantity: 60 }] });
    expect(refused.data.cartLinesAdd.errors.map((e: { code: string }) => e.code)).toEqual([
      'INSUFFICIENT_STOCK',
    ]);
    expect(await db.prisma.cart.count()).toBe(0);
    const results = await Promise.all(
      [a, b, a, b].map((o) => tab.graphql(ADD, { lines: [{ offerId: o.id, quantity: 1 }] })),
    );
    expect(results.map((r) => [r.errors, r.data.cartLinesAdd.errors])).toEqual(
      Array(4).fill([undefined, []]),
    );
    const lines = (await tab.graphql(READ)).data.cart.lines;
    expect(Object.fromEntries(lines.map((l: any) => [l.offer.id, l.quantity]))).toEqual({
      [a.id]: 2,
      [b.id]: 2,
    });
    expect(await db.prisma.cart.count()).toBe(1);
  });

  it('bad inputs get coded errors and change nothing', async () => {
    const a = await offer({ stock: 3 });
    const withdrawn = await offer();
    await db.prisma.offer.update({ where: { id: withdrawn.id }, data: { status: 'INACTIVE' } });
    const draft = await offer();
    await db.prisma.product.update({ where: { id: draft.product.id }, data: { status: 'DRAFT' } });
    const euro = await offer({ currency: 'EUR' });
    const guest = browser();
    await guest.graphql(ADD, { lines: [{ offerId: a.id, quantity: 1 }] });
    const before = await snapshot();
    const cookie = guest.state.cookie;

    const codes = async (lines: unknown[]) => {
      const result = await guest.graphql(ADD, { lines });
      if (result.errors) return result.errors.map(() => 'GRAPHQL');
      expect(result.data.cartLinesAdd.cart).toBeNull();
      return result.data.cartLinesAdd.errors.map((e: { code: string }) => e.code);
    };
    expect(await codes([{ offerId: a.id, quantity: 0 }])).toEqual(['QUANTITY_INVALID']);
    expect(await codes([{ offerId: a.id, quantity: 100 }])).toEqual(['QUANTITY_INVALID']);
    expect(await codes([{ offerId: a.id, quantity: -1 }])).toEqual(['QUANTITY_INVALID']);
    expect(await codes([{ offerId: a.id, quantity: 1.5 }])).toEqual(['GRAPHQL']);
    expect(await codes([{ offerId: a.id, quantity: 3 }])).toEqual(['INSUFFICIENT_STOCK']);
    expect(await codes([{ offerId: '0190c0de-0000-7000-8000-000000000000', quantity: 1 }])).toEqual(
      ['OFFER_UNAVAILABLE'],
    );
    expect(await codes([{ offerId: 'nope', quantity: 1 }])).toEqual(['OFFER_UNAVAILABLE']);
    expect(await codes([{ offerId: withdrawn.id, quantity: 1 }])).toEqual(['OFFER_UNAVAILABLE']);
    expect(await codes([{ offerId: draft.id, quantity: 1 }])).toEqual(['OFFER_UNAVAILABLE']);
    expect(await codes([{ offerId: euro.id, quantity: 1 }])).toEqual(['CURRENCY_MISMATCH']);
    expect(await codes(Array.from({ length: 51 }, () => ({ offerId: a.id, quantity: 1 })))).toEqual(
      ['TOO_MANY'],
    );
    const lineId = (await db.prisma.cartLine.findFirstOrThrow()).id;
    const update = await guest.graphql(UPDATE, { lines: [{ lineId, quantity: 100 }] });
    expect(update.data.cartLinesUpdate.errors).toEqual([
      { code: 'QUANTITY_INVALID', field: 'lines.0.quantity' },
    ]);
    const tooMuch = await guest.graphql(UPDATE, { lines: [{ lineId, quantity: 4 }] });
    expect(tooMuch.data.cartLinesUpdate.errors).toEqual([
      { code: 'INSUFFICIENT_STOCK', field: 'lines.0.quantity' },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(guest.state.cookie).toBe(cookie);

    // A cart holds at most 100 different offers.
    const many = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const { variant } = await createProductWithVariant();
        return createOffer(variant.id, a.sellerId, 100 + i);
      }),
    );
    await db.prisma.offer.updateMany({
      where: { id: { in: many.map((o) => o.id) } },
      data: { allowBackorder: true },
    });
    const first = many.slice(0, 50).map((o) => ({ offerId: o.id, quantity: 1 }));
    const second = many.slice(50, 99).map((o) => ({ offerId: o.id, quantity: 1 }));
    expect((await guest.graphql(ADD, { lines: first })).data.cartLinesAdd.errors).toEqual([]);
    expect((await guest.graphql(ADD, { lines: second })).data.cartLinesAdd.errors).toEqual([]);
    const full = await snapshot();
    expect(full.lines).toHaveLength(100);
    expect(await codes([{ offerId: many[99]!.id, quantity: 1 }])).toEqual(['TOO_MANY']);
    expect(await snapshot()).toEqual(full);
  });

  it('update, remove, and warnings after the seller changes a price, withdraws or stock drops', async () => {
    const priced = await offer({ price: 1_000 });
    const withdrawn = await offer({ price: 2_000 });
    const dropping = await offer({ price: 500, stock: 10 });
    const gone = await offer({ price: 700, stock: 10 });
    const guest = browser();
    const added = await guest.graphql(ADD, {
      lines: [
        { offerId: priced.id, quantity: 1 },
        { offerId: withdrawn.id, quantity: 1 },
        { offerId: dropping.id, quantity: 4 },
        { offerId: gone.id, quantity: 2 },
      ],
    });
    expect(added.data.cartLinesAdd.cart.subtotal.amount).toBe(1_000 + 2_000 + 2_000 + 1_400);

    await db.prisma.offer.update({ where: { id: priced.id }, data: { price: 1_200 } });
    await db.prisma.offer.update({ where: { id: withdrawn.id }, data: { status: 'INACTIVE' } });
    await db.prisma.stockLevel.update({ where: { id: dropping.level.id }, data: { onHand: 2 } });
    await db.prisma.stockLevel.update({ where: { id: gone.level.id }, data: { onHand: 0 } });

    const cart = (await guest.graphql(READ)).data.cart;
    const warnings = Object.fromEntries(
      cart.lines.map((l: { offer: { id: string }; warnings: unknown[] }) => [
        l.offer.id,
        l.warnings,
      ]),
    );
    expect(warnings[priced.id]).toEqual([
      {
        code: 'PRICE_CHANGED',
        blocking: false,
        previousPrice: { amount: 1_000 },
        availableQuantity: null,
      },
    ]);
    expect(warnings[withdrawn.id]).toMatchObject([{ code: 'OFFER_WITHDRAWN', blocking: true }]);
    expect(warnings[dropping.id]).toMatchObject([
      { code: 'QUANTITY_REDUCED_AVAILABLE', blocking: true, availableQuantity: 2 },
    ]);
    expect(warnings[gone.id]).toMatchObject([{ code: 'OUT_OF_STOCK', blocking: true }]);
    // Only the line that can be bought counts, at the current price.
    expect(cart.subtotal.amount).toBe(1_200);
    expect(cart.itemCount).toBe(8);

    const ack = await guest.graphql(ACK);
    expect(ack.data.cartPricesAcknowledge.errors).toEqual([]);
    const pricedLine = ack.data.cartPricesAcknowledge.cart.lines.find(
      (l: { offer: { id: string } }) => l.offer.id === priced.id,
    );
    expect(pricedLine.warnings).toEqual([]);

    // Lowering to what is available clears the warning; 0 removes; remove removes.
    const lineOf = (id: string) =>
      cart.lines.find((l: { offer: { id: string } }) => l.offer.id === id).id as string;
    const updated = await guest.graphql(UPDATE, {
      lines: [
        { lineId: lineOf(dropping.id), quantity: 2 },
        { lineId: lineOf(withdrawn.id), quantity: 0 },
      ],
    });
    expect(updated.data.cartLinesUpdate.errors).toEqual([]);
    expect(updated.data.cartLinesUpdate.cart.subtotal.amount).toBe(1_200 + 1_000);
    const removed = await guest.graphql(REMOVE, { ids: [lineOf(gone.id)] });
    expect(removed.data.cartLinesRemove.cart.lines).toHaveLength(2);
    // A withdrawn offer cannot be increased.
    await db.prisma.offer.update({ where: { id: dropping.id }, data: { status: 'INACTIVE' } });
    const up = await guest.graphql(UPDATE, {
      lines: [{ lineId: lineOf(dropping.id), quantity: 1 }],
    });
    expect(up.data.cartLinesUpdate.errors).toEqual([]);
    const blocked = await guest.graphql(UPDATE, {
      lines: [{ lineId: lineOf(dropping.id), quantity: 2 }],
    });
    expect(blocked.data.cartLinesUpdate.errors).toEqual([
      { code: 'OFFER_UNAVAILABLE', field: 'lines.0.lineId' },
    ]);
  });

  it('a cart read costs the same number of SQL statements with 10 lines as with 2', async () => {
    const offers: { id: string }[] = [];
    for (let i = 0; i < 10; i += 1) offers.push(await offer({ price: 100 + i }));
    const count = async (n: number) => {
      await db.prisma.$executeRawUnsafe('TRUNCATE carts CASCADE');
      const guest = browser();
      const added = await guest.graphql(ADD, {
        lines: offers.slice(0, n).map((o) => ({ offerId: o.id, quantity: 1 })),
      });
      expect(added.data.cartLinesAdd.errors).toEqual([]);
      sqlLog.length = 0;
      const read = await guest.graphql(READ);
      expect(read.data.cart.lines).toHaveLength(n);
      return sqlLog.length;
    };
    const two = await count(2);
    const ten = await count(10);
    expect(ten).toBe(two);
    expect(two).toBeLessThanOrEqual(4);
  });
});
