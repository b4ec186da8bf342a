import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';

import {
  RoleAssignDocument,
  RoleAssignmentList_AssignmentFragmentDoc,
  RoleOptionsDocument,
} from '../../generated/graphql';
import { roleNeedsStore } from '../access/roles';
import { toast } from '../feedback/toast';
import { FormErrors } from '../forms/form-errors';
import { useFieldErrors } from '../forms/use-field-errors';
import { SellerSlugInput } from './seller-picker';
import { useSellerBySlug } from './use-seller-by-slug';

export interface FixedSeller {
  id: string;
  name: string;
  stores: readonly { id: string; name: string }[];
}

const FIELD_MAP = { sellerId: 'sellerSlug', 'input.sellerId': 'sellerSlug' } as const;

/**
 * Gives a user a role. Seller-scoped roles need a seller (found by slug, or
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
    initialValues: { roleId: '', sellerSlug: '', storeId: '' },
    validate: {
      roleId: (value) => (value ? null : 'Choose a role.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form, { fieldMap: FIELD_MAP });
  const role = roles.find((r) => r.id === form.values.roleId);
  const sellerScoped = role?.scope === 'SELLER';
  const needsStore = roleNeedsStore(role);
  const lookup = useSellerBySlug(fixedSeller ? '' : form.values.sellerSlug);
  const seller = fixedSeller ?? lookup.seller;

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
    if (needsStore && !values.storeId) {
      form.setFieldError('storeId', 'Choose the store this counter belongs to.');
      return;
    }
    if (sellerScoped && !seller) {
      form.setFieldError('sellerSlug', 'Name the seller this role applies to.');
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
          <SellerSlugInput
            label="Seller"
            required
            lookup={lookup}
            {...form.getInputProps('sellerSlug')}
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
