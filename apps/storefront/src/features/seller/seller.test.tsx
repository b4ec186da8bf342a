import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SellerPageDocument, type SellerPageQuery } from '../../generated/seller';
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

describe('seller page', () => {
  it("shows the shop, how to reach it, and each store's address and hours by weekday", async () => {
    renderApp('/s/cobol-corner', [...shellMocks(), sellerMock('cobol-corner', SHOP)]);
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
    renderApp('/s/nobody', [...shellMocks(), sellerMock('nobody', null)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Shop not found' })).toBeTruthy();
  });
});
