import { useMutation } from '@apollo/client/react';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';

import {
  RoleCreateDocument,
  RoleMatrix_RoleFragmentDoc,
  RoleUpdateDocument,
  type Permission,
  type RoleMatrix_PermissionFragment,
  type RoleMatrix_RoleFragment,
  type RoleScope,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

interface RoleFormValues {
  name: string;
  description: string;
  scope: RoleScope;
  permissions: Permission[];
}

/**
 * Creates a role, or edits one's name, description, scope and permissions.
 * A SELLER role is assigned within one seller, so it may hold only the
 * seller-scoped permissions.
 */
export function RoleFormModal({
  opened,
  onClose,
  role,
  permissions,
}: {
  opened: boolean;
  onClose: () => void;
  /** The role to edit; none to create one. */
  role?: RoleMatrix_RoleFragment | null;
  permissions: readonly RoleMatrix_PermissionFragment[];
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={role ? `Edit ${role.name}` : 'Create a role'}
      centered
      size="lg"
    >
      {opened ? <RoleForm role={role ?? null} permissions={permissions} onDone={onClose} /> : null}
    </Modal>
  );
}

function RoleForm({
  role,
  permissions,
  onDone,
}: {
  role: RoleMatrix_RoleFragment | null;
  permissions: readonly RoleMatrix_PermissionFragment[];
  onDone: () => void;
}) {
  const form = useForm<RoleFormValues>({
    initialValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      scope: role?.scope ?? 'PLATFORM',
      permissions: [...(role?.permissions ?? [])],
    },
    validate: { name: (value) => (value.trim() ? null : 'Give the role a name.') },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const sellerScoped = new Set(permissions.filter((p) => p.sellerScoped).map((p) => p.permission));
  const scope = form.values.scope;

  const [roleCreate, createState] = useMutation(RoleCreateDocument, {
    update(cache, { data }) {
      const created = data?.roleCreate.role;
      if (!created) return;
      const ref = cache.writeFragment({ fragment: RoleMatrix_RoleFragmentDoc, data: created });
      cache.modify({
        id: 'ROOT_QUERY',
        fields: { roles: (existing) => (Array.isArray(existing) ? [...existing, ref] : existing) },
      });
    },
  });
  const [roleUpdate, updateState] = useMutation(RoleUpdateDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    const input = {
      name: values.name.trim(),
      description: values.description.trim() || null,
      scope: values.scope,
      permissions: values.permissions,
    };
    try {
      const errors = role
        ? (await roleUpdate({ variables: { id: role.id, input } })).data?.roleUpdate.errors
        : (await roleCreate({ variables: { input } })).data?.roleCreate.errors;
      if (!errors || apply(errors)) return;
      toast.success(role ? `${input.name} saved.` : `${input.name} created.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  const changeScope = (next: RoleScope) => {
    form.setFieldValue('scope', next);
    if (next === 'SELLER') {
      // Drop what a seller role cannot hold.
      form.setFieldValue(
        'permissions',
        form.values.permissions.filter((p) => sellerScoped.has(p)),
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors
        errors={formErrors}
        title={role ? 'The role was not saved' : 'The role was not created'}
      />
      <Stack gap="md">
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Radio.Group
          label="Scope"
          value={scope}
          onChange={(value) => changeScope(value as RoleScope)}
          error={form.errors['scope']}
        >
          <Stack gap={6} mt={6}>
            <Radio value="PLATFORM" label="Platform — held across the whole marketplace" />
            <Radio
              value="SELLER"
              label="Seller — assigned within one seller (salespeople, store counters)"
            />
          </Stack>
        </Radio.Group>
        <Checkbox.Group
          label="Permissions"
          description={
            scope === 'SELLER' ? 'A seller role can only hold seller permissions.' : undefined
          }
          value={form.values.permissions}
          onChange={(value) => form.setFieldValue('permissions', value as Permission[])}
          error={form.errors['permissions']}
        >
          <Stack gap={6} mt={6}>
            {permissions.map((p) => (
              <Checkbox
                key={p.permission}
                value={p.permission}
                disabled={scope === 'SELLER' && !p.sellerScoped}
                label={
                  <Text size="sm" span>
                    <Text span ff="monospace" size="sm">
                      {p.permission}
                    </Text>{' '}
                    — {p.description}
                  </Text>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createState.loading || updateState.loading}>
            {role ? 'Save role' : 'Create role'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
