import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  ProductsBulkSetStatusDocument,
  SellerProductsDocument,
  type ProductStatus,
  type ProductsBulkSetStatusMutation,
  type SellerProductsQuery,
  type SellerProductsQueryVariables,
} from '../../generated/graphql';
import { salespersonViewer } from '../../test/fixtures';
import { shellShopMock } from '../../test/mocks';
import { renderApp, renderScreen } from '../../test/render';
import { categoryOptionsMocks, productManager } from './products.fixtures';
import { ProductsView } from './views/products-view';

type Row = SellerProductsQuery['sellerProducts']['edges'][number]['node'];

function row(id: string, title: string, status: ProductStatus = 'DRAFT'): Row {
  return {
    __typename: 'Product',
    id,
    title,
    slug: title.toLowerCase().replace(/ /g, '-'),
    status,
    brand: null,
    updatedAt: '2026-11-20T10:00:00.000Z',
    category: { __typename: 'Category', id: 'c-shirts', name: 'Shirts' },
    variants: [{ __typename: 'Variant', id: `${id}-v1`, sku: `${id.toUpperCase()}-1` }],
    images: [],
  };
}

const rows = [row('p1', 'Linen shirt'), row('p2', 'Wool scarf'), row('p3', 'Cotton tee')];

/** Answers Query.sellerProducts and records the variables it was asked with. */
function productsApi(nodes: Row[] = rows) {
  const calls: SellerProductsQueryVariables[] = [];
  const mock = {
    request: {
      query: SellerProductsDocument,
      variables: (variables: SellerProductsQueryVariables) => {
        calls.push(variables);
        return true;
      },
    },
    result: () => ({
      data: {
        sellerProducts: {
          __typename: 'ProductConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false },
          edges: nodes.map((node, i) => ({
            __typename: 'ProductEdge',
            cursor: `c${i + 1}`,
            node,
          })),
        },
      } as SellerProductsQuery,
    }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { calls, mock };
}

function tableRow(title: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Products' });
  const link = within(table).getByRole('link', { name: title });
  const tr = link.closest('tr');
  if (!tr) throw new Error(`No row for ${title}`);
  return tr;
}

function checkbox(name: string): HTMLInputElement {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

describe('product list', () => {
  it('publishes the selected products in bulk and shows why each failed row was refused', async () => {
    const api = productsApi();
    let bulkAsked = 0;
    const bulk = {
      request: {
        query: ProductsBulkSetStatusDocument,
        variables: { ids: ['p1', 'p2', 'p3'], status: 'PUBLISHED' },
      },
      result: () => {
        bulkAsked += 1;
        return {
          data: {
            productsBulkSetStatus: {
              __typename: 'ProductsBulkSetStatusPayload',
              products: [
                row('p1', 'Linen shirt', 'PUBLISHED'),
                row('p3', 'Cotton tee', 'PUBLISHED'),
              ],
              errors: [
                {
                  __typename: 'ProductsBulkSetStatusError',
                  code: 'NO_IMAGE',
                  field: 'ids.1',
                  message: 'wool-scarf: Add at least one image.',
                },
                {
                  __typename: 'ProductsBulkSetStatusError',
                  code: 'NO_PRICE',
                  field: 'ids.1',
                  message: 'wool-scarf: Offer at least one variant at a price.',
                },
              ],
            },
          } as ProductsBulkSetStatusMutation,
        };
      },
    };
    renderScreen(<ProductsView sellerId="s-green" />, {
      viewer: productManager,
      mocks: [api.mock, ...categoryOptionsMocks(), bulk],
    });

    await screen.findByRole('link', { name: 'Wool scarf' });
    expect(api.calls[0]).toEqual({
      sellerId: 's-green',
      first: 25,
      after: null,
      query: null,
      status: null,
      categoryId: null,
      sort: 'UPDATED',
    });
    expect(screen.getByRole('link', { name: 'New product' }).getAttribute('href')).toBe(
      '/sellers/s-green/products/new',
    );
    // No selection, no bulk actions.
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).toBeNull();

    fireEvent.click(checkbox('Select every product on this page'));
    const actions = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(actions).getByText('3 products selected')).toBeTruthy();
    fireEvent.click(within(actions).getByRole('button', { name: 'Publish' }));

    // The refused row says why, next to it; the others are published.
    const scarf = tableRow('Wool scarf');
    expect(await within(scarf).findByText(/wool-scarf: Add at least one image\./)).toBeTruthy();
    expect(
      within(scarf).getByText(/wool-scarf: Offer at least one variant at a price\./),
    ).toBeTruthy();
    expect(bulkAsked).toBe(1);
    expect(within(scarf).getByText('Draft')).toBeTruthy();
    await waitFor(() =>
      expect(within(tableRow('Linen shirt')).getByText('Published')).toBeTruthy(),
    );
    expect(within(tableRow('Cotton tee')).getByText('Published')).toBeTruthy();
    expect(within(tableRow('Linen shirt')).queryByText(/Add at least one image/)).toBeNull();

    const summary = screen
      .getByText('1 of 3 products could not be published')
      .closest('[role="alert"]');
    expect(summary).toBeTruthy();
    // The two that went through are announced.
    expect(await screen.findByText('2 products published.')).toBeTruthy();
    // Only the refused row stays selected, ready for another try.
    expect(checkbox('Select Wool scarf').checked).toBe(true);
    expect(checkbox('Select Linen shirt').checked).toBe(false);
    expect(checkbox('Select Cotton tee').checked).toBe(false);
    expect(checkbox('Select Wool scarf').getAttribute('aria-describedby')).toBeTruthy();
  });

  it('maps the status, category and sort filters to the connection’s arguments', async () => {
    const api = productsApi();
    renderScreen(<ProductsView sellerId="s-green" />, {
      viewer: productManager,
      mocks: [api.mock, ...categoryOptionsMocks()],
    });
    await screen.findByRole('link', { name: 'Linen shirt' });
    // The category picker lists the tree in position order, children under their parent.
    const category = (await screen.findByRole('combobox', {
      name: 'Category',
    })) as HTMLSelectElement;
    await waitFor(() => expect(category.options).toHaveLength(5));
    expect(Array.from(category.options).map((o) => o.textContent?.trim())).toEqual([
      'Any category',
      'Clothing',
      'Shirts',
      'Kitchen',
      'Mugs',
    ]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'ARCHIVED' },
    });
    fireEvent.change(category, { target: { value: 'c-mugs' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'TITLE' },
    });
    await waitFor(() =>
      expect(api.calls.at(-1)).toEqual({
        sellerId: 's-green',
        first: 25,
        after: null,
        query: null,
        status: 'ARCHIVED',
        categoryId: 'c-mugs',
        sort: 'TITLE',
      }),
    );
  });

  it('offers no selection or bulk actions to someone who may only read', async () => {
    const api = productsApi();
    const reader = {
      ...salespersonViewer,
      sellerAccess: salespersonViewer.sellerAccess.map((entry) => ({
        ...entry,
        permissions: [...entry.permissions, 'PRODUCTS_READ' as const],
      })),
    };
    renderScreen(<ProductsView sellerId="s-green" />, {
      viewer: reader,
      mocks: [api.mock, ...categoryOptionsMocks()],
    });
    await screen.findByRole('link', { name: 'Linen shirt' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('link', { name: 'New product' })).toBeNull();
  });

  it('is in the seller’s navigation for those who may read products, and its route opens it', async () => {
    const api = productsApi();
    renderApp('/sellers/s-green/products', {
      viewer: productManager,
      mocks: [shellShopMock(), api.mock, ...categoryOptionsMocks()],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Products' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Products' }).getAttribute('href')).toBe(
      '/sellers/s-green/products',
    );
    expect(within(nav).queryByRole('link', { name: 'Categories' })).toBeNull();
    await screen.findByRole('link', { name: 'Linen shirt' });
  });
});
