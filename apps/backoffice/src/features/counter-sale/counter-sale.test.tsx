import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  CounterSaleOffersDocument,
  CounterSaleStoresDocument,
  OfflineOrderPlaceDocument,
  OrderDeliverDocument,
  OrderMarkPaidDocument,
  type CounterOffer_OfferFragment,
  type CounterSaleOffersQuery,
  type CounterSaleStoresQuery,
  type OfflineOrderPlaceMutation,
  type OfflineOrderPlaceMutationVariables,
  type OrderDeliverMutation,
  type OrderMarkPaidMutation,
} from '../../generated/graphql';
import { greenGrocer, viewer } from '../../test/fixtures';
import type { Mocks } from '../../test/providers';
import { renderScreen } from '../../test/render';
import { errorOf } from '../offers/test-data';
import { eur, ORDER_PERMISSIONS, orderDetail } from '../orders/test-data';
import { CounterSaleView } from './views/counter-sale-view';

const baixa = { id: 'st-baixa', name: 'Baixa' };

/** A store-counter account: fixed to the Baixa store. */
const counterViewer = viewer({
  id: 'u-counter',
  name: 'Baixa counter',
  sellerAccess: [{ seller: greenGrocer, permissions: ORDER_PERMISSIONS, store: baixa }],
});

/** A salesperson, free to sell at any of the seller's stores. */
const salesViewer = viewer({
  id: 'u-sam',
  name: 'Sam Sales',
  sellerAccess: [{ seller: greenGrocer, permissions: ORDER_PERMISSIONS }],
});

const apples: CounterOffer_OfferFragment = {
  __typename: 'Offer',
  id: 'o-apples',
  allowBackorder: false,
  price: eur(350),
  variant: { __typename: 'Variant', id: 'v-apples', sku: 'APL-1KG', title: 'Apples, 1 kg' },
  product: { __typename: 'Product', id: 'p-apples', title: 'Apples', status: 'PUBLISHED' },
  stockLevels: [
    {
      __typename: 'StockLevel',
      id: 'sl-1',
      available: 3,
      location: {
        __typename: 'StockLocation',
        id: 'loc-baixa',
        store: { __typename: 'Store', id: 'st-baixa' },
      },
    },
    {
      __typename: 'StockLevel',
      id: 'sl-2',
      available: 40,
      location: { __typename: 'StockLocation', id: 'loc-wh', store: null },
    },
  ],
};

