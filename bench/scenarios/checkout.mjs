// Checkout on the medium dataset: add to cart, place order over many distinct
// offers (each buyer adds one unit and pays from their wallet), and a flash
// sale (500 buyers at once for the last units of one offer). Buyers are real
// accounts signed up here and credited by the demo admin.
import { randomUUID } from 'node:crypto';
import {
  BASE,
  DURATION_S,
  WARMUP_S,
  buyerLoans,
  cpuColumns,
  graphql,
  load,
  measureCpu,
  row,
} from '../lib.mjs';

const BUYERS = 64;
/** Add to cart: one buyer per connection, each cycling through its own offers. */
const CART_BUYERS = 20;
const OFFERS_PER_CART = 40;
const FLASH_BUYERS = 500;
const PASSWORD = 'bench-buyer-pass-2026';
const ADMIN = { email: 'admin@bazaar.test', password: 'bazaar-demo-pass' };
export const ADDRESS = {
  recipient: 'Bench Buyer',
  line1: '1 Load Street',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
};

const LOGIN = `mutation Login($email: String!, $password: String!) {
  sessionCreate(input: { email: $email, password: $password }) { session { accessToken } errors { code } } }`;
const SIGN_UP = `mutation SignUp($input: AccountSignUpInput!) {
  accountSignUp(input: $input) { session { accessToken user { id } } errors { code message } } }`;
const CREDIT = `mutation Credit($input: WalletCreditInput!) {
  walletCredit(input: $input) { errors { code message } } }`;
export const ADD = `mutation Add($offerId: ID!) {
  cartLinesAdd(lines: [{ offerId: $offerId, quantity: 1 }]) { errors { code } } }`;
export const CHECKOUT = `query Checkout($input: CheckoutInput) {
  checkout(input: $input) { grandTotal { amount } problems { code message } } }`;
export const PLACE = `mutation Place($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { purchase { id number } errors { code message } } }`;
const OFFERS = `query Offers($after: String) {
  products(first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node {
    variants { offers { id availableQuantity stockStatus } } } } } }`;

async function call(query, variables, token) {
  const started = performance.now();
  const response = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = await response.json();
  return { ms: performance.now() - started, ok: response.ok && !result.errors, result };
}

/** Offers in stock, backorders left out (the seed prices every offer in the shop's currency). */
export async function offersInStock() {
  const offers = [];
  let after = null;
  do {
    const { products } = await graphql(OFFERS, { after });
    for (const { node } of products.edges)
      for (const variant of node.variants)
        for (const offer of variant.offers)
          if (offer.stockStatus !== 'BACKORDER' && offer.availableQuantity > 0) offers.push(offer);
    after = products.pageInfo.hasNextPage ? products.pageInfo.endCursor : null;
  } while (after);
  return offers;
}

export async function buyers(count, tag, currency) {
  const { sessionCreate } = await graphql(LOGIN, ADMIN);
  const admin = sessionCreate.session.accessToken;
  const tokens = [];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, async (_, j) => {
        const email = `bench-${tag}-${i + j}-${Date.now()}@bazaar.test`;
        const { accountSignUp } = await graphql(SIGN_UP, {
          input: { email, name: `Buyer ${i + j}`, password: PASSWORD },
        });
        const { session } = accountSignUp;
        const credit = await graphql(
          CREDIT,
          {
            input: {
              userId: session.user.id,
              amount: 100_000_000,
              currency,
              reason: 'benchmark budget',
              idempotencyKey: randomUUID(),
            },
          },
          admin,
        );
        if (credit.walletCredit.errors.length) throw new Error(JSON.stringify(credit));
        return session.accessToken;
      }),
    );
    tokens.push(...batch);
  }
  return tokens;
}

/**
 * Add to cart: signed-in buyers add one unit at a time, each connection
 * going through the offers of the buyer it holds, one after the other (carts
 * stay under their line and quantity limits). Payload errors count as errors.
 */
