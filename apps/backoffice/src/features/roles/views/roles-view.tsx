import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

import {
  RoleDeleteDocument,
  RolesPageDocument,
  RoleUpdateDocument,
  type Permission,
  type RoleMatrix_RoleFragment,
  type RolesTable_RoleFragment,
} from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { RoleFormModal } from '../components/role-form-modal';
import { RoleMatrix } from '../components/role-matrix';
import { RolesTable } from '../components/roles-table';

/** Edited permissions per role id, kept until saved or discarded. */
type Draft = Readonly<Record<string, readonly Permission[]>>;

function sameSet(a: readonly Permission[], b: readonly Permission[]): boolean {
  return a.length === b.length && a.every((p) => b.includes(p));
}

/** Roles: who holds them, the permission matrix, and create / edit / delete. */
export function RolesView() {
  const { data, error, refetch } = useQuery(RolesPageDocument);
  const [draft, setDraft] = useState<Draft>({});
  const [saveErrors, setSaveErrors] = useState<PayloadError[]>([]);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<RoleMatrix_RoleFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RolesTable_RoleFragment | null>(null);
  const [deleteErrors, setDeleteErrors] = useState<PayloadError[]>([]);
  const [roleUpdate] = useMutation(RoleUpdateDocument);
  const [roleDelete, deleteState] = useMutation(RoleDeleteDocument, {
    update(cache, { data: result }) {
      const id = result?.roleDelete.deletedId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Role', id }) });
      cache.gc();
    },
  });

  if (error) {
    return (
      <>
        <PageHeader title="Roles" />
        <ErrorState
          title="Could not load the roles"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      </>
    );
  }
  if (!data) {
    return (
      <>
        <PageHeader title="Roles" />
        <CardGridSkeleton cards={2} label="Loading the roles" />
      </>
    );
  }

  const roles = data.roles;
  const permissionsOf = (role: RoleMatrix_RoleFragment) =>
    new Set(draft[role.id] ?? role.permissions);
  const changedRoles = roles.filter(
    (role) => draft[role.id] !== undefined && !sameSet(draft[role.id] ?? [], role.permissions),
  );

  const toggle = (role: RoleMatrix_RoleFragment, permission: Permission, granted: boolean) => {
    setDraft((old) => {
      const current = old[role.id] ?? role.permissions;
      const next = granted
        ? [...current.filter((p) => p !== permission), permission]
        : current.filter((p) => p !== permission);
      return { ...old, [role.id]: next };
    });
  };

  const save = async () => {
    setSaving(true);
    setSaveErrors([]);
    const failed: PayloadError[] = [];
    const remaining: Record<string, readonly Permission[]> = {};
    let saved = 0;
    for (const role of changedRoles) {
      const permissions = draft[role.id] ?? role.permissions;
      try {
        const { data: result } = await roleUpdate({
          variables: {
            id: role.id,
            input: {
              name: role.name,
              description: role.description ?? null,
              scope: role.scope,
              permissions: [...permissions],
            },
          },
        });
        const errors = result?.roleUpdate.errors ?? [];
        if (errors.length > 0) {
          remaining[role.id] = permissions;
          failed.push(
            ...errors.map((e) => ({ ...e, field: null, message: `${role.name}: ${e.message}` })),
          );
        } else {
          saved += 1;
        }
      } catch (thrown) {
        remaining[role.id] = permissions;
        failed.push({
          code: 'UNEXPECTED',
          field: null,
          message: `${role.name}: ${thrown instanceof Error ? thrown.message : 'not saved.'}`,
        });
      }
    }
    setDraft(remaining);
    setSaveErrors(failed);
    setSaving(false);
    if (saved > 0) toast.success(saved === 1 ? 'Role saved.' : `${saved} roles saved.`);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteErrors([]);
    try {
      const { data: result } = await roleDelete({ variables: { id: deleting.id } });
      const errors = result?.roleDelete.errors ?? [];
      if (errors.length > 0) {
        setDeleteErrors(errors);
        return;
      }
      toast.success(`${deleting.name} deleted.`);
      setDeleting(null);
    } catch (thrown) {
      toast.error({ title: 'The role was not deleted', error: thrown });
    }
  };

  const editingRole = editing === 'new' ? null : editing;

  return (
    <>
      <PageHeader
        title="Roles"
        description="Named sets of permissions. Assigning or withdrawing a role takes effect on the user's next request."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Create role
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="roles-list-title">
          <Title order={2} size="h4" id="roles-list-title" mb="md">
            All roles
          </Title>
          <RolesTable
            roles={roles}
            onEdit={(role) => setEditing(roles.find((r) => r.id === role.id) ?? null)}
            onDelete={(role) => {
              setDeleteErrors([]);
              setDeleting(role);
            }}
          />
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="matrix-title">
          <Group justify="space-between" mb="md" gap="sm">
            <div>
              <Title order={2} size="h4" id="matrix-title">
                Permissions by role
              </Title>
              <Text size="sm" c="dimmed">
                Tick a box to grant a permission; built-in roles are fixed.
              </Text>
            </div>
            <Group gap="xs">
              <Button
                variant="default"
                disabled={changedRoles.length === 0 || saving}
                onClick={() => {
                  setDraft({});
                  setSaveErrors([]);
                }}
              >
                Discard changes
              </Button>
              <Button
                disabled={changedRoles.length === 0}
                loading={saving}
                onClick={() => void save()}
              >
                {changedRoles.length > 1
                  ? `Save changes (${changedRoles.length} roles)`
                  : 'Save changes'}
              </Button>
            </Group>
          </Group>
          <FormErrors errors={saveErrors} title="Some roles were not saved" />
          <RoleMatrix
            roles={roles}
            permissions={data.permissions}
            permissionsOf={permissionsOf}
            changed={(role) => changedRoles.some((r) => r.id === role.id)}
            onToggle={toggle}
          />
        </Card>
      </Stack>

      <RoleFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        role={editingRole}
        permissions={data.permissions}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'role'}?`}
        confirmLabel="Delete role"
        loading={deleteState.loading}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        <FormErrors errors={deleteErrors} title="The role was not deleted" />
        <Text size="sm">
          {deleting && deleting.assignmentCount > 0
            ? `${deleting.assignmentCount} assignment(s) still use this role: withdraw them first.`
            : 'Nobody holds this role. Deleting it cannot be undone.'}
        </Text>
      </ConfirmDialog>
    </>
  );
}
