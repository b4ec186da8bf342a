import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  AddToCartDocument,
  ProductPageDocument,
  type AddToCartMutation,
  type CartLinesAddErrorCode,
  type ProductPageQuery,
  type StockStatus,
} from '../../generated/product';
import { money } from '../../test/catalog';
import { shellMocks } from '../../test/mocks';
import { renderApp } from '../../test/render';

type Product = NonNullable<ProductPageQuery['product']>;
type Offer = Product['variants'][number]['offers'][number];
type Variant = Product['variants'][number];

function seller(slug: string, name: string) {
  return {
    __typename: 'Seller' as const,
    id: `seller-${slug}`,
    slug,
    name,
    ratingAverage: 4.2,
    ratingCount: 31,
  };
}

function offer(
  id: string,
  shop: ReturnType<typeof seller>,
  price: number,
  stockStatus: StockStatus,
  overrides: Partial<Offer> = {},
): Offer {
  return {
    __typename: 'Offer',
    id,
    condition: 'NEW',
    price: money(price),
    compareAtPrice: null,
    stockStatus,
    availableQuantity: stockStatus === 'OUT_OF_STOCK' || stockStatus === 'BACKORDER' ? 0 : 12,
    handlingDays: 2,
    seller: shop,
    pickupStores: [],
    ...overrides,
  };
}

function variant(id: string, size: string, colour: string, offers: Offer[]): Variant {
  return {
    __typename: 'Variant',
    id,
    title: `Linen shirt / ${size} / ${colour}`,
    optionValues: [
      { __typename: 'OptionValue', name: 'Size', value: size },
      { __typename: 'OptionValue', name: 'Colour', value: colour },
    ],
    offers,
  };
}

const LINEN = seller('linen-house', 'Linen House');
const CORNER = seller('corner-shop', 'Corner Shop');

function image(id: string, alt: string) {
  return {
    __typename: 'ProductImage' as const,
    id,
    alt,
    image: {
      __typename: 'Image' as const,
      id: `${id}-media`,
      width: 1200,
      height: 1500,
      url: `/media/${id}/800.webp`,
      srcSet: `/media/${id}/400.webp 400w, /media/${id}/800.webp 800w, /media/${id}/1600.webp 1600w`,
      thumbnail: `/media/${id}/160.webp`,
    },
  };
}

/**
 * Sizes S, M, L and colours Blue, Red. S/Blue has two offers (the buy box is Linen
 * House's, in stock); M/Blue is out of stock; S/Red takes backorders; L/Blue and
 * M/Red do not exist; L/Red exists but nobody offers it.
 */
const SHIRT: Product = {
  __typename: 'Product',
  id: 'product-1',
  slug: 'linen-shirt',
  title: 'Linen shirt',
  brand: 'Acme',
  description:
    '**Soft** washed linen.\n\n- Breathable\n- Machine washable\n\n<script>alert(1)</script> [evil](javascript:alert(1)) and [care guide](https://example.com/care).',
  seoTitle: 'Linen shirt for summer',
  seoDescription: 'A soft, breathable linen shirt.',
  ratingAverage: 4.6,
  ratingCount: 8,
  offerCount: 4,
  qrCodeSvgUrl: '/qr/products/linen-shirt.svg',
  qrCodePngUrl: '/qr/products/linen-shirt.png',
  category: {
    __typename: 'Category',
    id: 'cat-shirts',
    slug: 'shirts',
    name: 'Shirts',
    ancestors: [{ __typename: 'Category', id: 'cat-clothing', slug: 'clothing', name: 'Clothing' }],
  },
  images: [
    image('img-front', 'Front view'),
    image('img-back', 'Back view'),
    image('img-detail', ''),
  ],
  attributes: [
    {
      __typename: 'ProductAttribute',
      key: 'material',
      name: 'Material',
      type: 'TEXT',
      value: 'Linen',
      unit: null,
    },
    {
      __typename: 'ProductAttribute',
      key: 'weight',
      name: 'Fabric weight',
      type: 'NUMBER',
      value: '180',
      unit: 'g/m²',
    },
    {
      __typename: 'ProductAttribute',
      key: 'organic',
      name: 'Organic',
      type: 'BOOLEAN',
      value: 'true',
      unit: null,
    },
  ],
  options: [
    { __typename: 'ProductOption', name: 'Size', values: ['S', 'M', 'L'] },
    { __typename: 'ProductOption', name: 'Colour', values: ['Blue', 'Red'] },
  ],
  variants: [
    variant('v-s-blue', 'S', 'Blue', [
      offer('o-linen-s-blue', LINEN, 3900, 'IN_STOCK', {
        compareAtPrice: money(4900),
        handlingDays: 1,
        pickupStores: [{ __typename: 'Store', id: 'store-1', name: 'Harbour store', city: 'Lyon' }],
      }),
      offer('o-corner-s-blue', CORNER, 4200, 'LOW_STOCK', {
        availableQuantity: 3,
        condition: 'REFURBISHED',
      }),
    ]),
    variant('v-m-blue', 'M', 'Blue', [offer('o-corner-m-blue', CORNER, 4100, 'OUT_OF_STOCK')]),
    variant('v-s-red', 'S', 'Red', [offer('o-linen-s-red', LINEN, 3950, 'BACKORDER')]),
    variant('v-l-red', 'L', 'Red', []),
  ],
  buyBox: {
    __typename: 'Offer',
    id: 'o-linen-s-blue',
    variant: { __typename: 'Variant', id: 'v-s-blue' },
  },
};