async function addToCart(offers, currency) {
  const plenty = offers.filter((offer) => offer.availableQuantity >= 30);
  const perBuyer = Math.max(1, Math.min(OFFERS_PER_CART, Math.floor(plenty.length / CART_BUYERS)));
  const tokens = await buyers(CART_BUYERS, 'cart', currency);
  const loans = buyerLoans(CART_BUYERS);
  let payloadErrors = 0;
  let codes = {};
  const result = await load({
    connections: CART_BUYERS,
    beforeMeasure: () => {
      loans.reset();
      payloadErrors = 0;
      codes = {};
    },
    requests: Array.from({ length: perBuyer }, (_, k) => ({
      method: 'POST',
      setupRequest: (request, context) => {
        const buyer = loans.take(context);
        const offer = plenty[(buyer * perBuyer + k) % plenty.length];
        return {
          ...request,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[buyer]}` },
          body: JSON.stringify({ query: ADD, variables: { offerId: offer.id } }),
        };
      },
      onResponse: (status, body, context) => {
        if (k === perBuyer - 1) loans.give(context);
        if (status !== 200 || /"errors":\[\]/.test(body)) return;
        payloadErrors++;
        const code = /"code":"(\w+)"/.exec(body)?.[1] ?? 'UNKNOWN';
        codes[code] = (codes[code] ?? 0) + 1;
      },
    })),
  });
  return {
    ...row('add to cart (20 buyers)', result, 'mixed: p99 < 200 ms', payloadErrors),
    'error codes': Object.entries(codes)
      .map(([code, n]) => `${code} ${n}`)
      .join(', '),
  };
}

/** One purchase: add the offer, read the total, place with the wallet. */
async function buy(token, offerId) {
  await call(ADD, { offerId }, token);
  const quote = await call(CHECKOUT, { input: { shippingAddress: ADDRESS } }, token);
  const expectedGrandTotal = quote.result.data?.checkout.grandTotal.amount ?? 0;
  const place = await call(
    PLACE,
    {
      input: {
        shippingAddress: ADDRESS,
        paymentMethod: 'WALLET',
        idempotencyKey: randomUUID(),
        expectedGrandTotal,
      },
    },
    token,
  );
  const errors = place.result.data?.checkoutComplete.errors ?? [{ code: 'HTTP' }];
  return { ms: place.ms, placed: place.ok && errors.length === 0, code: errors[0]?.code };
}

function percentile(sorted, p) {
  return sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))])
    : 0;
}

function summary(scenario, samples, seconds, target, extra = {}, cpu = undefined) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const placed = samples.filter((s) => s.placed).length;
  const codes = {};
  for (const s of samples) if (!s.placed) codes[s.code] = (codes[s.code] ?? 0) + 1;
  return {
    scenario,
    'req/s': Math.round(placed / seconds),
    'p50 ms': percentile(ms, 50),
    'p90 ms': percentile(ms, 90),
    'p99 ms': percentile(ms, 99),
    errors: samples.length - placed,
    ...cpuColumns(cpu),
    'error codes': Object.entries(codes)
      .map(([code, n]) => `${code} ${n}`)
      .join(', '),
    target,
    ...extra,
  };
}

/** Each buyer loops: add a distinct offer, quote, place; for `seconds`. */
async function placeOrders(tokens, offers, seconds) {
  const samples = [];
  let next = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    tokens.map(async (token) => {
      while (Date.now() < until) {
        const offer = offers[next++ % offers.length];
        samples.push(await buy(token, offer.id));
      }
    }),
  );
  return samples;
}

export async function checkoutScenarios() {
  const offers = await offersInStock();
  const { shop } = await graphql('{ shop { currency } }');
  const { currency } = shop;
  console.log(`${offers.length} offers in stock; signing up ${BUYERS} buyers...`);
  const rows = [await addToCart(offers, currency)];
  const tokens = await buyers(BUYERS, 'orders', currency);

  await placeOrders(tokens, offers, WARMUP_S);
  const { value: samples, cpu } = await measureCpu(() => placeOrders(tokens, offers, DURATION_S));
  rows.push(
    summary(
      `place order (${BUYERS} buyers, distinct offers)`,
      samples,
      DURATION_S,
      '>= 300 orders/s',
      {},
      cpu,
    ),
  );

  // Flash sale: the offer with the most stock left, 500 buyers at once, one unit each.
  const fresh = await offersInStock();
  const target = fresh.reduce((a, b) => (b.availableQuantity > a.availableQuantity ? b : a));
  const stock = target.availableQuantity;
  console.log(`flash sale: ${FLASH_BUYERS} buyers for ${stock} units of one offer...`);
  const flashTokens = await buyers(FLASH_BUYERS, 'flash', currency);
  const started = performance.now();
  const { value: flash, cpu: flashCpu } = await measureCpu(() =>
    Promise.all(flashTokens.map((token) => buy(token, target.id))),
  );
  const seconds = (performance.now() - started) / 1000;
  const sold = flash.filter((s) => s.placed).length;
  const after = (await offersInStock()).find((offer) => offer.id === target.id);
  rows.push(
    summary(
      `flash sale (${FLASH_BUYERS} buyers, ${stock} units)`,
      flash,
      seconds,
      'sold = units, no oversell',
      {
        sold,
        'left after': after?.availableQuantity ?? 0,
        oversold: Math.max(0, sold - stock),
      },
      flashCpu,
    ),
  );
  return rows;
}
