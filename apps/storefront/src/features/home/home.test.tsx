import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HomeCatalogDocument, HomePageDocument } from '../../generated/home';
import { homeCatalogMock, productCard } from '../../test/catalog';
import { graphQLErrorMock, homeMock, networkErrorMock } from '../../test/mocks';
import { renderView } from '../../test/render';
import { HomeView } from './views/home-view';

describe('home page', () => {
  it('shows a busy placeholder, then welcomes the shopper with the shop name from the API', async () => {
    renderView(<HomeView />, [homeMock('Corner Market'), homeCatalogMock()]);

    const busy = screen
      .getAllByRole('status')
      .find((status) => status.textContent?.includes('Loading the shop'));
    expect(busy?.getAttribute('aria-busy')).toBe('true');

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Welcome to Corner Market',
    });
    expect(heading).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(document.title).toBe('Corner Market');
  });

  it('shows an error with a retry button when the API cannot be reached, and recovers on retry', async () => {
    renderView(<HomeView />, [
      networkErrorMock(HomePageDocument),
      homeMock('Corner Market'),
      homeCatalogMock(),
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("We couldn't open the shop");
    expect(alert.textContent).toContain('could not be reached');
    expect(screen.queryByRole('heading', { name: /Welcome to/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Welcome to Corner Market',
    });
    expect(heading).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows the error state when the API answers with a GraphQL error', async () => {
    renderView(<HomeView />, [graphQLErrorMock(HomePageDocument), homeCatalogMock()]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not complete the request');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows the top-level categories and the new arrivals as product cards', async () => {
    renderView(<HomeView />, [
      homeMock('Corner Market'),
      homeCatalogMock(
        [
          { slug: 'clothing', name: 'Clothing' },
          { slug: 'kitchen', name: 'Kitchen' },
        ],
        [
          productCard('p1', 'Linen shirt', { price: 3900, compareAt: 4900, offerCount: 3 }),
          productCard('p2', 'Enamel mug', {
            buyBox: null,
            ratingAverage: null,
            ratingCount: 0,
            priceRange: {
              __typename: 'PriceRange',
              min: { __typename: 'Money', amount: 900, currency: 'USD', formatted: '$9.00' },
              max: { __typename: 'Money', amount: 1200, currency: 'USD', formatted: '$12.00' },
            },
          }),
        ],
      ),
    ]);

    const categories = await screen.findByRole('list', { name: 'Categories' });
    expect(
      within(categories)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Clothing', '/c/clothing'],
      ['Kitchen', '/c/kitchen'],
    ]);
    const categoryImage = categories.querySelector('img');
    expect(categoryImage?.getAttribute('loading')).toBe('lazy');
    expect(categoryImage?.getAttribute('width')).toBeTruthy();

    const arrivals = screen.getByRole('list', { name: 'New arrivals' });
    const [shirt, mug] = within(arrivals).getAllByRole('article');
    expect(within(shirt!).getByRole('link', { name: 'Linen shirt' }).getAttribute('href')).toBe(
      '/p/linen-shirt',
    );
    expect(shirt!.textContent).toContain('Now $39.00');
    expect(within(shirt!).getByText('$49.00', { exact: false }).tagName).toBe('S');
    expect(shirt!.textContent).toContain('3 offers');
    expect(
      within(shirt!).getByRole('img', { name: 'Rated 4.5 out of 5 from 12 reviews' }),
    ).toBeTruthy();
    const image = within(shirt!).getByRole('img', { name: 'Linen shirt photo' });
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('decoding')).toBe('async');
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['1200', '900']);
    expect(image.getAttribute('srcset')).toContain('800w');

    // Nothing in stock: the price range, and no rating yet.
    expect(mug!.textContent).toContain('$9.00 – $12.00');
    expect(mug!.textContent).toContain('No reviews yet');
    expect(mug!.textContent).toContain('1 offer');
  });

  it('keeps the greeting when the catalog fails, and offers to retry it', async () => {
    renderView(<HomeView />, [
      homeMock('Corner Market'),
      networkErrorMock(HomeCatalogDocument),
      homeCatalogMock([{ slug: 'clothing', name: 'Clothing' }]),
    ]);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Corner Market' }),
    ).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The catalog did not load');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Clothing' })).toBeTruthy();
  });
});
