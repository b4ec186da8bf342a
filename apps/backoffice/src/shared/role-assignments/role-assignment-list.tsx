import { useMutation } from '@apollo/client/react';
import { ActionIcon, Badge, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';

import {
  RoleWithdrawDocument,
  type RoleAssignmentList_AssignmentFragment,
} from '../../generated/graphql';
import { ConfirmDialog } from '../feedback/confirm-dialog';
import { toast } from '../feedback/toast';
import { formatDate } from '../format/date';
import { IconTrash } from '../icons';

/**
 * Asks before withdrawing a role assignment, then withdraws it. The
 * assignment leaves the cache, so every list holding it (a user's roles, a
 * seller's staff) drops it.
 */
export function WithdrawRoleDialog({
  assignment,
  userName,
  onClose,
}: {
  assignment: RoleAssignmentList_AssignmentFragment | null;
  userName: string;
  onClose: () => void;
}) {
  const [roleWithdraw, { loading }] = useMutation(RoleWithdrawDocument, {
    update(cache, { data }) {
      const id = data?.roleWithdraw.withdrawnId;
      if (!id) return;
      // Lists drop the dangling reference when they are read again.
      cache.evict({ id: cache.identify({ __typename: 'RoleAssignment', id }) });
      cache.gc();
    },
  });

  const withdraw = async () => {
    if (!assignment) return;
    try {
      const { data } = await roleWithdraw({ variables: { assignmentId: assignment.id } });
      const errors = data?.roleWithdraw.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The role was not withdrawn',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`${assignment.role.name} withdrawn from ${userName}.`);
      onClose();
    } catch (error) {
      toast.error({ title: 'The role was not withdrawn', error });
    }
  };

  return (
    <ConfirmDialog
      opened={assignment !== null}
      title="Withdraw this role?"
      confirmLabel="Withdraw role"
      loading={loading}
      onConfirm={() => void withdraw()}
      onClose={onClose}
    >
      <Text size="sm">
        {userName} loses <b>{assignment?.role.name}</b>
        {assignment?.seller ? ` for ${assignment.seller.name}` : ''}
        {assignment?.store ? ` at ${assignment.store.name}` : ''} and every permission it grants,
        from their next request on.
      </Text>
    </ConfirmDialog>
  );
}

/** A user's roles (fragment: role-assignments.graphql), each withdrawable when allowed. */
export function RoleAssignmentList({
  assignments,
  userName,
  canWithdraw,
  label = 'Roles',
}: {
  assignments: readonly RoleAssignmentList_AssignmentFragment[];
  userName: string;
  canWithdraw: boolean;
  label?: string;
}) {
  const [pending, setPending] = useState<RoleAssignmentList_AssignmentFragment | null>(null);

  if (assignments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No roles: this account can shop, but not use the back-office.
      </Text>
    );
  }

  return (
    <>
      <Table.ScrollContainer minWidth={480} type="native">
        <Table aria-label={label} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th>Seller</Table.Th>
              <Table.Th>Store</Table.Th>
              <Table.Th>Since</Table.Th>
              {canWithdraw ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((assignment) => (
              <Table.Tr key={assignment.id}>
                <Table.Td>
                  {assignment.role.name}{' '}
                  {assignment.role.scope === 'SELLER' ? (
                    <Badge size="xs" variant="light" color="grape">
                      seller
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{assignment.seller?.name ?? '—'}</Table.Td>
                <Table.Td>{assignment.store?.name ?? '—'}</Table.Td>
                <Table.Td>{formatDate(assignment.createdAt)}</Table.Td>
                {canWithdraw ? (
                  <Table.Td ta="right">
                    <Tooltip label="Withdraw">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Withdraw ${assignment.role.name}${assignment.seller ? ` (${assignment.seller.name})` : ''}`}
                        onClick={() => setPending(assignment)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <WithdrawRoleDialog
        assignment={pending}
        userName={userName}
        onClose={() => setPending(null)}
      />
    </>
  );
}
