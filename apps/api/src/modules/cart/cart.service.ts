// The cart: a signed-in shopper's cart, or a guest cart found through the
// HttpOnly `bazaar_cart` cookie (the database keeps only the token's SHA-256).
// Every read re-validates each line against the offer's current price,
// status and stock; mutations check before writing and change nothing on an
// error. Stock is only checked here: reservations belong to checkout.
import { type Cart as CartRow, type CartLine as CartLineRow, Prisma } from '@bazaar/db';
import type { Context } from '../../context.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import { uuidv7 } from '../../common/ids/uuidv7.js';
import { money } from '../../common/money/money.js';
import { hashToken, randomToken } from '../identity/secrets.js';
import {
  type CartLinesAddCode,
  type CartLinesRemoveCode,
  type CartLinesUpdateCode,
  type CartLineWarningCode,
} from './cart.errors.js';
import { type OfferState, loadOfferStates } from './cart.loaders.js';
import {
  type Cart,
  type CartLine,
  type CartLineWarning,
  MAX_LINES_PER_CALL,
  MAX_LINES_PER_CART,
  MAX_QUANTITY,
} from './cart.types.js';

export const CART_COOKIE = 'bazaar_cart';
/** A guest cart (and its cookie) lives this long after its last change. */
export const GUEST_CART_TTL_DAYS = 30;
const GUEST_TTL_MS = GUEST_CART_TTL_DAYS * 86_400_000;

type Tx = Prisma.TransactionClient;

/** Thrown inside a cart transaction to roll it back (the cart it may have opened too); `errors` say why. */
const REFUSED = Symbol('refused');

// ---------------------------------------------------------------------------
// Finding the caller's cart

function ownerWhere(ctx: Context): Prisma.CartWhereInput | null {
  if (ctx.session.userId) return { userId: ctx.session.userId };
  const token = ctx.http.cookie(CART_COOKIE);
  if (!token) return null;
  return { guestTokenHash: hashToken(token), expiresAt: { gt: new Date() } };
}

/** The caller's own cart row, or null. */
async function findOwnCart(ctx: Context): Promise<CartRow | null> {
  const where = ownerWhere(ctx);
  return where ? ctx.db.prisma.cart.findFirst({ where }) : null;
}

type LockedCart = Pick<CartRow, 'id' | 'userId' | 'currency'>;

/** The caller's cart, locked for this transaction (FOR UPDATE), or null. */
async function lockOwnCart(ctx: Context, tx: Tx): Promise<LockedCart | null> {
  const token = ctx.http.cookie(CART_COOKIE);
  const owner = ctx.session.userId
    ? Prisma.sql`user_id = ${ctx.session.userId}::uuid`
    : token
      ? Prisma.sql`guest_token_hash = ${hashToken(token)} AND expires_at > now()`
      : null;
  if (!owner) return null;
  const [cart] = await tx.$queryRaw<LockedCart[]>`
    SELECT id::text AS id, user_id::text AS "userId", currency::text AS currency
      FROM carts WHERE ${owner} FOR UPDATE`;
  return cart ?? null;
}

// ---------------------------------------------------------------------------
// Reading: every line re-validated (a fixed number of statements per cart)

export async function viewer(ctx: Context): Promise<Cart | null> {
  const cart = await findOwnCart(ctx);
  return cart ? viewCart(ctx, cart) : null;
}

function lineWarnings(
  ctx: Context,
  line: CartLineRow,
  offer: OfferState | null,
  cartCurrency: string | null,
): CartLineWarning[] {
  const warning = (
    code: CartLineWarningCode,
    message: string,
    blocking: boolean,
    extra: Partial<CartLineWarning> = {},
  ): CartLineWarning => ({
    code,
    message,
    blocking,
    previousPrice: null,
    availableQuantity: null,
    ...extra,
  });
  if (!offerBuyable(offer) || (cartCurrency && offer.currency !== cartCurrency))
    return [warning('OFFER_WITHDRAWN', 'This item is no longer sold.', true)];
  const warnings: CartLineWarning[] = [];
  if (offer.price !== line.unitPriceSeen)
    warnings.push(
      warning('PRICE_CHANGED', 'The price has changed since you added this item.', false, {
        previousPrice: money(line.unitPriceSeen, offer.currency, ctx.locale),
      }),
    );
  if (!offer.allowBackorder) {
    if (offer.available <= 0)
      warnings.push(
        warning('OUT_OF_STOCK', 'This item is out of stock.', true, { availableQuantity: 0 }),
      );
    else if (offer.available < line.quantity)
      warnings.push(
        warning(
          'QUANTITY_REDUCED_AVAILABLE',
          `Only ${offer.available} available: lower the quantity to buy this item.`,
          true,
          { availableQuantity: offer.available },
        ),
      );
  }
  return warnings;
}

