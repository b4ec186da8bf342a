import { useQuery } from '@apollo/client/react';
import { Button, NativeSelect } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';

import { RoleOptionsDocument, UsersDocument, type UserStatus } from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CreateUserModal } from '../components/create-user-modal';
import { UsersTable } from '../components/users-table';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'DISABLED', label: 'Disabled' },
];

/** Every account, searched, filtered and paged by the API (Query.users). */
export function UsersView() {
  const access = useAccess();
  const canManage = access.can('USERS_MANAGE');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<UserStatus | ''>('');
  const [roleId, setRoleId] = useState('');
  const filters = {
    search: search.trim() || null,
    status: status || null,
    roleId: roleId || null,
  };
  // New filters start again from the first page.
  const pages = useCursorPages(25, JSON.stringify(filters));
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const { data, previousData, loading, error, refetch } = useQuery(UsersDocument, {
    variables: { ...filters, ...pages.variables },
  });
  // The role filter is a convenience: Query.roles needs USERS_MANAGE or ROLES_MANAGE,
  // so with USERS_READ alone the filter is simply not offered.
  const { data: rolesData } = useQuery(RoleOptionsDocument, {
    skip: !(canManage || access.can('ROLES_MANAGE')),
  });
  const shown = (data ?? previousData)?.users;

  return (
    <>
      <PageHeader
        title="Users"
        description="Every account on the marketplace: shoppers, sellers, their staff and admins."
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              Create account
            </Button>
          ) : null
        }
      />
      {error && !shown ? (
        <ErrorState
          title="Could not load the users"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : (
        <UsersTable
          mode="server"
          paging="cursor"
          data={shown?.edges.map((edge) => edge.node) ?? []}
          rowCount={shown?.totalCount ?? 0}
          hasNextPage={data?.users.pageInfo.hasNextPage ?? false}
          loading={loading}
          filter={search}
          onFilterChange={setSearch}
          filterPlaceholder="Search by name or e-mail"
          pagination={pages.pagination}
          onPaginationChange={(next) => pages.change(next, data?.users.pageInfo.endCursor)}
          emptyMessage="No accounts match these filters."
          toolbar={
            <>
              <NativeSelect
                aria-label="Status"
                data={STATUS_OPTIONS}
                value={status}
                onChange={(event) => setStatus(event.currentTarget.value as UserStatus | '')}
              />
              {rolesData ? (
                <NativeSelect
                  aria-label="Role"
                  data={[
                    { value: '', label: 'Any role' },
                    ...rolesData.roles.map((role) => ({ value: role.id, label: role.name })),
                  ]}
                  value={roleId}
                  onChange={(event) => setRoleId(event.currentTarget.value)}
                />
              ) : null}
            </>
          }
        />
      )}
      {canManage ? <CreateUserModal opened={creating} onClose={closeCreate} /> : null}
    </>
  );
}
