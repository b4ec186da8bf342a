import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  StockAdjustDocument,
  StockLocationCreateDocument,
  StockLocationsDocument,
  StockReportDocument,
  type StockAdjustInput,
  type StockAdjustMutation,
  type StockLocationCreateMutation,
  type StockLocationsQuery,
  type StockReportQuery,
} from '../../generated/graphql';
import { greenGrocer } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { catalogViewer, errorOf } from '../offers/test-data';
import { StockAdjustForm } from './components/stock-adjust-modal';
import { LocationsView } from './views/locations-view';
import { StockReportsView } from './views/stock-reports-view';

function adjust(input: StockAdjustInput, error: { code: string; field: string; message: string }) {
  return {
    request: { query: StockAdjustDocument, variables: { input } },
    result: {
      data: {
        stockAdjust: {
          __typename: 'StockAdjustPayload',
          stockLevel: null,
          errors: [{ __typename: 'StockAdjustError', ...error }],
        },
      } as StockAdjustMutation,
    },
  };
}

const locations = [
  { id: 'loc-wh', name: 'Main warehouse' },
  { id: 'loc-shop', name: 'Baixa store' },
];

describe('stock adjustment', () => {
  it('takes damaged goods off as a negative delta and shows INSUFFICIENT_STOCK next to the quantity', async () => {
    const refused = adjust(
      { offerId: 'o-1', locationId: 'loc-shop', reason: 'DAMAGED', note: 'Dropped', delta: -5 },
      {
        code: 'INSUFFICIENT_STOCK',
        field: 'delta',
        message: 'Not enough stock: what is reserved for orders must stay on hand.',
      },
    );
    renderScreen(
      <StockAdjustForm
        offerId="o-1"
        locations={locations}
        locationId="loc-shop"
        onDone={() => undefined}
      />,
      { viewer: catalogViewer, mocks: [refused] },
    );
    expect((screen.getByLabelText('Location') as HTMLSelectElement).value).toBe('loc-shop');
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'DAMAGED' } });
    const quantity = screen.getByLabelText(/^Quantity damaged/);
    fireEvent.change(quantity, { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: 'Dropped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adjust stock' }));
    expect(
      await screen.findByText('Not enough stock: what is reserved for orders must stay on hand.'),
    ).toBeTruthy();
    expect(errorOf(quantity)).toBe(
      'Not enough stock: what is reserved for orders must stay on hand.',
    );
    // Nothing left for the form-level alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends a count correction as the counted quantity', async () => {
    const refused = adjust(
      {
        offerId: 'o-1',
        locationId: 'loc-wh',
        reason: 'COUNT_CORRECTION',
        note: null,
        countedQuantity: 3,
      },
      {
        code: 'INSUFFICIENT_STOCK',
        field: 'countedQuantity',
        message: '4 are reserved for orders.',
      },
    );
    renderScreen(
      <StockAdjustForm
        offerId="o-1"
        locations={locations}
        locationId={null}
        onDone={() => undefined}
      />,
      { viewer: catalogViewer, mocks: [refused] },
    );
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'COUNT_CORRECTION' } });
    const counted = screen.getByLabelText(/^Counted quantity/);
    fireEvent.change(counted, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adjust stock' }));
    expect(await screen.findByText('4 are reserved for orders.')).toBeTruthy();
    expect(errorOf(counted)).toBe('4 are reserved for orders.');
  });

  it('refuses a quantity that is not a whole number before asking the API', () => {
    renderScreen(
      <StockAdjustForm
        offerId="o-1"
        locations={locations}
        locationId="loc-wh"
        onDone={() => undefined}
      />,
      { viewer: catalogViewer },
    );
    const quantity = screen.getByLabelText(/^Quantity received/);
    fireEvent.change(quantity, { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adjust stock' }));
    expect(errorOf(quantity)).toBe('This quantity takes whole numbers only.');
  });
});

