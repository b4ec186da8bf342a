import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';

import {
  UserDetailDocument,
  UserDisableDocument,
  UserEnableDocument,
  UserResetDocument,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconArrowLeft, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { AssignRoleModal } from '../../../shared/role-assignments/assign-role-modal';
import { RoleAssignmentList } from '../../../shared/role-assignments/role-assignment-list';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { NotFoundPage } from '../../../shared/states/not-found-page';
import { UserAccountCard } from '../components/user-account-card';

type Action = 'disable' | 'enable' | 'reset';

/** One account: its security state and roles, with the admin's actions on it. */
export function UserDetailView({ userId }: { userId: string }) {
  const access = useAccess();
  const canManage = access.can('USERS_MANAGE');
  const { data, error, refetch } = useQuery(UserDetailDocument, { variables: { id: userId } });
  const [action, setAction] = useState<Action | null>(null);
  const [assigning, { open: openAssign, close: closeAssign }] = useDisclosure(false);
  const [userDisable, disableState] = useMutation(UserDisableDocument);
  const [userEnable, enableState] = useMutation(UserEnableDocument);
  const [userReset, resetState] = useMutation(UserResetDocument);
  const running = disableState.loading || enableState.loading || resetState.loading;

  if (error) {
    return (
      <ErrorState
        title="Could not load this account"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={2} label="Loading the account" />;
  const user = data.user;
  if (!user) return <NotFoundPage />;

  const run = async () => {
    if (!action) return;
    const titles = {
      disable: 'The account was not disabled',
      enable: 'The account was not enabled',
      reset: 'The account was not reset',
    };
    try {
      const variables = { id: user.id };
      const errors =
        action === 'disable'
          ? (await userDisable({ variables })).data?.userDisable.errors
          : action === 'enable'
            ? (await userEnable({ variables })).data?.userEnable.errors
            : (await userReset({ variables })).data?.userReset.errors;
      if (errors && errors.length > 0) {
        toast.error({ title: titles[action], message: errors.map((e) => e.message).join(' ') });
        return;
      }
      toast.success(
        {
          disable: `${user.name}'s account is disabled.`,
          enable: `${user.name}'s account is enabled.`,
          reset: `${user.name}'s account was reset.`,
        }[action],
      );
      setAction(null);
    } catch (thrown) {
      toast.error({ title: titles[action], error: thrown });
    }
  };

  return (
    <>
      <Anchor component={Link} to="/users" size="sm" mb="xs" display="inline-flex">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} /> All users
        </Group>
      </Anchor>
      <PageHeader
        title={user.name}
        description={user.email}
        actions={
          canManage ? (
            <>
              {user.status === 'ACTIVE' ? (
                <Button variant="default" color="red" onClick={() => setAction('disable')}>
                  Disable
                </Button>
              ) : (
                <Button variant="default" onClick={() => setAction('enable')}>
                  Enable
                </Button>
              )}
              <Button variant="default" onClick={() => setAction('reset')}>
                Reset account
              </Button>
            </>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <UserAccountCard user={user} />
        <Card withBorder padding="lg" component="section" aria-labelledby="user-roles-title">
          <Group justify="space-between" mb="md">
            <Title order={2} size="h4" id="user-roles-title">
              Roles
            </Title>
            {canManage ? (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={openAssign}>
                Assign role
              </Button>
            ) : null}
          </Group>
          <RoleAssignmentList
            assignments={user.roleAssignments}
            userName={user.name}
            canWithdraw={canManage}
            label={`Roles of ${user.name}`}
          />
        </Card>
      </SimpleGrid>

      {canManage ? (
        <>
          <AssignRoleModal opened={assigning} onClose={closeAssign} user={user} />
          <ConfirmDialog
            opened={action === 'disable'}
            title={`Disable ${user.name}?`}
            confirmLabel="Disable account"
            loading={running}
            onConfirm={() => void run()}
            onClose={() => setAction(null)}
          >
            <Text size="sm">
              {user.name} will no longer be able to log in, and their sessions stop working. Their
              roles and data stay; you can enable the account again at any time.
            </Text>
          </ConfirmDialog>
          <ConfirmDialog
            opened={action === 'enable'}
            title={`Enable ${user.name}?`}
            confirmLabel="Enable account"
            color="indigo"
            loading={running}
            onConfirm={() => void run()}
            onClose={() => setAction(null)}
          >
            <Text size="sm">{user.name} will be able to log in again with their password.</Text>
          </ConfirmDialog>
          <ConfirmDialog
            opened={action === 'reset'}
            title={`Reset ${user.name}'s account?`}
            confirmLabel="Reset account"
            loading={running}
            onConfirm={() => void run()}
            onClose={() => setAction(null)}
          >
            <Stack gap="xs">
              <Text size="sm">Use this when an account may be compromised or is locked out:</Text>
              <List size="sm" spacing={4}>
                <List.Item>
                  Their password stops working: they must choose a new one through the password
                  reset e-mail.
                </List.Item>
                <List.Item>All their sessions are revoked, signing them out everywhere.</List.Item>
                <List.Item>The account is unlocked if failed logins had locked it.</List.Item>
              </List>
            </Stack>
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
