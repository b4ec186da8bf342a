import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { RoleOptionsDocument, UserCreateDocument } from '../../../generated/graphql';
import { roleNeedsStore } from '../../../shared/access/roles';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { SellerPicker, type PickedSeller } from '../../../shared/role-assignments/seller-picker';

/**
 * Creates an admin, salesperson or store-counter account (userCreate). A
 * seller-scoped role needs its seller, and a store counter one of the
 * seller's stores. No password is set here: the API e-mails the new user a
 * link to set one.
 */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create an account" centered size="lg">
      {opened ? <CreateUserForm onCancel={onClose} onCreated={onClose} /> : null}
    </Modal>
  );
}

export function CreateUserForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: () => void;
}) {
  const navigate = useNavigate();
  const { data: rolesData, loading: rolesLoading } = useQuery(RoleOptionsDocument);
  const roles = rolesData?.roles ?? [];
  const form = useForm({
    initialValues: { email: '', name: '', roleId: '', sellerId: '', storeId: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.'),
      name: (value) => (value.trim() ? null : 'Enter the person’s name.'),
      roleId: (value) => (value ? null : 'Choose a role.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const role = roles.find((r) => r.id === form.values.roleId);
  const sellerScoped = role?.scope === 'SELLER';
  const needsStore = roleNeedsStore(role);
  // The chosen seller with its stores; the form holds its id (where the API's errors land).
  const [seller, setSeller] = useState<PickedSeller | null>(null);
  const pickSeller = (next: PickedSeller | null) => {
    setSeller(next);
    form.setFieldValue('sellerId', next?.id ?? '');
    form.setFieldValue('storeId', '');
  };

  const [userCreate, { loading }] = useMutation(UserCreateDocument, {
    update(cache, { data }) {
      // Every cached page of the users list is stale now; refetch on next view.
      if (data?.userCreate.user) cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
    },
  });

  const submit = form.onSubmit(async (values) => {
    clear();
    if (sellerScoped && !seller) {
      form.setFieldError('sellerId', 'Choose the seller this account works for.');
      return;
    }
    if (needsStore && !values.storeId) {
      form.setFieldError('storeId', 'Choose the store this counter belongs to.');
      return;
    }
    try {
      const { data } = await userCreate({
        variables: {
          input: {
            email: values.email.trim(),
            name: values.name.trim(),
            roleId: values.roleId,
            sellerId: sellerScoped ? (seller?.id ?? null) : null,
            storeId: sellerScoped && values.storeId ? values.storeId : null,
          },
        },
      });
      const payload = data?.userCreate;
      if (!payload || apply(payload.errors) || !payload.user) return;
      toast.success({
        title: 'Account created',
        message: `A link to set a password was e-mailed to ${payload.user.email}.`,
      });
      onCreated();
      void navigate(`/users/${encodeURIComponent(payload.user.id)}`);
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The account was not created" />
      <Stack gap="md">
        <TextInput label="E-mail" type="email" required {...form.getInputProps('email')} />
        <TextInput label="Name" required {...form.getInputProps('name')} />
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
        {sellerScoped ? (
          <>
            <Text size="sm" c="dimmed" mt={-8}>
              {role?.name} is a seller role: the account acts only for the seller named here.
            </Text>
            <SellerPicker
              label="Seller"
              required
              value={seller}
              onChange={pickSeller}
              error={form.errors['sellerId']}
            />
            <NativeSelect
              label="Store"
              required={needsStore}
              description={
                needsStore
                  ? 'A store counter belongs to one store of the seller.'
                  : 'Optional for this role.'
              }
              disabled={!seller}
              data={[
                { value: '', label: needsStore ? 'Choose a store' : 'No particular store' },
                ...(seller?.stores ?? []).map((store) => ({
                  value: store.id,
                  label: `${store.name} — ${store.city}`,
                })),
              ]}
              {...form.getInputProps('storeId')}
            />
          </>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Create account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