const offersMock = {
  request: {
    query: CounterSaleOffersDocument,
    variables: { sellerId: greenGrocer.id, query: 'apple' },
  },
  result: {
    data: {
      sellerOffers: {
        __typename: 'OfferConnection',
        edges: [{ __typename: 'OfferEdge', node: apples }],
      },
    } as CounterSaleOffersQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const placedOrder = orderDetail({
  id: 'ord-9',
  number: 2001,
  status: 'PLACED',
  channel: 'OFFLINE',
  paymentMethod: 'IN_STORE',
  paid: false,
  fulfilment: 'PICKUP',
  shippingMethodName: null,
  shippingAddress: null,
  customer: null,
  pickupStore: { __typename: 'Store', id: 'st-baixa', name: 'Baixa', city: 'Lisbon' },
  allowedActions: ['MARK_PAID', 'CANCEL'],
});

function renderSale(mocks: Mocks, who = counterViewer) {
  return renderScreen(<CounterSaleView sellerId={greenGrocer.id} />, {
    viewer: who,
    mocks,
    path: `/sellers/${greenGrocer.id}/counter-sale`,
    routePath: '/sellers/:sellerId/counter-sale',
  });
}

async function addApples() {
  fireEvent.change(screen.getByLabelText('Find an item'), { target: { value: 'apple' } });
  const results = await screen.findByRole('table', { name: 'Matching offers' });
  expect(within(results).getByText('3 in this store')).toBeTruthy();
  fireEvent.click(within(results).getByRole('button', { name: 'Add Apples, 1 kg' }));
}

describe('counter sale', () => {
  it('places a sale from the counter’s store, then takes the payment and hands it over', async () => {
    const placeCalls: OfflineOrderPlaceMutationVariables[] = [];
    const answer = (result: OfflineOrderPlaceMutation['offlineOrderPlace']) => ({
      request: {
        query: OfflineOrderPlaceDocument,
        variables: (vars: OfflineOrderPlaceMutationVariables) => {
          placeCalls.push(vars);
          return true;
        },
      },
      result: { data: { offlineOrderPlace: result } as OfflineOrderPlaceMutation },
    });
    const tooMany = answer({
      __typename: 'OfflineOrderPlacePayload',
      order: null,
      errors: [
        {
          __typename: 'OfflineOrderPlaceError',
          code: 'OUT_OF_STOCK',
          field: 'input.lines.0.quantity',
          message: 'Only 3 left at Baixa.',
        },
      ],
    });
    const placed = answer({
      __typename: 'OfflineOrderPlacePayload',
      order: placedOrder,
      errors: [],
    });
    const paidOrder = {
      ...placedOrder,
      status: 'PAID' as const,
      paid: true,
      allowedActions: ['DELIVER' as const, 'CANCEL' as const, 'REFUND' as const],
    };
    const markPaid = {
      request: { query: OrderMarkPaidDocument, variables: { id: 'ord-9' } },
      result: {
        data: {
          orderMarkPaid: { __typename: 'OrderPayload', order: paidOrder, errors: [] },
        } as OrderMarkPaidMutation,
      },
    };
    const handOver = {
      request: { query: OrderDeliverDocument, variables: { id: 'ord-9' } },
      result: {
        data: {
          orderDeliver: {
            __typename: 'OrderPayload',
            order: {
              ...paidOrder,
              status: 'DELIVERED' as const,
              allowedActions: ['COMPLETE' as const],
            },
            errors: [],
          },
        } as OrderDeliverMutation,
      },
    };
    renderSale([offersMock, tooMany, placed, markPaid, handOver]);

    expect(screen.getByText('Baixa')).toBeTruthy();
    expect(screen.queryByLabelText(/^Store/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByText('Add at least one item.')).toBeTruthy();
    expect(placeCalls).toHaveLength(0);

    await addApples();
    await addApples();
    const quantity = screen.getByLabelText('Quantity of Apples, 1 kg') as HTMLInputElement;
    expect(quantity.value).toBe('2');
    fireEvent.change(quantity, { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(/^Customer e-mail/), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect(errorOf(screen.getByLabelText(/^Customer e-mail/))).toMatch(/^An e-mail address/);

    fireEvent.change(screen.getByLabelText(/^Customer e-mail/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(errorOf(quantity)).toBe('Only 3 left at Baixa.'));
    expect(placeCalls[0]?.input).toMatchObject({
      sellerId: greenGrocer.id,
      storeId: 'st-baixa',
      customerEmail: null,
      lines: [{ offerId: 'o-apples', quantity: 5 }],
    });

    fireEvent.change(quantity, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('Order #2001 placed')).toBeTruthy();
    const keys = placeCalls.map((call) => call.input.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);

    // Only the counter's next steps: no cancel button here.
    const actions = within(status).getByRole('group', { name: 'Order actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Mark paid']);
    fireEvent.click(within(actions).getByRole('button', { name: 'Mark paid' }));
    fireEvent.click(await within(status).findByRole('button', { name: 'Hand over' }));
    expect(await within(status).findByText('Paid and handed over. Done.')).toBeTruthy();
  });

  it('makes a salesperson choose the store, and shows that store’s stock', async () => {
    const stores = {
      request: { query: CounterSaleStoresDocument },
      result: {
        data: {
          viewer: {
            __typename: 'Viewer',
            sellerAccess: [
              {
                __typename: 'SellerAccess',
                seller: {
                  __typename: 'Seller',
                  id: greenGrocer.id,
                  name: greenGrocer.name,
                  stores: [
                    { __typename: 'Store', id: 'st-baixa', name: 'Baixa', city: 'Lisbon' },
                    { __typename: 'Store', id: 'st-porto', name: 'Porto', city: 'Porto' },
                  ],
                },
              },
            ],
          },
        } as CounterSaleStoresQuery,
      },
    };
    renderSale([stores, offersMock], salesViewer);
    const store = await screen.findByRole('combobox', { name: /^Store/ });
    fireEvent.change(screen.getByLabelText('Find an item'), { target: { value: 'apple' } });
    const results = await screen.findByRole('table', { name: 'Matching offers' });
    expect(within(results).getByText('Choose a store')).toBeTruthy();
    fireEvent.click(within(results).getByRole('button', { name: 'Add Apples, 1 kg' }));
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect(errorOf(store)).toBe('Choose the store you sell at.');
    fireEvent.change(store, { target: { value: 'st-baixa' } });
    expect(await within(results).findByText('3 in this store')).toBeTruthy();
  });

  it('does not let an unpublished product be sold', async () => {
    const draft = {
      ...apples,
      id: 'o-pears',
      variant: { ...apples.variant, id: 'v-pears', sku: 'PER-1KG', title: 'Pears, 1 kg' },
      product: { ...apples.product, id: 'p-pears', title: 'Pears', status: 'DRAFT' as const },
    };
    const pears = {
      request: {
        query: CounterSaleOffersDocument,
        variables: { sellerId: greenGrocer.id, query: 'pear' },
      },
      result: {
        data: {
          sellerOffers: {
            __typename: 'OfferConnection',
            edges: [{ __typename: 'OfferEdge', node: draft }],
          },
        } as CounterSaleOffersQuery,
      },
    };
    renderSale([pears]);
    fireEvent.change(screen.getByLabelText('Find an item'), { target: { value: 'pear' } });
    const results = await screen.findByRole('table', { name: 'Matching offers' });
    expect(within(results).getByText('Not on sale: the product is not published')).toBeTruthy();
    expect(
      within(results).getByRole('button', { name: 'Add Pears, 1 kg' }).hasAttribute('disabled'),
    ).toBe(true);
  });
});