async function viewCart(ctx: Context, cart: CartRow): Promise<Cart> {
  const rows = await ctx.loaders.cart.linesByCart.load(cart.id);
  const offers = await ctx.loaders.cart.offerState.loadMany(rows.map((row) => row.offerId));
  let subtotal = 0;
  let itemCount = 0;
  const lines: CartLine[] = [];
  rows.forEach((row, index) => {
    const offer = offers[index];
    const state = offer instanceof Error ? null : (offer ?? null);
    // The Offer field resolves through the offers loader: hand it the row just read.
    if (state) ctx.loaders.offers.offerById.prime(state.id, state);
    const currency = state?.currency ?? cart.currency ?? 'USD';
    const price = state?.price ?? row.unitPriceSeen;
    const warnings = lineWarnings(ctx, row, state, cart.currency);
    itemCount += row.quantity;
    if (!warnings.some((w) => w.blocking)) subtotal += price * row.quantity;
    lines.push({
      id: row.id,
      offerId: row.offerId,
      quantity: row.quantity,
      unitPrice: money(price, currency, ctx.locale),
      lineTotal: money(price * row.quantity, currency, ctx.locale),
      warnings,
      addedAt: row.addedAt,
    });
  });
  return {
    id: cart.id,
    lines,
    subtotal: cart.currency && rows.length > 0 ? money(subtotal, cart.currency, ctx.locale) : null,
    itemCount,
  };
}

function offerBuyable(offer: OfferState | null | undefined): offer is OfferState {
  return !!offer && offer.status === 'ACTIVE' && offer.productStatus === 'PUBLISHED';
}

function inStockFor(offer: OfferState, quantity: number): boolean {
  return offer.allowBackorder || quantity <= offer.available;
}

/** Re-reads the cart after a write (fresh loaders: the request's caches predate it). */
async function reread(ctx: Context, cartId: string): Promise<Cart | null> {
  ctx.loaders.cart.linesByCart.clear(cartId);
  const cart = await ctx.db.prisma.cart.findUnique({ where: { id: cartId } });
  return cart ? viewCart(ctx, cart) : null;
}

// ---------------------------------------------------------------------------
// cartLinesAdd