const stockLocations = {
  request: { query: StockLocationsDocument },
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
              stockLocations: [
                {
                  __typename: 'StockLocation',
                  id: 'loc-shop',
                  kind: 'STORE',
                  name: 'Baixa store',
                  store: { __typename: 'Store', id: 'st-1', name: 'Baixa store', city: 'Lisbon' },
                },
                {
                  __typename: 'StockLocation',
                  id: 'loc-wh',
                  kind: 'WAREHOUSE',
                  name: 'Main warehouse',
                  store: null,
                },
              ],
            },
          },
        ],
      },
    } as StockLocationsQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

describe('stock locations', () => {
  it('lists warehouses and stores and shows a taken name next to the name field', async () => {
    const taken = {
      request: {
        query: StockLocationCreateDocument,
        variables: { sellerId: greenGrocer.id, name: 'Main warehouse' },
      },
      result: {
        data: {
          stockLocationCreate: {
            __typename: 'StockLocationCreatePayload',
            stockLocation: null,
            errors: [
              {
                __typename: 'StockLocationCreateError',
                code: 'NAME_TAKEN',
                field: 'name',
                message: 'Another location has this name.',
              },
            ],
          },
        } as StockLocationCreateMutation,
      },
    };
    renderScreen(<LocationsView sellerId={greenGrocer.id} />, {
      viewer: catalogViewer,
      mocks: [stockLocations, taken],
    });
    const table = await screen.findByRole('table', { name: 'Stock locations' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Baixa storeStoreBaixa store, Lisbon',
      'Main warehouseWarehouse—',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Add warehouse' }));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText(/^Name/);
    fireEvent.change(name, { target: { value: ' Main warehouse ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add warehouse' }));
    expect(await within(dialog).findByText('Another location has this name.')).toBeTruthy();
    expect(errorOf(name)).toBe('Another location has this name.');
  });
});

describe('stock reports', () => {
  it('lists negative stock with product, SKU, location and quantities, linking to the offer’s stock', async () => {
    const report = {
      request: {
        query: StockReportDocument,
        variables: { sellerId: greenGrocer.id, kind: 'NEGATIVE', first: 25, after: null },
      },
      result: {
        data: {
          stockReport: {
            __typename: 'StockLevelConnection',
            totalCount: 1,
            pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
            edges: [
              {
                __typename: 'StockLevelEdge',
                cursor: 'c1',
                node: {
                  __typename: 'StockLevel',
                  id: 'lvl-1',
                  onHand: -2,
                  reserved: 0,
                  available: -2,
                  location: {
                    __typename: 'StockLocation',
                    id: 'loc-shop',
                    kind: 'STORE',
                    name: 'Baixa store',
                  },
                  offer: {
                    __typename: 'Offer',
                    id: 'o-1',
                    lowStockThreshold: 5,
                    variant: {
                      __typename: 'Variant',
                      id: 'v-1',
                      sku: 'LIN-M',
                      title: 'Linen shirt / M',
                    },
                    product: { __typename: 'Product', id: 'p-1', title: 'Linen shirt' },
                  },
                },
              },
            ],
          },
        } as StockReportQuery,
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    renderScreen(<StockReportsView sellerId={greenGrocer.id} />, {
      viewer: catalogViewer,
      mocks: [report],
      path: `/sellers/${greenGrocer.id}/inventory/reports`,
      routePath: '/sellers/:sellerId/inventory/reports',
    });
    expect(screen.getByRole('tab', { name: 'Negative stock', selected: true })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Negative stock' });
    const link = await within(table).findByRole('link', { name: 'Linen shirt / M' });
    expect(link.getAttribute('href')).toBe(`/sellers/${greenGrocer.id}/offers/o-1?tab=stock`);
    const cells = within(table).getAllByRole('row')[1]?.querySelectorAll('td') ?? [];
    expect([...cells].map((cell) => cell.textContent)).toEqual([
      'Linen shirt / M',
      'LIN-M',
      'Baixa storeStore',
      '-2',
      '0',
      '-2',
    ]);
  });
});