function productMock(slug: string, product: ProductPageQuery['product']): MockLink.MockedResponse {
  const data: ProductPageQuery = { product };
  return { request: { query: ProductPageDocument, variables: { slug } }, result: { data } };
}

function addToCartMock(
  offerId: string,
  quantity: number,
  result:
    { itemCount: number } | { errors: Array<{ code: CartLinesAddErrorCode; message: string }> },
): MockLink.MockedResponse {
  const data: AddToCartMutation = {
    cartLinesAdd: {
      __typename: 'CartLinesAddPayload',
      cart:
        'itemCount' in result
          ? { __typename: 'Cart', id: 'cart-1', itemCount: result.itemCount }
          : null,
      errors:
        'errors' in result
          ? result.errors.map((e) => ({ __typename: 'CartLinesAddError', field: 'lines.0', ...e }))
          : [],
    },
  };
  return {
    request: { query: AddToCartDocument, variables: { lines: [{ offerId, quantity }] } },
    result: { data },
  };
}

function buyBox() {
  return screen.getByRole('region', { name: 'Buy box' });
}

function offerRows() {
  const list = screen.getByRole('list', { name: 'Offers' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

function radio(name: RegExp) {
  return screen.getByRole('radio', { name }) as HTMLInputElement;
}

describe('product page', () => {
  it('shows the buy box and every offer of the default variant', async () => {
    renderApp('/p/linen-shirt', [...shellMocks(), productMock('linen-shirt', SHIRT)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Linen shirt' })).toBeTruthy();
    expect(screen.getByText('by Acme')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Rated 4.6 out of 5 from 8 reviews' })).toBeTruthy();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(
      within(crumbs)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/', '/c/clothing', '/c/shirts']);

    const box = buyBox();
    expect(box.textContent).toContain('Now $39.00');
    expect(within(box).getByText('$49.00', { exact: false }).tagName).toBe('S');
    expect(within(box).getByText('In stock')).toBeTruthy();
    expect(within(box).getByRole('link', { name: 'Linen House' }).getAttribute('href')).toBe(
      '/s/linen-house',
    );
    expect(box.textContent).toContain('Ships within 1 day');
    expect(box.textContent).toContain('Harbour store, Lyon');
    expect(within(box).getByRole('spinbutton', { name: 'Quantity' })).toBeTruthy();
    expect(within(box).getByRole('button', { name: 'Add to cart' })).toBeTruthy();

    expect(screen.getByRole('heading', { level: 2, name: 'All offers (2)' })).toBeTruthy();
    const rows = offerRows();
    expect(rows[0]).toContain('Linen House');
    expect(rows[0]).toContain('Best offer');
    expect(rows[0]).toContain('$39.00');
    expect(rows[1]).toContain('Corner Shop');
    expect(rows[1]).toContain('Refurbished');
    expect(rows[1]).toContain('Only 3 left');
    expect(
      within(screen.getByRole('list', { name: 'Offers' })).getAllByRole('img', {
        name: 'Rated 4.2 out of 5 from 31 ratings',
      }),
    ).toHaveLength(2);
  });

  it('switches the buy box and the offers with the variant picker, and disables what does not exist', async () => {
    const { router } = renderApp('/p/linen-shirt', [
      ...shellMocks(),
      productMock('linen-shirt', SHIRT),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Linen shirt' });

    expect(screen.getByRole('group', { name: 'Size: S' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Colour: Blue' })).toBeTruthy();
    expect(radio(/^S/).checked).toBe(true);
    expect(radio(/^Blue/).checked).toBe(true);
    // L/Blue does not exist.
    expect(radio(/^L/).disabled).toBe(true);
    expect(radio(/^L/).labels?.[0]?.textContent).toBe('L (unavailable)');

    // M/Blue: one offer, out of stock.
    fireEvent.click(radio(/^M/));
    await waitFor(() => expect(router.state.location.search).toBe('?variant=v-m-blue'));
    expect(radio(/^M/).checked).toBe(true);
    expect(within(buyBox()).getByText('Out of stock')).toBeTruthy();
    expect(buyBox().textContent).toContain('$41.00');
    expect(within(buyBox()).getByRole('link', { name: 'Corner Shop' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'All offers (1)' })).toBeTruthy();
    expect(offerRows()).toHaveLength(1);
    expect(offerRows()[0]).toContain('Out of stock');
    // Nothing to buy: no offer is called the best.
    expect(offerRows()[0]).not.toContain('Best offer');
    // M/Red does not exist: Red cannot be picked with M.
    expect(radio(/^Red/).disabled).toBe(true);

    // Back to S, then Red: S/Red takes backorders.
    fireEvent.click(radio(/^S/));
    await waitFor(() => expect(router.state.location.search).toBe('?variant=v-s-blue'));
    expect(radio(/^Red/).disabled).toBe(false);
    fireEvent.click(radio(/^Red/));
    await waitFor(() => expect(router.state.location.search).toBe('?variant=v-s-red'));
    expect(within(buyBox()).getByText('Available on backorder')).toBeTruthy();
    expect(offerRows()).toHaveLength(1);
    // L/Red exists but nobody offers it.
    expect(radio(/^L/).disabled).toBe(true);
  });

  it('opens the variant named in the URL', async () => {
    renderApp('/p/linen-shirt?variant=v-m-blue', [
      ...shellMocks(),
      productMock('linen-shirt', SHIRT),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Linen shirt' });
    expect(radio(/^M/).checked).toBe(true);
    expect(within(buyBox()).getByText('Out of stock')).toBeTruthy();
  });

  it('preloads the main image and switches it with keyboard-reachable thumbnails', async () => {
    renderApp('/p/linen-shirt', [...shellMocks(), productMock('linen-shirt', SHIRT)]);
    const main = await screen.findByRole('img', { name: 'Front view' });
    expect(main.getAttribute('src')).toBe('/media/img-front/800.webp');
    expect(main.getAttribute('srcset')).toContain('1600w');
    expect(main.getAttribute('sizes')).toBeTruthy();
    expect(main.getAttribute('loading')).toBe('eager');
    expect(main.getAttribute('fetchpriority')).toBe('high');
    expect(main.getAttribute('width')).toBe('1200');
    expect(main.getAttribute('height')).toBe('1500');

    const preload = document.head.querySelector<HTMLLinkElement>('link[rel="preload"][as="image"]');
    expect(preload?.getAttribute('imagesrcset')).toBe(SHIRT.images[0]?.image.srcSet);
    expect(preload?.getAttribute('imagesizes')).toBe(main.getAttribute('sizes'));
    expect(preload?.getAttribute('fetchpriority')).toBe('high');

    const thumbnails = within(screen.getByRole('list', { name: 'Product images' })).getAllByRole(
      'button',
    );
    expect(thumbnails.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Show image 1 of 3: Front view',
      'Show image 2 of 3: Back view',
      // No alt text: the product's title.
      'Show image 3 of 3: Linen shirt',
    ]);
    expect(thumbnails[0]?.getAttribute('aria-pressed')).toBe('true');
    for (const thumb of thumbnails) {
      expect(thumb.querySelector('img')?.getAttribute('loading')).toBe('lazy');
    }

    fireEvent.click(thumbnails[1]!);
    expect(screen.getByRole('img', { name: 'Back view' }).getAttribute('src')).toBe(
      '/media/img-back/800.webp',
    );
    expect(thumbnails[1]?.getAttribute('aria-pressed')).toBe('true');
    expect(thumbnails[0]?.getAttribute('aria-pressed')).toBe('false');

    thumbnails[1]?.focus();
    fireEvent.keyDown(thumbnails[1]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(thumbnails[2]);
    expect(thumbnails[2]?.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(thumbnails[2]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(thumbnails[0]);
    expect(screen.getByRole('img', { name: 'Front view' })).toBeTruthy();
  });

  it('renders the description as Markdown without running HTML or unsafe links', async () => {
    renderApp('/p/linen-shirt', [...shellMocks(), productMock('linen-shirt', SHIRT)]);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Description' });
    const section = heading.closest('section')!;

    expect(within(section).getByText('Soft').tagName).toBe('STRONG');
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Breathable', 'Machine washable']);
    expect(section.querySelector('script')).toBeNull();
    expect(section.textContent).toContain('<script>alert(1)</script>');
    expect(within(section).queryByRole('link', { name: 'evil' })).toBeNull();
    expect(within(section).getByText('evil')).toBeTruthy();
    const care = within(section).getByRole('link', { name: 'care guide' });
    expect(care.getAttribute('href')).toBe('https://example.com/care');
    expect(care.getAttribute('rel')).toContain('noopener');
  });

  it('shows the details, the QR code downloads, and the SEO title and description', async () => {
    renderApp('/p/linen-shirt', [...shellMocks(), productMock('linen-shirt', SHIRT)]);
    await screen.findByRole('heading', { level: 1, name: 'Linen shirt' });

    const details = screen.getByRole('table');
    expect(
      within(details)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['MaterialLinen', 'Fabric weight180 g/m²', 'OrganicYes']);

    const qr = screen.getByRole('img', { name: "QR code that opens this product's page" });
    expect(qr.getAttribute('src')).toBe('/qr/products/linen-shirt.svg');
    expect(screen.getByRole('link', { name: 'Download PNG' }).getAttribute('href')).toBe(
      '/qr/products/linen-shirt.png',
    );
    expect(screen.getByRole('link', { name: 'Download SVG' }).hasAttribute('download')).toBe(true);

    await waitFor(() => expect(document.title).toBe('Linen shirt for summer · Corner Market'));
    expect(document.head.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'A soft, breathable linen shirt.',
    );
  });

  it('says so when no product has the address', async () => {
    renderApp('/p/nothing-here', [...shellMocks(), productMock('nothing-here', null)]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Product not found' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toBeTruthy();
  });

  it('adds the buy-box offer with its quantity, and shows why when there is not enough stock', async () => {
    renderApp('/p/linen-shirt', [
      ...shellMocks(),
      productMock('linen-shirt', SHIRT),
      addToCartMock('o-linen-s-blue', 20, {
        errors: [{ code: 'INSUFFICIENT_STOCK', message: 'Only 12 available.' }],
      }),
      addToCartMock('o-linen-s-blue', 2, { itemCount: 2 }),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Linen shirt' });
    expect(await screen.findByRole('link', { name: 'Cart, 0 items' })).toBeTruthy();
    const box = buyBox();
    const quantity = within(box).getByRole('spinbutton', { name: 'Quantity' });
    const add = within(box).getByRole('button', { name: 'Add to cart' });

    fireEvent.change(quantity, { target: { value: '20' } });
    fireEvent.click(add);
    const alert = await within(box).findByText(/Not enough in stock: only 12 available/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(add.getAttribute('aria-describedby')).toBe(alert.closest('[role="alert"]')?.id);
    expect(within(box).queryByText(/Added to your cart/)).toBeNull();

    fireEvent.change(quantity, { target: { value: '2' } });
    fireEvent.click(add);
    const status = await within(box).findByText(/Added to your cart/);
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(within(box).getByRole('link', { name: 'View your cart' }).getAttribute('href')).toBe(
      '/cart',
    );
    expect(within(box).queryByText(/Not enough in stock/)).toBeNull();
    // The header's count follows the cart the mutation returned.
    expect(await screen.findByRole('link', { name: 'Cart, 2 items' })).toBeTruthy();
  });

  it('adds one of another offer from "All offers", and not an out-of-stock one', async () => {
    const { router } = renderApp('/p/linen-shirt', [
      ...shellMocks(),
      productMock('linen-shirt', SHIRT),
      addToCartMock('o-corner-s-blue', 1, { itemCount: 1 }),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Linen shirt' });
    const offers = screen.getByRole('list', { name: 'Offers' });
    fireEvent.click(within(offers).getByRole('button', { name: 'Add to cart from Corner Shop' }));
    expect(await within(offers).findByText(/Added to your cart/)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeTruthy();

    // Out of stock: nothing to add. Backorder: can be added.
    fireEvent.click(radio(/^M/));
    await waitFor(() => expect(router.state.location.search).toBe('?variant=v-m-blue'));
    const outOfStock = within(buyBox()).getByRole('button', {
      name: 'Add to cart',
    }) as HTMLButtonElement;
    expect(outOfStock.disabled).toBe(true);
    expect(
      (
        within(screen.getByRole('list', { name: 'Offers' })).getByRole('button', {
          name: 'Add to cart from Corner Shop',
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    fireEvent.click(radio(/^S/));
    fireEvent.click(radio(/^Red/));
    await waitFor(() => expect(router.state.location.search).toBe('?variant=v-s-red'));
    expect(
      (within(buyBox()).getByRole('button', { name: 'Add to cart' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});
