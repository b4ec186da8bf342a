import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { RoleOptionsDocument, StaffMemberAddDocument } from '../../../generated/graphql';
import { roleNeedsStore } from '../../../shared/access/roles';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

/**
 * Adds a person to the seller's staff with a seller role (staffMemberAdd).
 * A store-counter role needs the store they work at.
 */
export function AddStaffModal({
  opened,
  onClose,
  seller,
}: {
  opened: boolean;
  onClose: () => void;
  seller: { id: string; name: string; stores: readonly { id: string; name: string }[] };
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add staff to ${seller.name}`} centered>
      {opened ? <AddStaffForm seller={seller} onDone={onClose} /> : null}
    </Modal>
  );
}

function AddStaffForm({
  seller,
  onDone,
}: {
  seller: { id: string; name: string; stores: readonly { id: string; name: string }[] };
  onDone: () => void;
}) {
  const { data: rolesData, loading: rolesLoading } = useQuery(RoleOptionsDocument);
  const roles = (rolesData?.roles ?? []).filter((role) => role.scope === 'SELLER');
  const form = useForm({
    initialValues: { email: '', name: '', roleId: '', storeId: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.'),
      name: (value) => (value.trim() ? null : 'Enter the person’s name.'),
      roleId: (value) => (value ? null : 'Choose a role.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const role = roles.find((r) => r.id === form.values.roleId);
  const needsStore = roleNeedsStore(role);
  const [staffMemberAdd, { loading }] = useMutation(StaffMemberAddDocument, {
    refetchQueries: ['SellerStaff'],
  });

  const submit = form.onSubmit(async (values) => {
    clear();
    if (needsStore && !values.storeId) {
      form.setFieldError('storeId', 'Choose the store this counter works at.');
      return;
    }
    try {
      const { data } = await staffMemberAdd({
        variables: {
          input: {
            sellerId: seller.id,
            email: values.email.trim(),
            name: values.name.trim(),
            roleId: values.roleId,
            storeId: values.storeId || null,
          },
        },
      });
      if (!data || apply(data.staffMemberAdd.errors)) return;
      toast.success(`${values.name.trim()} joined ${seller.name}'s staff.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The person was not added" />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          When no account uses this e-mail yet, one is created and the person is e-mailed a link to
          set a password.
        </Text>
        <TextInput label="E-mail" type="email" required {...form.getInputProps('email')} />
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <NativeSelect
          label="Role"
          required
          disabled={rolesLoading}
          data={[
            { value: '', label: rolesLoading ? 'Loading roles…' : 'Choose a role' },
            ...roles.map((r) => ({ value: r.id, label: r.name })),
          ]}
          {...form.getInputProps('roleId')}
        />
        {role?.description ? (
          <Text size="sm" c="dimmed" mt={-8}>
            {role.description}
          </Text>
        ) : null}
        <NativeSelect
          label="Store"
          required={needsStore}
          description={needsStore ? 'The store this counter works at.' : 'Optional for this role.'}
          data={[
            { value: '', label: needsStore ? 'Choose a store' : 'No particular store' },
            ...seller.stores.map((store) => ({ value: store.id, label: store.name })),
          ]}
          {...form.getInputProps('storeId')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Add to staff
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