export async function addLines(ctx: Context, input: { offerId: string; quantity: number }[]) {
  const errors = new PayloadErrors<CartLinesAddCode>();
  const fail = () => ({ cart: null, errors: errors.list });
  if (input.length > MAX_LINES_PER_CALL) {
    errors.add('TOO_MANY', `At most ${MAX_LINES_PER_CALL} lines at a time.`, 'lines');
    return fail();
  }
  // The same offer twice in one call counts once, quantities added.
  const wanted = new Map<string, { quantity: number; index: number }>();
  input.forEach((line, index) => {
    const field = `lines.${index}`;
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY)
      errors.add(
        'QUANTITY_INVALID',
        `The quantity must be 1 to ${MAX_QUANTITY}.`,
        `${field}.quantity`,
      );
    else if (!isUuid(line.offerId))
      errors.add('OFFER_UNAVAILABLE', 'This item is not for sale.', `${field}.offerId`);
    else {
      const seen = wanted.get(line.offerId);
      wanted.set(line.offerId, {
        quantity: (seen?.quantity ?? 0) + line.quantity,
        index: seen?.index ?? index,
      });
    }
  });
  if (errors.any) return fail();

  const offers = await loadOfferStates(ctx.db.prisma, [...wanted.keys()]);
  let currency: string | null = null;
  for (const [offerId, { index }] of wanted) {
    const offer = offers.get(offerId);
    const field = `lines.${index}.offerId`;
    if (!offerBuyable(offer)) errors.add('OFFER_UNAVAILABLE', 'This item is not for sale.', field);
    else if (currency && offer.currency !== currency)
      errors.add('CURRENCY_MISMATCH', `A cart holds prices in one currency (${currency}).`, field);
    else currency = offer.currency;
  }
  if (errors.any || wanted.size === 0) {
    if (errors.any) return fail();
    const cart = await findOwnCart(ctx);
    return { cart: cart ? await viewCart(ctx, cart) : null, errors: [] };
  }

  let newGuestToken: string | null = null;
  const cartId = await ctx.db.prisma
    .$transaction(async (tx) => {
      let cart = await lockOwnCart(ctx, tx);
      if (!cart && ctx.session.userId) {
        // A first add from two tabs at once: the second waits here for the first's cart.
        await tx.$executeRaw`
        INSERT INTO carts (id, user_id, currency, updated_at)
        VALUES (${uuidv7()}::uuid, ${ctx.session.userId}::uuid, ${currency}, now())
        ON CONFLICT (user_id) DO NOTHING`;
        cart = await lockOwnCart(ctx, tx);
      }
      const existing = cart ? await tx.cartLine.findMany({ where: { cartId: cart.id } }) : [];
      const byOffer = new Map(existing.map((line) => [line.offerId, line]));
      if (existing.length > 0 && cart?.currency && cart.currency !== currency) {
        const [, { index }] = [...wanted][0]!;
        errors.add(
          'CURRENCY_MISMATCH',
          `Your cart holds prices in ${cart.currency}; this item is priced in ${currency}.`,
          `lines.${index}.offerId`,
        );
        throw REFUSED;
      }
      const newLines = [...wanted.keys()].filter((offerId) => !byOffer.has(offerId)).length;
      if (existing.length + newLines > MAX_LINES_PER_CART) {
        errors.add(
          'TOO_MANY',
          `A cart holds at most ${MAX_LINES_PER_CART} different items.`,
          'lines',
        );
        throw REFUSED;
      }
      for (const [offerId, { quantity, index }] of wanted) {
        const total = (byOffer.get(offerId)?.quantity ?? 0) + quantity;
        const offer = offers.get(offerId)!;
        if (total > MAX_QUANTITY)
          errors.add(
            'QUANTITY_INVALID',
            `At most ${MAX_QUANTITY} of one item per cart.`,
            `lines.${index}.quantity`,
          );
        else if (!inStockFor(offer, total))
          errors.add(
            'INSUFFICIENT_STOCK',
            `Only ${offer.available} available.`,
            `lines.${index}.quantity`,
          );
      }
      if (errors.any) throw REFUSED;

      let id = cart?.id;
      if (!id) {
        newGuestToken = randomToken();
        id = (
          await tx.cart.create({
            data: {
              guestTokenHash: hashToken(newGuestToken),
              currency,
              expiresAt: new Date(Date.now() + GUEST_TTL_MS),
            },
          })
        ).id;
      } else if (cart?.currency !== currency || !cart.userId) {
        await tx.cart.update({
          where: { id },
          data: {
            currency,
            ...(cart?.userId ? {} : { expiresAt: new Date(Date.now() + GUEST_TTL_MS) }),
          },
        });
      }
      for (const [offerId, { quantity }] of wanted) {
        const line = byOffer.get(offerId);
        const price = offers.get(offerId)!.price;
        if (line)
          await tx.cartLine.update({
            where: { id: line.id },
            data: { quantity: line.quantity + quantity, unitPriceSeen: price },
          });
        else
          await tx.cartLine.create({
            data: { cartId: id, offerId, quantity, unitPriceSeen: price },
          });
      }
      return id;
    })
    .catch((error: unknown) => {
      if (error === REFUSED) return null;
      throw error;
    });
  if (!cartId) return fail();
  if (newGuestToken) ctx.http.setCookie(CART_COOKIE, newGuestToken, GUEST_CART_TTL_DAYS * 86_400);
  else if (!ctx.session.userId) refreshGuestCookie(ctx);
  return { cart: await reread(ctx, cartId), errors: [] };
}

