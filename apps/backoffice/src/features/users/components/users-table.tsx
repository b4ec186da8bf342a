import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

import type { UsersTable_UserFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDate } from '../../../shared/format/date';
import { UserStatusBadges } from './user-status-badges';

const columns: ColumnDef<UsersTable_UserFragment>[] = [
  {
    accessorKey: 'name',
    header: 'Name',
    enableSorting: false,
    cell: ({ row }) => (
      <Anchor component={Link} to={`/users/${encodeURIComponent(row.original.id)}`} fw={500}>
        {row.original.name}
      </Anchor>
    ),
  },
  { accessorKey: 'email', header: 'E-mail', enableSorting: false },
  {
    id: 'status',
    header: 'Status',
    enableSorting: false,
    cell: ({ row }) => (
      <UserStatusBadges status={row.original.status} locked={row.original.locked} />
    ),
  },
  {
    id: 'roles',
    header: 'Roles',
    enableSorting: false,
    cell: ({ row }) => {
      const roles = row.original.roleAssignments.map((a) =>
        a.seller ? `${a.role.name} (${a.seller.name})` : a.role.name,
      );
      return roles.length ? (
        <Text size="sm">{roles.join(', ')}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          Shopper
        </Text>
      );
    },
  },
  {
    accessorKey: 'createdAt',
    header: 'Member since',
    enableSorting: false,
    cell: ({ row }) => formatDate(row.original.createdAt),
  },
];

/** One page of accounts (fragment: users-table.graphql); paging and filters belong to the view. */
export function UsersTable(
  props: Omit<DataTableProps<UsersTable_UserFragment>, 'label' | 'columns' | 'getRowId'>,
) {
  return (
    <DataTable<UsersTable_UserFragment>
      label="Users"
      columns={columns}
      getRowId={(user) => user.id}
      {...props}
    />
  );
}
