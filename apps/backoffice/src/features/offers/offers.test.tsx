import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  NewOfferContextDocument,
  OfferCreateDocument,
  OfferPricesBulkUpdateDocument,
  OfferProductFilterDocument,
  OfferProductMatchesDocument,
  SellerOffersDocument,
  type NewOfferContextQuery,
  type OfferCreateMutation,
  type OfferPricesBulkUpdateMutation,
  type OfferProductFilterQuery,
  type OfferProductMatchesQuery,
  type SellerOffersQuery,
} from '../../generated/graphql';
import { greenGrocer } from '../../test/fixtures';
import type { Mocks } from '../../test/providers';
import { renderScreen } from '../../test/render';
import { catalogViewer, errorOf, offerNode } from './test-data';
import { NewOfferView } from './views/new-offer-view';
import { OffersView } from './views/offers-view';

const offers = [offerNode('o-1', 'LIN-S'), offerNode('o-2', 'LIN-M'), offerNode('o-3', 'LIN-L')];

const sellerOffers = {
  request: {
    query: SellerOffersDocument,
    variables: { sellerId: greenGrocer.id, query: null, status: null, first: 25, after: null },
  },
  result: {
    data: {
      sellerOffers: {
        __typename: 'OfferConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false },
        edges: offers.map((node, i) => ({ __typename: 'OfferEdge', cursor: `c${i + 1}`, node })),
      },
    } as SellerOffersQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function bulkUpdate(
  input: { offerIds: string[]; mode: 'SET' | 'AMOUNT' | 'PERCENT'; value: number },
  result: OfferPricesBulkUpdateMutation['offerPricesBulkUpdate'],
) {
  return {
    request: {
      query: OfferPricesBulkUpdateDocument,
      variables: { input: { sellerId: greenGrocer.id, ...input } },
    },
    result: { data: { offerPricesBulkUpdate: result } as OfferPricesBulkUpdateMutation },
  };
}

function renderOffers(mocks: Mocks) {
  return renderScreen(<OffersView sellerId={greenGrocer.id} />, {
    viewer: catalogViewer,
    mocks,
    path: `/sellers/${greenGrocer.id}/offers`,
    routePath: '/sellers/:sellerId/offers',
  });
}

async function selectAndOpenBulkEdit(skus: string[]) {
  const table = await screen.findByRole('table', { name: 'Offers' });
  await within(table).findByText('SKU LIN-S · New');
  for (const sku of skus)
    fireEvent.click(within(table).getByRole('checkbox', { name: `Select ${sku}` }));
  fireEvent.click(screen.getByRole('button', { name: 'Edit prices' }));
  return screen.findByRole('dialog');
}

describe('offer list', () => {
  it('sends a percentage in basis points and lists the offers the API refused, changing nothing', async () => {
    const refused = bulkUpdate(
      { offerIds: ['o-1', 'o-3'], mode: 'PERCENT', value: 1250 },
      {
        __typename: 'OfferPricesBulkUpdatePayload',
        offers: [],
        errors: [
          {
            __typename: 'OfferPricesBulkUpdateError',
            code: 'PRICE_INVALID',
            field: 'offerIds.1',
            message: 'The new price would exceed 1,000,000,000.',
          },
        ],
      },
    );
    renderOffers([sellerOffers, refused]);
    const dialog = await selectAndOpenBulkEdit(['LIN-S', 'LIN-L']);
    expect(
      within(dialog).getByRole('heading', { name: 'Edit the price of 2 offers' }),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Change by percent' }));
    fireEvent.change(within(dialog).getByLabelText(/^Change \(%\)/), { target: { value: '12.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update 2 prices' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('No price was changed')).toBeTruthy();
    const list = within(alert).getByRole('list', { name: 'Refused offers' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('LIN-L');
    expect(items[0]?.textContent).toContain('The new price would exceed 1,000,000,000.');
    // The refused row says so in the table too; the others do not.
    const checkbox = screen.getByRole('checkbox', { name: 'Select LIN-L' });
    const describedBy = checkbox.getAttribute('aria-describedby');
    expect(describedBy && document.getElementById(describedBy)?.textContent).toBe(
      'The new price would exceed 1,000,000,000.',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Select LIN-S' }).getAttribute('aria-describedby'),
    ).toBeNull();
    // Still open, for another try.
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('sets a price typed in major units as minor units and closes on success', async () => {
    const done = bulkUpdate(
      { offerIds: ['o-2'], mode: 'SET', value: 1999 },
      {
        __typename: 'OfferPricesBulkUpdatePayload',
        offers: [{ ...offerNode('o-2', 'LIN-M', { amount: 1999 }) }],
        errors: [],
      },
    );
    renderOffers([sellerOffers, done]);
    const dialog = await selectAndOpenBulkEdit(['LIN-M']);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Set price' }));
    const value = within(dialog).getByLabelText(/^New price \(USD\)/);
    fireEvent.change(value, { target: { value: '19.999' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update 1 price' }));
    expect(errorOf(value)).toBe('Use at most 2 decimals.');

    fireEvent.change(value, { target: { value: '19.99' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update 1 price' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Prices of 1 offer updated.')).toBeTruthy();
    expect(await screen.findByText('USD 19.99')).toBeTruthy();
    // Done with that selection.
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).toBeNull();
  });

  it('shows only the offers of the product named in ?product=', async () => {
    const product = {
      request: { query: OfferProductFilterDocument, variables: { id: 'p-linen' } },
      result: {
        data: {
          product: { __typename: 'Product', id: 'p-linen', title: 'Linen shirt' },
        } as OfferProductFilterQuery,
      },
    };
    const other = {
      ...offerNode('o-9', 'LIN-TOWEL', { title: 'Linen shirt towel' }),
      product: { __typename: 'Product' as const, id: 'p-towel', title: 'Linen shirt towel' },
    };
    const byTitle = {
      request: {
        query: SellerOffersDocument,
        variables: {
          sellerId: greenGrocer.id,
          query: 'Linen shirt',
          status: null,
          first: 100,
          after: null,
        },
      },
      result: {
        data: {
          sellerOffers: {
            __typename: 'OfferConnection',
            totalCount: 3,
            pageInfo: { __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false },
            edges: [offers[0], other, offers[1]].map((node, i) => ({
              __typename: 'OfferEdge',
              cursor: `c${i + 1}`,
              node,
            })),
          },
        } as SellerOffersQuery,
      },
    };
    renderScreen(<OffersView sellerId={greenGrocer.id} />, {
      viewer: catalogViewer,
      mocks: [product, byTitle],
      path: `/sellers/${greenGrocer.id}/offers?product=p-linen`,
      routePath: '/sellers/:sellerId/offers',
    });
    expect(await screen.findByText('Product: Linen shirt')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Offers' });
    await within(table).findByText('SKU LIN-S · New');
    expect(within(table).getByText('SKU LIN-M · New')).toBeTruthy();
    expect(within(table).queryByText(/LIN-TOWEL/)).toBeNull();
  });
});

const context = {
  request: { query: NewOfferContextDocument },
  result: {
    data: {
      shop: { __typename: 'Shop', currency: 'USD' },
      viewer: {
        __typename: 'Viewer',
        sellerAccess: [
          {
            __typename: 'SellerAccess',
            seller: {
              __typename: 'Seller',
              id: greenGrocer.id,
              stockLocations: [
                {
                  __typename: 'StockLocation',
                  id: 'loc-wh',
                  kind: 'WAREHOUSE',
                  name: 'Main warehouse',
                },
                { __typename: 'StockLocation', id: 'loc-shop', kind: 'STORE', name: 'Baixa store' },
              ],
            },
          },
        ],
      },
    } as NewOfferContextQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const matches = {
  request: { query: OfferProductMatchesDocument, variables: { title: 'linen', barcode: null } },
  result: {
    data: {
      productMatches: [
        {
          __typename: 'Product',
          id: 'p-linen',
          title: 'Linen shirt',
          brand: 'Flax & Co',
          status: 'PUBLISHED',
          images: [],
          variants: ['S', 'M'].map((size) => ({
            __typename: 'Variant',
            id: `v-${size}`,
            sku: `LIN-${size}`,
            barcode: null,
            title: `Linen shirt / ${size}`,
            optionValues: [{ __typename: 'OptionValue', name: 'Size', value: size }],
          })),
        },
      ],
    } as OfferProductMatchesQuery,
  },
};

function offerCreate(
  price: number,
  currency: string,
  stock: { locationId: string; onHand: number }[],
) {
  return {
    request: {
      query: OfferCreateDocument,
      variables: {
        input: {
          sellerId: greenGrocer.id,
          variantId: 'v-M',
          condition: 'NEW',
          price,
          compareAtPrice: null,
          currency,
          handlingDays: 1,
          allowBackorder: false,
          lowStockThreshold: 5,
          stock,
        },
      },
    },
    result: {
      data: {
        offerCreate: {
          __typename: 'OfferCreatePayload',
          errors: [],
          offer: offerNode('o-new', 'LIN-M', { amount: price, currency }),
        },
      } as OfferCreateMutation,
    },
  };
}

async function pickLinenShirtM() {
  fireEvent.change(await screen.findByLabelText('Product title'), { target: { value: 'linen' } });
  fireEvent.click(screen.getByRole('button', { name: 'Find product' }));
  fireEvent.click(await screen.findByRole('radio', { name: 'Linen shirt' }));
  fireEvent.change(await screen.findByLabelText(/^Variant/), { target: { value: 'v-M' } });
}

function renderNewOffer(mocks: ReturnType<typeof offerCreate>[]) {
  return renderScreen(<NewOfferView sellerId={greenGrocer.id} />, {
    viewer: catalogViewer,
    mocks: [context, matches, ...mocks],
    path: `/sellers/${greenGrocer.id}/offers/new`,
    routePath: '/sellers/:sellerId/offers/new',
  });
}

describe('new offer', () => {
  it('sends 12.50 USD as 1250 minor units with the opening stock, then opens the offer', async () => {
    const { router } = renderNewOffer([
      offerCreate(1250, 'USD', [{ locationId: 'loc-shop', onHand: 7 }]),
    ]);
    await pickLinenShirtM();
    // The shop's currency until another is chosen.
    await waitFor(() =>
      expect((screen.getByLabelText(/^Currency/) as HTMLSelectElement).value).toBe('USD'),
    );
    fireEvent.change(screen.getByLabelText(/^Price \(USD\)/), { target: { value: '12.50' } });
    fireEvent.change(screen.getByLabelText('Opening stock at Baixa store'), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(await screen.findByText('Elsewhere')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/sellers/${greenGrocer.id}/offers/o-new`);
  });

  it('sends 500 JPY as 500, and refuses decimals JPY does not have', async () => {
    const { router } = renderNewOffer([offerCreate(500, 'JPY', [])]);
    await pickLinenShirtM();
    fireEvent.change(screen.getByLabelText(/^Currency/), { target: { value: 'JPY' } });
    const price = screen.getByLabelText(/^Price \(JPY\)/);
    fireEvent.change(price, { target: { value: '12.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(errorOf(price)).toBe('This price takes whole numbers only.');

    fireEvent.change(price, { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(await screen.findByText('Elsewhere')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/sellers/${greenGrocer.id}/offers/o-new`);
  });

  it('asks for the variant before sending anything', async () => {
    renderNewOffer([]);
    fireEvent.change(await screen.findByLabelText(/^Price \(/), { target: { value: '12.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(errorOf(screen.getByLabelText('Product title'))).toBe('Choose the variant you sell.');
  });
});