/** A guest's cookie lives as long as the cart it opens. */
function refreshGuestCookie(ctx: Context): void {
  const token = ctx.http.cookie(CART_COOKIE);
  if (token) ctx.http.setCookie(CART_COOKIE, token, GUEST_CART_TTL_DAYS * 86_400);
}

// ---------------------------------------------------------------------------
// cartLinesUpdate / cartLinesRemove / cartPricesAcknowledge

export async function updateLines(ctx: Context, input: { lineId: string; quantity: number }[]) {
  const errors = new PayloadErrors<CartLinesUpdateCode>();
  const fail = () => ({ cart: null, errors: errors.list });
  if (input.length > MAX_LINES_PER_CALL) {
    errors.add('TOO_MANY', `At most ${MAX_LINES_PER_CALL} lines at a time.`, 'lines');
    return fail();
  }
  input.forEach((line, index) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > MAX_QUANTITY)
      errors.add(
        'QUANTITY_INVALID',
        `The quantity must be 0 (remove) to ${MAX_QUANTITY}.`,
        `lines.${index}.quantity`,
      );
  });
  if (errors.any) return fail();

  const cartId = await ctx.db.prisma.$transaction(async (tx) => {
    const cart = await lockOwnCart(ctx, tx);
    const existing = cart ? await tx.cartLine.findMany({ where: { cartId: cart.id } }) : [];
    const byId = new Map(existing.map((line) => [line.id, line]));
    const growing = input
      .map((change) => ({ change, line: byId.get(change.lineId) }))
      .filter(({ change, line }) => line && change.quantity > line.quantity);
    const offers = await loadOfferStates(
      tx,
      growing.map(({ line }) => line!.offerId),
    );
    input.forEach((change, index) => {
      const line = byId.get(change.lineId);
      const field = `lines.${index}`;
      if (!line)
        return void errors.add('NOT_FOUND', 'No such line in your cart.', `${field}.lineId`);
      if (change.quantity <= line.quantity) return;
      const offer = offers.get(line.offerId);
      if (!offerBuyable(offer))
        errors.add('OFFER_UNAVAILABLE', 'This item is no longer sold.', `${field}.lineId`);
      else if (!inStockFor(offer, change.quantity))
        errors.add('INSUFFICIENT_STOCK', `Only ${offer.available} available.`, `${field}.quantity`);
    });
    if (errors.any || !cart) return null;
    for (const change of input) {
      if (change.quantity === 0) await tx.cartLine.deleteMany({ where: { id: change.lineId } });
      else
        await tx.cartLine.updateMany({
          where: { id: change.lineId },
          data: { quantity: change.quantity },
        });
    }
    await touch(tx, cart);
    return cart.id;
  });
  if (!cartId) return fail();
  if (!ctx.session.userId) refreshGuestCookie(ctx);
  return { cart: await reread(ctx, cartId), errors: [] };
}

export async function removeLines(ctx: Context, lineIds: string[]) {
  const errors = new PayloadErrors<CartLinesRemoveCode>();
  const fail = () => ({ cart: null, errors: errors.list });
  if (lineIds.length > MAX_LINES_PER_CALL) {
    errors.add('TOO_MANY', `At most ${MAX_LINES_PER_CALL} lines at a time.`, 'lineIds');
    return fail();
  }
  const cartId = await ctx.db.prisma.$transaction(async (tx) => {
    const cart = await lockOwnCart(ctx, tx);
    const existing = cart ? await tx.cartLine.findMany({ where: { cartId: cart.id } }) : [];
    const ids = new Set(existing.map((line) => line.id));
    lineIds.forEach((id, index) => {
      if (!ids.has(id)) errors.add('NOT_FOUND', 'No such line in your cart.', `lineIds.${index}`);
    });
    if (errors.any || !cart) return null;
    await tx.cartLine.deleteMany({ where: { cartId: cart.id, id: { in: lineIds } } });
    await touch(tx, cart);
    return cart.id;
  });
  if (!cartId) return fail();
  if (!ctx.session.userId) refreshGuestCookie(ctx);
  return { cart: await reread(ctx, cartId), errors: [] };
}

