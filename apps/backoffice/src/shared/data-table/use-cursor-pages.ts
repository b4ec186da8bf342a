import { useCallback, useState } from 'react';

import type { PaginationState } from './data-table';

interface CursorPagesState {
  /** The filters these pages belong to. */
  key: string;
  pagination: PaginationState;
  /** endCursors[i] = the cursor ending page i. */
  endCursors: readonly (string | null)[];
}

/**
 * Page state for a server-mode DataTable over a forward-only Relay connection
 * (`first`/`after`). Moving to the next page records the end cursor of the
 * page on screen, so page N asks for `after` = the end cursor of page N-1;
 * going back reuses recorded cursors (and Apollo's cache). When `filterKey`
 * (the connection's other arguments, serialised) changes, paging starts over.
 *
 *   const filters = { search, status };
 *   const pages = useCursorPages(25, JSON.stringify(filters));
 *   const { data } = useQuery(UsersDocument, { variables: { ...filters, ...pages.variables } });
 *   <DataTable mode="server" paging="cursor" pagination={pages.pagination}
 *     onPaginationChange={(next) => pages.change(next, data?.users.pageInfo.endCursor)}
 *     hasNextPage={data?.users.pageInfo.hasNextPage} … />
 */
export function useCursorPages(initialPageSize = 25, filterKey = '') {
  const [stored, setStored] = useState<CursorPagesState>({
    key: filterKey,
    pagination: { pageIndex: 0, pageSize: initialPageSize },
    endCursors: [],
  });
  const state: CursorPagesState =
    stored.key === filterKey
      ? stored
      : { key: filterKey, pagination: { ...stored.pagination, pageIndex: 0 }, endCursors: [] };
  const { pagination, endCursors } = state;

  const after = pagination.pageIndex === 0 ? null : (endCursors[pagination.pageIndex - 1] ?? null);

  /** The table asks for another page; `endCursor` ends the page it shows now. */
  const change = useCallback(
    (next: PaginationState, endCursor: string | null | undefined) => {
      setStored((old) => {
        const current: CursorPagesState =
          old.key === filterKey
            ? old
            : { key: filterKey, pagination: { ...old.pagination, pageIndex: 0 }, endCursors: [] };
        if (next.pageSize !== current.pagination.pageSize) {
          // Other page boundaries: the recorded cursors no longer apply.
          return {
            key: filterKey,
            pagination: { pageIndex: 0, pageSize: next.pageSize },
            endCursors: [],
          };
        }
        const from = current.pagination.pageIndex;
        if (next.pageIndex === from + 1) {
          if (!endCursor) return current;
          const cursors = current.endCursors.slice(0, from);
          cursors[from] = endCursor;
          return { ...current, pagination: next, endCursors: cursors };
        }
        // Backwards (or to the first page): to pages whose start is known.
        if (next.pageIndex <= from) return { ...current, pagination: next };
        return current;
      });
    },
    [filterKey],
  );

  return {
    pagination,
    change,
    variables: { first: pagination.pageSize, after },
  };
}
