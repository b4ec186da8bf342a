import {
  Box,
  Button,
  Group,
  LoadingOverlay,
  NativeSelect,
  Pagination,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type PaginationState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';

import { IconSearch, IconSortAscending, IconSortDescending, IconSortNone } from '../icons';

declare module '@tanstack/react-table' {
  // Extra per-column display options, read by DataTable.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Text alignment of the column's cells; numbers and money read best right-aligned. */
    align?: 'left' | 'center' | 'right';
  }
}

export type { ColumnDef, PaginationState, SortingState };

/** 100 is also the API's cap on a connection's `first`. */
const DEFAULT_PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

export interface DataTableProps<TData> {
  /** Accessible name of the table ("Users", "Products"). Also names the filter box. */
  label: string;
  /** Client mode: every row. Server mode: the rows of the current page only. */
  data: readonly TData[];
  // Column value types vary per column; `any` is what @tanstack/react-table itself uses here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<TData, any>[];
  /** Stable row identity (an entity's id); defaults to the row index. */
  getRowId?: (row: TData, index: number) => string;

  /**
   * `client` (default): the table sorts, filters and paginates `data` itself.
   * `server`: it only reports sorting, filter and page changes through the
   * callbacks and shows `data` as given. Used with a Relay connection, the
   * caller maps the state to query variables (`first` = page size, `after` =
   * the cursor that ends the previous page, the filter and sort to the
   * connection's arguments) and passes `rowCount` = `totalCount`.
   */
  mode?: 'client' | 'server';
  /** Total number of rows across all pages; required in server mode. */
  rowCount?: number;

  /** Controlled sorting; leave undefined to let the table keep its own. */
  sorting?: SortingState;
  initialSorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;

  /** Controlled filter text; leave undefined to let the table keep its own. */
  filter?: string;
  onFilterChange?: (filter: string) => void;
  /** Hide the filter box (e.g. when a page has its own filter form). */
  withFilter?: boolean;
  filterPlaceholder?: string;
  /** Delay before `onFilterChange` fires in server mode, so typing sends one query. */
  filterDebounceMs?: number;

  /** Controlled pagination; leave undefined to let the table keep its own. */
  pagination?: PaginationState;
  initialPageSize?: number;
  onPaginationChange?: (pagination: PaginationState) => void;
  pageSizeOptions?: readonly number[];
  /**
   * `pages` (default): numbered pages. `cursor`: first / previous / next only,
   * for forward-only Relay connections where an arbitrary page cannot be
   * reached without the cursor ending the page before it (see useCursorPages).
   */
  paging?: 'pages' | 'cursor';
  /** Cursor paging: whether a next page exists (defaults to what `rowCount` implies). */
  hasNextPage?: boolean;

  /** Shows an overlay over the current rows (server mode: the next page is loading). */
  loading?: boolean;
  /** Shown when there are no rows at all (not when a filter matches nothing). */
  emptyMessage?: ReactNode;
  /** Extra controls next to the filter box: bulk actions, export, create buttons. */
  toolbar?: ReactNode;
  /** Below this width the table scrolls horizontally instead of squeezing its columns. */
  minWidth?: number;
}

/** State a caller may control or leave to the table. */
function useTableState<T>(controlled: T | undefined, initial: T, onChange?: (next: T) => void) {
  const [own, setOwn] = useState<T>(initial);
  const value = controlled === undefined ? own : controlled;
  const set = (next: T) => {
    if (controlled === undefined) setOwn(next);
    onChange?.(next);
  };
  return [value, set] as const;
}