export async function acknowledgePrices(ctx: Context) {
  const cart = await findOwnCart(ctx);
  if (!cart)
    return {
      cart: null,
      errors: [{ code: 'NOT_FOUND' as const, field: null, message: 'You have no cart.' }],
    };
  await ctx.db.prisma.$executeRaw`
    UPDATE cart_lines l SET unit_price_seen = o.price
      FROM offers o
     WHERE l.cart_id = ${cart.id}::uuid AND o.id = l.offer_id AND l.unit_price_seen <> o.price`;
  return { cart: await reread(ctx, cart.id), errors: [] };
}

/** Keeps a guest cart alive after a change; empties lose their currency. */
async function touch(tx: Tx, cart: LockedCart): Promise<void> {
  const remaining = await tx.cartLine.count({ where: { cartId: cart.id } });
  await tx.cart.update({
    where: { id: cart.id },
    data: {
      ...(remaining === 0 ? { currency: null } : {}),
      ...(cart.userId ? {} : { expiresAt: new Date(Date.now() + GUEST_TTL_MS) }),
    },
  });
}

// ---------------------------------------------------------------------------
// Merge on login

/**
 * Moves a guest cart's lines into the user's cart, inside the sign-in
 * transaction: quantities are added and capped at 99 and at the stock of a
 * non-backorder offer; lines no longer for sale, in another currency than the
 * user's cart, or beyond 100 lines are dropped. The guest cart is deleted.
 * Returns whether there was a guest cart.
 */
export async function mergeGuestCart(tx: Tx, userId: string, guestToken: string): Promise<boolean> {
  const guest = await tx.cart.findUnique({ where: { guestTokenHash: hashToken(guestToken) } });
  if (!guest || guest.userId) return false;
  await tx.$queryRaw`SELECT id FROM carts WHERE id = ${guest.id}::uuid FOR UPDATE`;
  const guestLines = await tx.cartLine.findMany({
    where: { cartId: guest.id },
    orderBy: [{ addedAt: 'asc' }, { id: 'asc' }],
  });
  await tx.cart.delete({ where: { id: guest.id } });
  if (guest.expiresAt && guest.expiresAt <= new Date()) return true;
  if (guestLines.length === 0) return true;

  const cart = await tx.cart.upsert({ where: { userId }, create: { userId }, update: {} });
  await tx.$queryRaw`SELECT id FROM carts WHERE id = ${cart.id}::uuid FOR UPDATE`;
  const own = await tx.cartLine.findMany({ where: { cartId: cart.id } });
  const byOffer = new Map(own.map((line) => [line.offerId, line]));
  const offers = await loadOfferStates(
    tx,
    guestLines.map((line) => line.offerId),
  );
  let currency = own.length > 0 ? cart.currency : null;
  let count = own.length;
  for (const line of guestLines) {
    const offer = offers.get(line.offerId);
    if (!offerBuyable(offer)) continue;
    if (currency && offer.currency !== currency) continue;
    const mine = byOffer.get(line.offerId);
    let quantity = Math.min(MAX_QUANTITY, (mine?.quantity ?? 0) + line.quantity);
    if (!offer.allowBackorder) quantity = Math.min(quantity, offer.available);
    if (mine) {
      if (quantity > mine.quantity)
        await tx.cartLine.update({ where: { id: mine.id }, data: { quantity } });
      continue;
    }
    if (quantity < 1 || count >= MAX_LINES_PER_CART) continue;
    await tx.cartLine.create({
      data: { cartId: cart.id, offerId: line.offerId, quantity, unitPriceSeen: line.unitPriceSeen },
    });
    count += 1;
    currency = offer.currency;
  }
  if (currency !== cart.currency)
    await tx.cart.update({ where: { id: cart.id }, data: { currency } });
  return true;
}

/** At sign-in: merges the guest cart of the request's cookie, then clears the cookie. */
export async function mergeGuestCartOnSignIn(ctx: Context, tx: Tx, userId: string): Promise<void> {
  const token = ctx.http.cookie(CART_COOKIE);
  if (!token) return;
  await mergeGuestCart(tx, userId, token);
  ctx.http.clearCookie(CART_COOKIE);
}
