// Mixed storefront traffic on the medium dataset: per 20 requests, 12 browse
// (product list, product pages, category pages), 5 searches, 2 cart requests
// (add to cart, checkout quote) and 1 place order. Browsing and searching are
// anonymous, like most shoppers; each connection is also a signed-in buyer
// whose cart and orders use their token. Payload errors count as errors.
import { randomUUID } from 'node:crypto';
import { buyerLoans, graphql, load, row } from '../lib.mjs';
import { PRODUCT_LIST, PRODUCT_PAGE, SEARCH, catalogInputs } from './catalog.mjs';
import { ADD, ADDRESS, CHECKOUT, PLACE, buyers, offersInStock } from './checkout.mjs';

const CONNECTIONS = 20;
const JSON_HEADERS = { 'content-type': 'application/json' };
const CYCLE = [
  'list',
  'page',
  'page',
  'search',
  'category',
  'page',
  'add',
  'search',
  'list',
  'page',
  'search',
  'category',
  'page',
  'quote',
  'search',
  'list',
  'page',
  'search',
  'category',
  'place',
];

export async function mixedScenario() {
  const { slugs, categorySlugs, terms } = await catalogInputs();
  const words = [
    terms.broad,
    terms.medium,
    terms.narrow,
    ...slugs.slice(0, 7).map((s) => s.split('-')[0]),
  ];
  const offers = (await offersInStock()).filter((offer) => offer.availableQuantity >= 5);
  const { shop } = await graphql('{ shop { currency } }');
  const tokens = await buyers(CONNECTIONS, 'mixed', shop.currency);
  const loans = buyerLoans(CONNECTIONS);
  let nextOffer = 0;
  let payloadErrors = 0;
  const pick = (list, n) => list[n % list.length];

  const bodies = {
    list: () => ({ query: PRODUCT_LIST, variables: { after: null } }),
    page: (c) => ({ query: PRODUCT_PAGE, variables: { slug: pick(slugs, c.n) } }),
    category: (c) => ({
      query: SEARCH,
      variables: { input: { categorySlug: pick(categorySlugs, c.n) } },
    }),
    search: (c) => ({ query: SEARCH, variables: { input: { query: pick(words, c.n) } } }),
    add: () => ({ query: ADD, variables: { offerId: offers[nextOffer++ % offers.length].id } }),
    quote: () => ({ query: CHECKOUT, variables: { input: { shippingAddress: ADDRESS } } }),
    place: (c) => ({
      query: PLACE,
      variables: {
        input: {
          shippingAddress: ADDRESS,
          paymentMethod: 'WALLET',
          idempotencyKey: randomUUID(),
          expectedGrandTotal: c.grandTotal ?? 0,
        },
      },
    }),
  };
  const signedIn = new Set(['add', 'quote', 'place']);
  let cycles = 0;
  const requests = CYCLE.map((kind, index) => ({
    method: 'POST',
    setupRequest: (request, context) => {
      const buyer = loans.take(context);
      context.n = (context.n ?? cycles++ * 7) + 1;
      return {
        ...request,
        headers: signedIn.has(kind)
          ? { ...JSON_HEADERS, authorization: `Bearer ${tokens[buyer]}` }
          : JSON_HEADERS,
        body: JSON.stringify(bodies[kind](context)),
      };
    },
    onResponse: (status, body, context) => {
      if (index === CYCLE.length - 1) loans.give(context);
      if (kind === 'quote') context.grandTotal = /"amount":(\d+)/.exec(body)?.[1] * 1 || 0;
      if (status === 200 && /"errors":\[\{/.test(body)) payloadErrors++;
    },
  }));
  const result = await load({
    connections: CONNECTIONS,
    requests,
    beforeMeasure: () => {
      loans.reset();
      payloadErrors = 0;
    },
  });
  return [
    row(
      'mixed storefront (60% browse, 25% search, 10% cart, 5% checkout)',
      result,
      '>= 1,000 req/s, p99 < 200 ms',
      payloadErrors,
    ),
  ];
}
