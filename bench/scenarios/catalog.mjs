// Storefront catalog reads on the medium dataset, anonymous like most shoppers:
// the product list, product pages, search at three selectivities and a
// category page with facets. The queries select what the storefront shows.
import { body, graphql, load, row } from '../lib.mjs';

const CARD = `id slug title brand ratingAverage ratingCount offerCount
  images { alt image { width height url(width: 320) srcSet } }
  priceRange { min { amount currency formatted } max { amount formatted } }
  buyBox { price { formatted } compareAtPrice { formatted } stockStatus }`;

export const PRODUCT_LIST = `query ProductList($after: String) {
  products(first: 20, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { ${CARD} } } } }`;

export const PRODUCT_PAGE = `query ProductPage($slug: String!) {
  product(slug: $slug) {
    ${CARD} description seoTitle seoDescription url qrCodeSvgUrl
    category { slug name ancestors { slug name } }
    attributes { key name value unit }
    options { name values }
    variants { id sku optionValues { name value }
      offers { id condition handlingDays stockStatus availableQuantity
        price { formatted } compareAtPrice { formatted }
        seller { slug name ratingAverage } pickupStores { id name city } } }
  } }`;

export const SEARCH = `query Search($input: SearchInput!) {
  search(input: $input, first: 20) {
    totalCount didYouMean engine pageInfo { endCursor hasNextPage }
    edges { node { ${CARD} } }
    facets {
      categories { category { slug name } count selected }
      brands { value count selected }
      sellers { seller { slug name } count selected }
      priceRanges { min max count }
      ratings { min count }
      attributes { key name values { value count selected } }
    } } }`;

/** The indexer builds the search index from the outbox after seeding; wait for it. */
export async function waitForSearchIndex() {
  const { products } = await graphql('{ products(first: 1) { totalCount } }');
  for (let i = 0; i < 600; i++) {
    const { search } = await graphql('{ search(input: {}) { totalCount } }');
    if (search.totalCount >= products.totalCount) return products.totalCount;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('the search index did not catch up in 10 minutes');
}

/** Search terms matching many, some and one product(s), from the catalog itself. */
export async function pickTerms() {
  const titles = [];
  let after = null;
  for (let page = 0; page < 10; page++) {
    const { products } = await graphql(PRODUCT_LIST, { after });
    titles.push(...products.edges.map((edge) => edge.node.title));
    if (!products.pageInfo.hasNextPage) break;
    after = products.pageInfo.endCursor;
  }
  const counts = new Map();
  for (const title of titles)
    for (const word of new Set(title.toLowerCase().match(/\p{L}{4,}/gu) ?? []))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1]);
  return {
    broad: byFrequency[0][0],
    medium: byFrequency[Math.floor(byFrequency.length / 3)][0],
    narrow: titles[7],
  };
}

function rotating(query, variablesList) {
  let next = 0;
  return [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...request,
        body: body(query, variablesList[next++ % variablesList.length]),
      }),
    },
  ];
}

/** What the scenarios ask for: product slugs, category slugs, search terms. */
export async function catalogInputs() {
  const total = await waitForSearchIndex();
  console.log(`${total} published products indexed.`);
  const slugs = [];
  let after = null;
  while (slugs.length < 200) {
    const { products } = await graphql(PRODUCT_LIST, { after });
    slugs.push(...products.edges.map((edge) => edge.node.slug));
    if (!products.pageInfo.hasNextPage) break;
    after = products.pageInfo.endCursor;
  }
  const { categories } = await graphql('{ categories(first: 20) { edges { node { slug } } } }');
  const categorySlugs = categories.edges.map((edge) => edge.node.slug);
  const terms = await pickTerms();
  console.log(`Search terms: ${JSON.stringify(terms)}`);
  return { slugs, categorySlugs, terms };
}

export async function catalogScenarios() {
  const { slugs, categorySlugs, terms } = await catalogInputs();

  const target = '>= 3,000 req/s, p99 < 50 ms';
  const rows = [];
  const scenario = async (name, query, variablesList) => {
    console.log(`  ${name}...`);
    rows.push(row(name, await load({ requests: rotating(query, variablesList) }), target));
  };
  await scenario('product list (20 per page)', PRODUCT_LIST, [{ after: null }]);
  await scenario(
    'product page (200 products)',
    PRODUCT_PAGE,
    slugs.map((slug) => ({ slug })),
  );
  for (const [selectivity, query] of Object.entries(terms))
    await scenario(`search, ${selectivity}: "${query}"`, SEARCH, [{ input: { query } }]);
  await scenario(
    'category page with facets',
    SEARCH,
    categorySlugs.map((categorySlug) => ({ input: { categorySlug } })),
  );
  return rows;
}
