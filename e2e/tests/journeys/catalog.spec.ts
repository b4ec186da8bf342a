import { BackofficeImports } from '../../pages/backoffice-imports.js';
import { BackofficeOffers } from '../../pages/backoffice-offers.js';
import { BackofficeProducts } from '../../pages/backoffice-products.js';
import { Backoffice } from '../../pages/backoffice.js';
import { StorefrontAccount } from '../../pages/storefront-account.js';
import { StorefrontProduct } from '../../pages/storefront-product.js';
import { StorefrontSearch } from '../../pages/storefront-search.js';
import { expect, test } from '../../fixtures/index.js';

const PASSWORD = 'bazaar-demo-pass';

// Sellers work in the back-office (this project's base URL), shoppers on the
// storefront (a second browser context at the site's root).

test('a seller lists a new product, a shopper finds it misspelled, a second seller offers it too', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const run = Date.now().toString(36);
  const title = `Zephyr Merino Overshirt ${run}`;
  const brand = `Fjordwick${run}`;

  // The seller creates the product with two variants and an image.
  const backoffice = new Backoffice(page);
  await backoffice.logIn('seller@bazaar.test', PASSWORD);
  const products = new BackofficeProducts(page);
  await products.openFromNavigation();
  await products.createProduct({
    titleEn: title,
    description: 'Soft **merino** wool for cold mornings.',
    brand,
    category: "Men's shirts",
    attributes: { Material: 'Wool', Fit: 'Regular', Sleeve: 'Long' },
    options: [{ name: 'Size', values: ['M', 'L'] }],
    variants: [
      { sku: `ZEPHYR-${run}-M`, options: { Size: 'M' } },
      { sku: `ZEPHYR-${run}-L`, options: { Size: 'L' } },
    ],
  });
  const productUrl = page.url();
  // A real PNG: what the browser shows right now.
  await products.uploadImages({
    name: 'overshirt.png',
    mimeType: 'image/png',
    buffer: await page.screenshot(),
  });
  expect(await products.publishProblems()).toEqual([expect.stringMatching(/price/i)]);

  // Publishing needs a price: the seller offers both sizes.
  const offers = new BackofficeOffers(page);
  await offers.open();
  await offers.addOffer({
    productTitle: title,
    variant: `ZEPHYR-${run}-M`,
    price: '59.00',
    stock: { 'Main warehouse': 12 },
  });
  await offers.open();
  await offers.addOffer({
    productTitle: title,
    variant: `ZEPHYR-${run}-L`,
    price: '61.00',
    stock: { 'Main warehouse': 3 },
  });
  await page.goto(productUrl);
  expect(await products.publishProblems()).toEqual([]);
  await products.publish();

  // A shopper finds it with a misspelled search once the index has it.
  const shopper = await browser.newContext({ baseURL: new URL('/', baseURL).href });
  const shopperPage = await shopper.newPage();
  const search = new StorefrontSearch(shopperPage);
  await expect(async () => {
    await search.openSearch(`zephir merino ${brand.toLowerCase()}`);
    expect(await search.productTitles()).toEqual([title]);
  }).toPass({ timeout: 30_000 });
  expect(await search.facetCounts('Brand')).toEqual({ [brand]: 1 });
  // Without a category filter the category facet counts by department.
  expect(await search.categoryCounts()).toEqual({ Clothing: 1 });
  await search.openProduct(title);
  const product = new StorefrontProduct(shopperPage);
  expect(await product.offerCount()).toBe(1);

  // A second seller opens a shop and offers the same product for less.
  const second = await browser.newContext({ baseURL: new URL('/', baseURL).href });
  const account = new StorefrontAccount(await second.newPage());
  await account.signUp('Olga Outfitter', `olga-${run}@example.com`, PASSWORD);
  await expect(account.accountLink('Olga Outfitter')).toBeVisible();
  await account.openShop(`Olga's Outfit ${run}`, `olgas-outfit-${run}`);
  const secondSeller = await browser.newContext({ baseURL });
  const secondPage = await secondSeller.newPage();
  await new Backoffice(secondPage).logIn(`olga-${run}@example.com`, PASSWORD);
  const secondOffers = new BackofficeOffers(secondPage);
  await secondOffers.open();
  await secondOffers.addOffer({ productTitle: title, variant: `ZEPHYR-${run}-M`, price: '55.00' });

  // Both offers show on the product page.
  await shopperPage.reload();
  await expect.poll(() => product.offerCount()).toBe(2);
  const sellers = (await product.readOffers()).map((offer) => offer.seller);
  expect(sellers.sort()).toEqual([`Olga's Outfit ${run}`, "Sam's Corner Shop"].sort());
  await Promise.all([shopper.close(), second.close(), secondSeller.close()]);
});

test('a seller imports a CSV with two bad rows: they are reported and the good rows land', async ({
  page,
}) => {
  test.slow();
  const run = Date.now().toString(36);
  const header =
    'sku,product_slug,title_en,category_slug,brand,attributes,price,currency,location,on_hand';
  const rows = [
    `IMP-${run}-1,import-tee-one-${run},Import Tee One ${run},mens-shirts,Teeworks,material=Cotton; fit=Slim,1999,USD,Main warehouse,5`,
    `IMP-${run}-2,import-tee-two-${run},Import Tee Two ${run},mens-shirts,Teeworks,material=Cotton; fit=Slim,-5,USD,Main warehouse,5`,
    `IMP-${run}-3,import-tee-three-${run},Import Tee Three ${run},mens-shirts,Teeworks,material=Linen; fit=Relaxed,2499,USD,Main warehouse,8`,
    `IMP-${run}-4,import-tee-four-${run},Import Tee Four ${run},no-such-category,Teeworks,,1500,USD,Main warehouse,1`,
  ];

  await new Backoffice(page).logIn('seller@bazaar.test', PASSWORD);
  const imports = new BackofficeImports(page);
  await imports.open();
  await imports.importCsv({ name: 'tees.csv', content: [header, ...rows].join('\n') });
  expect(await imports.waitUntilFinished()).toBe('Finished');
  expect(await imports.progressValue()).toBe(100);
  expect(await imports.count('Rows imported')).toBe(2);
  expect(await imports.count('Rows with errors')).toBe(2);
  const errors = await imports.rowErrors();
  expect(errors.map((error) => [error.row, error.column])).toEqual([
    [2, 'price'],
    [4, 'category_slug'],
  ]);
  const report = await imports.downloadErrorReport();
  expect(report.suggestedFilename()).toMatch(/\.csv$/);

  // The good rows are draft products in the seller's list.
  const products = new BackofficeProducts(page);
  await products.openFromNavigation();
  await products.search(`Import Tee`);
  await expect(products.row(`Import Tee One ${run}`)).toBeVisible();
  await expect(products.row(`Import Tee Three ${run}`)).toBeVisible();
  await expect(products.row(`Import Tee Two ${run}`)).toHaveCount(0);
  await expect(products.row(`Import Tee Four ${run}`)).toHaveCount(0);
});
