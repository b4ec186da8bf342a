import { recordCspViolations } from '../../fixtures/csp.js';
import { GraphQLClient } from '../../fixtures/graphql.js';
import { expect, test } from '../../fixtures/index.js';
import { StorefrontProduct } from '../../pages/storefront-product.js';

test.describe('storefront under its Content-Security-Policy', () => {
  test('is served with a strict policy and loads home and a product page with nothing blocked', async ({
    page,
    request,
    baseURL,
    storefrontHome: home,
  }) => {
    const newest = await GraphQLClient.anonymous(request, baseURL).call<{
      products: { edges: { node: { slug: string; title: string } }[] };
    }>('{ products(first: 1) { edges { node { slug title } } } }');
    const product = newest.products.edges[0]!.node;

    const violations = await recordCspViolations(page);
    const response = await page.goto('./');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    await expect(home.greeting).toHaveText('Welcome to Bazaar');
    await new StorefrontProduct(page).open(product.slug, product.title);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
