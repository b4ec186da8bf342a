import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { renderWithProviders } from '../../test/render';
import { DataTable, type ColumnDef } from './data-table';

interface Seller {
  id: string;
  name: string;
  city: string;
  orders: number;
}

// 25 sellers: "Seller 01".."Seller 25", two of them in Bergen.
const sellers: Seller[] = Array.from({ length: 25 }, (_, i) => ({
  id: `s${i + 1}`,
  name: `Seller ${String(i + 1).padStart(2, '0')}`,
  city: i === 3 || i === 17 ? 'Bergen' : i % 2 === 0 ? 'Lisbon' : 'Osaka',
  orders: (i * 7) % 25,
}));

const columns: ColumnDef<Seller>[] = [
  { accessorKey: 'name', header: 'Name' },
  { accessorKey: 'city', header: 'City', enableSorting: false },
  { accessorKey: 'orders', header: 'Orders', meta: { align: 'right' } },
];

function table() {
  return screen.getByRole('table', { name: 'Sellers' });
}

/** The first cell of every body row, in display order. */
function names(): string[] {
  const rows = within(table()).getAllByRole('row').slice(1);
  return rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

describe('DataTable (client mode)', () => {
  it('shows the first page and pages through the rest', () => {
    renderWithProviders(
      <DataTable label="Sellers" data={sellers} columns={columns} getRowId={(s) => s.id} />,
    );

    expect(names()).toHaveLength(10);
    expect(names()[0]).toBe('Seller 01');
    expect(screen.getByText('1–10 of 25')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(names()[0]).toBe('Seller 11');
    expect(screen.getByText('11–20 of 25')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(names()).toEqual(['Seller 21', 'Seller 22', 'Seller 23', 'Seller 24', 'Seller 25']);
    expect(screen.getByText('21–25 of 25')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Rows per page' }), {
      target: { value: '25' },
    });
    expect(names()).toHaveLength(25);
    expect(screen.getByText('1–25 of 25')).toBeTruthy();
  });

  it('sorts by a column, ascending then descending, and marks the header', () => {
    renderWithProviders(<DataTable label="Sellers" data={sellers} columns={columns} />);
    const ordersHeader = within(table()).getByRole('columnheader', { name: /Orders/ });
    expect(ordersHeader.getAttribute('aria-sort')).toBe('none');

    fireEvent.click(within(ordersHeader).getByRole('button'));
    expect(ordersHeader.getAttribute('aria-sort')).toBe('ascending');
    let orders = within(table())
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(row.lastElementChild?.textContent));
    expect(orders.slice(0, 3)).toEqual([0, 1, 2]);

    fireEvent.click(within(ordersHeader).getByRole('button'));
    expect(ordersHeader.getAttribute('aria-sort')).toBe('descending');
    orders = within(table())
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(row.lastElementChild?.textContent));
    expect(orders.slice(0, 3)).toEqual([24, 23, 22]);

    // A column that cannot be sorted offers no button.
    const cityHeader = within(table()).getByRole('columnheader', { name: 'City' });
    expect(within(cityHeader).queryByRole('button')).toBeNull();
    expect(cityHeader.hasAttribute('aria-sort')).toBe(false);
  });

  it('filters rows by text, back to the first page, and says when nothing matches', () => {
    renderWithProviders(<DataTable label="Sellers" data={sellers} columns={columns} />);
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('11–20 of 25')).toBeTruthy();

    const filter = screen.getByRole('searchbox', { name: 'Filter sellers' });
    fireEvent.change(filter, { target: { value: 'berg' } });
    expect(names()).toEqual(['Seller 04', 'Seller 18']);
    expect(screen.getByText('1–2 of 2')).toBeTruthy();

    fireEvent.change(filter, { target: { value: 'Tromsø' } });
    expect(screen.getByText('No rows match “Tromsø”.')).toBeTruthy();
    expect(screen.getByText('No rows')).toBeTruthy();

    fireEvent.change(filter, { target: { value: '' } });
    expect(names()).toHaveLength(10);
  });

  it('shows the empty message when there are no rows at all', () => {
    renderWithProviders(
      <DataTable label="Sellers" data={[]} columns={columns} emptyMessage="No sellers yet." />,
    );
    expect(screen.getByText('No sellers yet.')).toBeTruthy();
  });
});

describe('DataTable (server mode)', () => {
  it('reports sorting, filter and page changes and shows the rows it is given as they are', async () => {
    const onSortingChange = vi.fn();
    const onPaginationChange = vi.fn();
    const onFilterChange = vi.fn();
    const page = sellers.slice(0, 10).reverse();
    renderWithProviders(
      <DataTable
        label="Sellers"
        mode="server"
        data={page}
        rowCount={42}
        columns={columns}
        onSortingChange={onSortingChange}
        onPaginationChange={onPaginationChange}
        onFilterChange={onFilterChange}
        filterDebounceMs={20}
      />,
    );

    expect(screen.getByText('1–10 of 42')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Page 5' })).toBeTruthy();

    fireEvent.click(within(table()).getByRole('button', { name: /Name/ }));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'name', desc: false }]);
    // The server sorts: the table keeps the order it was given.
    expect(names()[0]).toBe('Seller 10');

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPaginationChange).toHaveBeenLastCalledWith({ pageIndex: 1, pageSize: 10 });

    const filter = screen.getByRole('searchbox', { name: 'Filter sellers' });
    fireEvent.change(filter, { target: { value: 'b' } });
    fireEvent.change(filter, { target: { value: 'be' } });
    fireEvent.change(filter, { target: { value: 'ber' } });
    expect(onFilterChange).not.toHaveBeenCalled();
    await waitFor(() => expect(onFilterChange).toHaveBeenCalledTimes(1));
    expect(onFilterChange).toHaveBeenCalledWith('ber');
    expect(onPaginationChange).toHaveBeenLastCalledWith({ pageIndex: 0, pageSize: 10 });
    expect(names()).toHaveLength(10);
  });

  it('follows controlled state from its caller', () => {
    renderWithProviders(
      <DataTable
        label="Sellers"
        mode="server"
        data={sellers.slice(20, 25)}
        rowCount={25}
        columns={columns}
        sorting={[{ id: 'orders', desc: true }]}
        pagination={{ pageIndex: 2, pageSize: 10 }}
      />,
    );
    expect(screen.getByText('21–25 of 25')).toBeTruthy();
    expect(
      within(table())
        .getByRole('columnheader', { name: /Orders/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(screen.getByRole('button', { name: 'Page 3' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});
