import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import {
  RoleAssignDocument,
  RoleAssignmentList_AssignmentFragmentDoc,
  RoleOptionsDocument,
} from '../../generated/graphql';
import { roleNeedsStore } from '../access/roles';
import { toast } from '../feedback/toast';
import { FormErrors } from '../forms/form-errors';
import { useFieldErrors } from '../forms/use-field-errors';
import { SellerPicker, type PickedSeller } from './seller-picker';

export interface FixedSeller {
  id: string;
  name: string;
  stores: readonly { id: string; name: string }[];
}

/**
 * Gives a user a role. Seller-scoped roles need a seller (searched by name or slug, or
 * fixed when opened from a seller's staff page) and, for store counters, a
 * store of that seller.
 */
export function AssignRoleModal({
  opened,
  onClose,
  user,
  seller: fixedSeller,
  onAssigned,
}: {
  opened: boolean;
  onClose: () => void;
  user: { id: string; name: string };
  /** Assign within this seller only (the staff page): seller-scoped roles, no seller picker. */
  seller?: FixedSeller;
  onAssigned?: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Assign a role to ${user.name}`} centered>
      {opened ? (
        <AssignRoleForm
          user={user}
          fixedSeller={fixedSeller}
          onDone={() => {
            onAssigned?.();
            onClose();
          }}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}

function AssignRoleForm({
  user,
  fixedSeller,
  onDone,
  onCancel,
}: {
  user: { id: string; name: string };
  fixedSeller: FixedSeller | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { data: rolesData, loading: rolesLoading } = useQuery(RoleOptionsDocument);
  const roles = (rolesData?.roles ?? []).filter((role) => !fixedSeller || role.scope === 'SELLER');
  const form = useForm({
    initialValues: { roleId: '', sellerId: '', storeId: '' },
    validate: {
      roleId: (value) => (value ? null : 'Choose a role.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const role = roles.find((r) => r.id === form.values.roleId);
  const sellerScoped = role?.scope === 'SELLER';
  const needsStore = roleNeedsStore(role);
  // The chosen seller with its stores; the form holds its id (where the API's errors land).
  const [picked, setPicked] = useState<PickedSeller | null>(null);
  const seller = fixedSeller ?? picked;
  const pickSeller = (next: PickedSeller | null) => {
    setPicked(next);
    form.setFieldValue('sellerId', next?.id ?? '');
    form.setFieldValue('storeId', '');
  };

  const [roleAssign, { loading }] = useMutation(RoleAssignDocument, {
    update(cache, { data }) {
      const assignment = data?.roleAssign.assignment;
      if (!assignment) return;
      const ref = cache.writeFragment({
        fragment: RoleAssignmentList_AssignmentFragmentDoc,
        data: assignment,
      });
      cache.modify({
        id: cache.identify({ __typename: 'User', id: user.id }),
        fields: {
          roleAssignments: (existing) => (Array.isArray(existing) ? [...existing, ref] : existing),
        },
      });
    },
  });

  const submit = form.onSubmit(async (values) => {
    clear();
    if (sellerScoped && !seller) {
      form.setFieldError('sellerId', 'Choose the seller this role applies to.');
      return;
    }
    if (needsStore && !values.storeId) {
      form.setFieldError('storeId', 'Choose the store this counter belongs to.');
      return;
    }
    try {
      const { data } = await roleAssign({
        variables: {
          input: {
            userId: user.id,
            roleId: values.roleId,
            sellerId: sellerScoped ? seller?.id : null,
            storeId: sellerScoped && values.storeId ? values.storeId : null,
          },
        },
      });
      if (!data || apply(data.roleAssign.errors)) return;
      toast.success(`${role?.name ?? 'Role'} assigned to ${user.name}.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The role was not assigned" />
      <Stack gap="md">
        <NativeSelect
          label="Role"
          required
          disabled={rolesLoading}
          data={[
            { value: '', label: rolesLoading ? 'Loading roles…' : 'Choose a role' },
            ...roles.map((r) => ({
              value: r.id,
              label: `${r.name}${r.scope === 'SELLER' ? ' (seller)' : ''}`,
            })),
          ]}
          {...form.getInputProps('roleId')}
        />
        {role?.description ? (
          <Text size="sm" c="dimmed" mt={-8}>
            {role.description}
          </Text>
        ) : null}
        {sellerScoped && !fixedSeller ? (
          <SellerPicker
            label="Seller"
            required
            value={picked}
            onChange={pickSeller}
            error={form.errors['sellerId']}
          />
        ) : null}
        {sellerScoped && seller ? (
          <NativeSelect
            label="Store"
            required={needsStore}
            description={
              needsStore
                ? 'A store counter belongs to one store of the seller.'
                : 'Optional for this role.'
            }
            data={[
              { value: '', label: needsStore ? 'Choose a store' : 'No particular store' },
              ...seller.stores.map((store) => ({ value: store.id, label: store.name })),
            ]}
            {...form.getInputProps('storeId')}
          />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Assign role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
