import { useQuery } from '@apollo/client/react';
import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';

import { ImportJobsDocument, type ImportHistory_JobFragment } from '../../../generated/graphql';
import { DataTable, type ColumnDef } from '../../../shared/data-table/data-table';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { formatDateTime } from '../../../shared/format/date';
import { ErrorState } from '../../../shared/states/error-state';
import { ErrorReportButton } from './error-report-button';
import { ImportStatusBadge } from './import-status-badge';

/** The seller's earlier imports and dry runs, newest first (Query.importJobs). */
export function ImportHistory({
  sellerId,
  onOpen,
}: {
  sellerId: string;
  /** Shows a job's progress and errors above. */
  onOpen: (jobId: string) => void;
}) {
  const pages = useCursorPages(10, sellerId);
  const { data, previousData, loading, error, refetch } = useQuery(ImportJobsDocument, {
    variables: { sellerId, ...pages.variables },
  });
  const shown = (data ?? previousData)?.importJobs;
  const columns = useMemo<ColumnDef<ImportHistory_JobFragment>[]>(
    () => [
      {
        id: 'file',
        header: 'File',
        enableSorting: false,
        cell: ({ row }) => (
          <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
            {row.original.fileName}
          </Text>
        ),
      },
      {
        id: 'kind',
        header: 'Kind',
        enableSorting: false,
        cell: ({ row }) => (row.original.dryRun ? 'Dry run' : 'Import'),
      },
      {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        cell: ({ row }) => <ImportStatusBadge status={row.original.status} />,
      },
      {
        id: 'rows',
        header: 'Rows',
        enableSorting: false,
        meta: { align: 'right' },
        cell: ({ row }) => (
          <Text size="sm">
            {row.original.succeededRows} ok
            {row.original.failedRows ? (
              <Text span c="red" size="sm">
                {' '}
                · {row.original.failedRows} failed
              </Text>
            ) : null}{' '}
            / {row.original.totalRows}
          </Text>
        ),
      },
      {
        id: 'createdAt',
        header: 'Started',
        enableSorting: false,
        cell: ({ row }) => formatDateTime(row.original.createdAt),
      },
      {
        id: 'actions',
        header: () => <VisuallyHidden>Actions</VisuallyHidden>,
        enableSorting: false,
        cell: ({ row }) => (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`Show ${row.original.dryRun ? 'dry run' : 'import'} of ${row.original.fileName}`}
              onClick={() => onOpen(row.original.id)}
            >
              Show
            </Button>
            {row.original.failedRows > 0 ? (
              <ErrorReportButton
                url={row.original.errorReportUrl}
                fileName={row.original.fileName}
                size="compact-sm"
              />
            ) : null}
          </Group>
        ),
      },
    ],
    [onOpen],
  );

  if (error && !shown) {
    return (
      <ErrorState
        title="Could not load the earlier imports"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  return (
    <DataTable<ImportHistory_JobFragment>
      label="Earlier imports"
      columns={columns}
      getRowId={(job) => job.id}
      mode="server"
      paging="cursor"
      withFilter={false}
      data={shown?.edges.map((edge) => edge.node) ?? []}
      rowCount={shown?.totalCount ?? 0}
      hasNextPage={data?.importJobs.pageInfo.hasNextPage ?? false}
      loading={loading}
      pagination={pages.pagination}
      onPaginationChange={(next) => pages.change(next, data?.importJobs.pageInfo.endCursor)}
      pageSizeOptions={[10, 25, 50]}
      emptyMessage="No imports yet."
      minWidth={640}
    />
  );
}