function resolve<T>(updater: T | ((old: T) => T), old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

/**
 * A table for back-office lists: column sorting, a text filter and pagination,
 * done in the browser (`mode="client"`) or delegated to the API (`mode="server"`).
 */
export function DataTable<TData>({
  label,
  data,
  columns,
  getRowId,
  mode = 'client',
  rowCount,
  sorting: sortingProp,
  initialSorting = [],
  onSortingChange,
  filter: filterProp,
  onFilterChange,
  withFilter = true,
  filterPlaceholder = 'Filter…',
  filterDebounceMs = 300,
  pagination: paginationProp,
  initialPageSize = 10,
  onPaginationChange,
  pageSizeOptions = DEFAULT_PAGE_SIZES,
  paging = 'pages',
  hasNextPage,
  loading = false,
  emptyMessage = 'Nothing here yet.',
  toolbar,
  minWidth = 600,
}: DataTableProps<TData>) {
  const server = mode === 'server';
  const [sorting, setSorting] = useTableState(sortingProp, initialSorting, onSortingChange);
  const [filter, setFilter] = useTableState(filterProp, '', onFilterChange);
  const [pagination, setPagination] = useTableState(
    paginationProp,
    { pageIndex: 0, pageSize: initialPageSize },
    onPaginationChange,
  );
  // What the filter box shows; in server mode it runs ahead of the debounced `filter`.
  const [filterInput, setFilterInput] = useState(filter);
  const [lastFilter, setLastFilter] = useState(filter);
  if (filter !== lastFilter) {
    // The caller changed the filter (e.g. from the URL): show it.
    setLastFilter(filter);
    setFilterInput(filter);
  }

  const firstPage = () => {
    if (pagination.pageIndex !== 0) setPagination({ ...pagination, pageIndex: 0 });
  };
  const applyFilter = (value: string) => {
    setLastFilter(value);
    setFilter(value);
    firstPage();
  };
  const applyFilterDebounced = useDebouncedCallback(applyFilter, filterDebounceMs);

  // TanStack Table v8 returns unstable functions by design; the React Compiler is not used here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<TData>({
    data: data as TData[],
    columns,
    getRowId,
    state: { sorting, globalFilter: filter, pagination },
    onSortingChange: (updater) => {
      setSorting(resolve(updater, sorting));
      firstPage();
    },
    onPaginationChange: (updater) => setPagination(resolve(updater, pagination)),
    getCoreRowModel: getCoreRowModel(),
    ...(server
      ? {
          manualSorting: true,
          manualFiltering: true,
          manualPagination: true,
          rowCount: rowCount ?? data.length,
        }
      : {
          getSortedRowModel: getSortedRowModel(),
          getFilteredRowModel: getFilteredRowModel(),
          getPaginationRowModel: getPaginationRowModel(),
          globalFilterFn: 'includesString' as const,
          autoResetPageIndex: false,
        }),
    sortDescFirst: false,
  });

  const rows = table.getRowModel().rows;
  const total = server ? (rowCount ?? data.length) : table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());
  const from = total === 0 ? 0 : pagination.pageIndex * pagination.pageSize + 1;
  const to = Math.min(total, (pagination.pageIndex + 1) * pagination.pageSize);
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <Box>
      {withFilter || toolbar ? (
        <Group justify="space-between" mb="sm" gap="sm">
          {withFilter ? (
            <TextInput
              type="search"
              aria-label={`Filter ${label.toLowerCase()}`}
              placeholder={filterPlaceholder}
              leftSection={<IconSearch size={16} />}
              value={filterInput}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setFilterInput(value);
                if (server) applyFilterDebounced(value);
                else applyFilter(value);
              }}
              w={{ base: '100%', xs: 280 }}
            />
          ) : null}
          {toolbar ? <Group gap="xs">{toolbar}</Group> : null}
        </Group>
      ) : null}

      <Box pos="relative">
        <LoadingOverlay
          visible={loading}
          zIndex={1}
          overlayProps={{ blur: 1 }}
          loaderProps={{ size: 'sm' }}
        />
        <Table.ScrollContainer minWidth={minWidth} type="native">
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            aria-label={label}
            aria-busy={loading || undefined}
          >
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => (
                    <HeaderCell key={header.id} header={header} />
                  ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={columnCount}>
                    <Text c="dimmed" ta="center" py="lg" size="sm">
                      {filter ? `No rows match “${filter}”.` : emptyMessage}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((row) => (
                  <Table.Tr key={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>

      <Group justify="space-between" mt="sm" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {total === 0 ? 'No rows' : `${from}–${to} of ${total}`}
        </Text>
        <Group gap="sm">
          <NativeSelect
            aria-label="Rows per page"
            size="xs"
            value={String(pagination.pageSize)}
            data={pageSizeOptions.map((size) => ({ value: String(size), label: `${size} / page` }))}
            onChange={(event) =>
              setPagination({ pageIndex: 0, pageSize: Number(event.currentTarget.value) })
            }
          />
          {paging === 'cursor' ? (
            <Group gap={4}>
              <Button
                size="compact-sm"
                variant="default"
                disabled={pagination.pageIndex === 0}
                onClick={() => setPagination({ ...pagination, pageIndex: 0 })}
              >
                First page
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={pagination.pageIndex === 0}
                onClick={() =>
                  setPagination({ ...pagination, pageIndex: pagination.pageIndex - 1 })
                }
              >
                Previous page
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={!(hasNextPage ?? pagination.pageIndex + 1 < pageCount) || loading}
                onClick={() =>
                  setPagination({ ...pagination, pageIndex: pagination.pageIndex + 1 })
                }
              >
                Next page
              </Button>
            </Group>
          ) : (
            <Pagination
              size="sm"
              total={pageCount}
              value={pagination.pageIndex + 1}
              onChange={(page) => setPagination({ ...pagination, pageIndex: page - 1 })}
              siblings={0}
              boundaries={1}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
              getControlProps={(control) => ({
                'aria-label': {
                  first: 'First page',
                  last: 'Last page',
                  next: 'Next page',
                  previous: 'Previous page',
                }[control],
              })}
            />
          )}
        </Group>
      </Group>
    </Box>
  );
}

function HeaderCell<TData>({ header }: { header: Header<TData, unknown> }) {
  const { column } = header;
  const align = column.columnDef.meta?.align;
  const content = header.isPlaceholder
    ? null
    : flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort()) {
    return (
      <Table.Th colSpan={header.colSpan} ta={align}>
        {content}
      </Table.Th>
    );
  }
  const direction = column.getIsSorted();
  const SortIcon =
    direction === 'asc'
      ? IconSortAscending
      : direction === 'desc'
        ? IconSortDescending
        : IconSortNone;
  return (
    <Table.Th
      colSpan={header.colSpan}
      ta={align}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
    >
      <UnstyledButton
        onClick={column.getToggleSortingHandler()}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {content}
        <SortIcon size={14} />
      </UnstyledButton>
    </Table.Th>
  );
}
