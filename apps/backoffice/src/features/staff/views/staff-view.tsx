import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';

import {
  SellerStaffDocument,
  StaffMemberRemoveDocument,
  StaffStoreOptionsDocument,
  type RoleAssignmentList_AssignmentFragment,
  type StaffTable_MemberFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { AssignRoleModal } from '../../../shared/role-assignments/assign-role-modal';
import { WithdrawRoleDialog } from '../../../shared/role-assignments/role-assignment-list';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { AddStaffModal } from '../components/add-staff-modal';
import { StaffTable } from '../components/staff-table';

/** The people working for the current seller, and their seller roles. */
export function StaffView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const sellerName = access.seller(sellerId)?.seller.name ?? 'this seller';
  const canManage = access.can('STAFF_MANAGE', sellerId);
  const { data, error, refetch } = useQuery(SellerStaffDocument, { variables: { sellerId } });
  const { data: storesData } = useQuery(StaffStoreOptionsDocument, { skip: !canManage });
  const stores =
    storesData?.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller.stores ?? [];
  const seller = { id: sellerId, name: sellerName, stores };

  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [assigningTo, setAssigningTo] = useState<StaffTable_MemberFragment | null>(null);
  const [withdrawing, setWithdrawing] = useState<{
    member: StaffTable_MemberFragment;
    assignment: RoleAssignmentList_AssignmentFragment;
  } | null>(null);
  const [removing, setRemoving] = useState<StaffTable_MemberFragment | null>(null);
  const [staffMemberRemove, { loading: removingNow }] = useMutation(StaffMemberRemoveDocument, {
    refetchQueries: ['SellerStaff'],
    awaitRefetchQueries: true,
  });

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      const { data: result } = await staffMemberRemove({
        variables: { sellerId, userId: removing.user.id },
      });
      const errors = result?.staffMemberRemove.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: `${removing.user.name} was not removed`,
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`${removing.user.name} no longer works for ${sellerName}.`);
      setRemoving(null);
    } catch (thrown) {
      toast.error({ title: `${removing.user.name} was not removed`, error: thrown });
    }
  };

  return (
    <>
      <PageHeader
        title="Staff"
        description={`The people who work for ${sellerName}, and what each may do here.`}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>
              Add staff
            </Button>
          ) : null
        }
      />
      {error ? (
        <ErrorState
          title="Could not load the staff"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !data ? (
        <CardGridSkeleton cards={1} label="Loading the staff" />
      ) : data.sellerStaff.length === 0 ? (
        <Text c="dimmed">Nobody works for {sellerName} yet.</Text>
      ) : (
        <Card withBorder padding="lg">
          <StaffTable
            members={data.sellerStaff}
            onAssign={canManage ? setAssigningTo : undefined}
            onWithdraw={
              canManage ? (member, assignment) => setWithdrawing({ member, assignment }) : undefined
            }
            onRemove={canManage ? setRemoving : undefined}
          />
        </Card>
      )}
      {canManage ? (
        <>
          <AddStaffModal opened={adding} onClose={closeAdd} seller={seller} />
          {assigningTo ? (
            <AssignRoleModal
              opened
              onClose={() => setAssigningTo(null)}
              user={assigningTo.user}
              seller={seller}
              onAssigned={() => void refetch().catch(() => undefined)}
            />
          ) : null}
          <WithdrawRoleDialog
            assignment={withdrawing?.assignment ?? null}
            userName={withdrawing?.member.user.name ?? ''}
            onClose={() => setWithdrawing(null)}
          />
          <ConfirmDialog
            opened={removing !== null}
            title={`Remove ${removing?.user.name ?? 'this person'} from staff?`}
            confirmLabel="Remove from staff"
            loading={removingNow}
            onConfirm={() => void confirmRemove()}
            onClose={() => setRemoving(null)}
          >
            <Text size="sm">
              They lose every role they hold for {sellerName}, from their next request on. Their
              account stays: they can still shop, and you can add them again later.
            </Text>
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
