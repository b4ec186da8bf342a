import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  SellerPageDocument,
  SellerProductsDocument,
  SellerProductsMoreDocument,
  type SellerPageQuery,
  type SellerProductsMoreQuery,
  type SellerProductsQuery,
} from '../../generated/seller';
import type { ProductCardProductFragment } from '../../generated/graphql';
import { connectionOf, productCard } from '../../test/catalog';
import { shellMocks } from '../../test/mocks';
import { renderApp } from '../../test/render';

function sellerMock(slug: string, seller: SellerPageQuery['seller']): MockLink.MockedResponse {
  const data: SellerPageQuery = { seller };
  return { request: { query: SellerPageDocument, variables: { slug } }, result: { data } };
}

const SHOP: NonNullable<SellerPageQuery['seller']> = {
  __typename: 'Seller',
  id: 'seller-1',
  name: 'Cobol Corner',
  description: 'Mainframe snacks since 1959.',
  logoUrl: null,
  contactEmail: 'hello@cobol.example',
  contactPhone: null,
  createdAt: '2024-03-15T09:30:00Z',
  ratingAverage: 4.75,
  ratingCount: 20,
  stores: [
    {
      __typename: 'Store',
      id: 'store-1',
      name: 'Harbour store',
      line1: '1 Quay Street',
      line2: null,
      city: 'Lyon',
      region: null,
      postalCode: '69002',
      country: 'FR',
      openingHours: [
        { __typename: 'OpeningHours', day: 2, opens: '10:00', closes: '19:00' },
        { __typename: 'OpeningHours', day: 1, opens: '09:00', closes: '18:00' },
      ],
    },
  ],
};

function productsMock(
  slug: string,
  products: ProductCardProductFragment[],
  next: string | null = null,
): MockLink.MockedResponse {
  const data: SellerProductsQuery = {
    seller: {
      __typename: 'Seller',
      id: 'seller-1',
      products: {
        __typename: 'ProductConnection',
        totalCount: products.length + (next ? 1 : 0),
        pageInfo: { __typename: 'PageInfo', hasNextPage: Boolean(next), endCursor: next },
        edges: connectionOf(products),
      },
    },
  };
  return {
    request: { query: SellerProductsDocument, variables: { slug, first: 20 } },
    result: { data },
  };
}

describe('seller page', () => {
  it("shows the shop, how to reach it, and each store's address and hours by weekday", async () => {
    renderApp('/s/cobol-corner', [
      ...shellMocks(),
      sellerMock('cobol-corner', SHOP),
      productsMock('cobol-corner', []),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cobol Corner' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(
      within(main).getByRole('link', { name: 'hello@cobol.example' }).getAttribute('href'),
    ).toBe('mailto:hello@cobol.example');
    const store = within(main).getByRole('article');
    expect(store.textContent).toContain('69002 Lyon, France');
    expect(
      within(store)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Monday', 'Tuesday']);
  });

  it('says so when no shop has the address', async () => {
    renderApp('/s/nobody', [
      ...shellMocks(),
      sellerMock('nobody', null),
      { ...productsMock('nobody', []), result: { data: { seller: null } } },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Shop not found' })).toBeTruthy();
  });

  it("shows the shop's rating and its products, with more on demand", async () => {
    const more: SellerProductsMoreQuery = {
      seller: {
        __typename: 'Seller',
        id: 'seller-1',
        products: {
          __typename: 'ProductConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c-p3' },
          edges: connectionOf([productCard('p3', 'Punch cards')]),
        },
      },
    };
    renderApp('/s/cobol-corner', [
      ...shellMocks(),
      sellerMock('cobol-corner', SHOP),
      productsMock(
        'cobol-corner',
        [productCard('p1', 'Mainframe mug'), productCard('p2', 'Tape reel')],
        'c-p2',
      ),
      {
        request: {
          query: SellerProductsMoreDocument,
          variables: { slug: 'cobol-corner', first: 20, after: 'c-p2' },
        },
        result: { data: more },
      },
    ]);

    expect(
      await screen.findByRole('img', { name: 'Rated 4.8 out of 5 from 20 ratings' }),
    ).toBeTruthy();
    const products = await screen.findByRole('list', { name: 'Products' });
    expect(screen.getByRole('heading', { level: 2, name: 'Products (3)' })).toBeTruthy();
    expect(
      within(products)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/p/mainframe-mug', '/p/tape-reel']);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(products).getAllByRole('listitem')).toHaveLength(3));
    expect(within(products).getByRole('link', { name: 'Punch cards' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
