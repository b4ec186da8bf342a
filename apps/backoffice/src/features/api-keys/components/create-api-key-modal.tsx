import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import {
  ApiKeyCreateDocument,
  ApiKeysTable_ApiKeyFragmentDoc,
  type Permission,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { ALL_PERMISSION_NAMES, describePermission } from '../../../shared/access/permissions';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { dateInputToIso, dateInputValue } from '../../../shared/format/date';
import { IconAlert, IconCheck, IconCopy } from '../../../shared/icons';

/**
 * Creates an API key carrying some of the viewer's own permissions, then shows
 * its secret once. The secret lives only in this modal's state: the mutation
 * skips the cache, and closing the modal forgets it.
 */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? 'Copy your API key now' : 'Create an API key'}
      size="lg"
      centered
      // The secret is shown once: do not let a stray click or Escape lose it.
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
    >
      {!opened ? null : secret ? (
        <SecretOnce name={secret.name} secret={secret.value} onDone={close} />
      ) : (
        <CreateApiKeyForm onCancel={close} onCreated={setSecret} />
      )}
    </Modal>
  );
}

function SecretOnce({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconAlert />} title="Shown only once">
        This is the only time the secret of “{name}” is shown: the API stores only a hash of it. Put
        it in your secret manager now. If it is lost, revoke the key and create another.
      </Alert>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <Code
          block
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          aria-label="API key secret"
          data-testid="api-key-secret"
        >
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        Send it as <Code>Authorization: Bearer &lt;secret&gt;</Code> to the GraphQL endpoint.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have stored the secret</Button>
      </Group>
    </Stack>
  );
}

function CreateApiKeyForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (secret: { name: string; value: string }) => void;
}) {
  const access = useAccess();
  const client = useApolloClient();
  const form = useForm({
    initialValues: {
      name: '',
      sellerId: '',
      permissions: [] as Permission[],
      expiresAt: '',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Name the key after what will use it.'),
      permissions: (value) => (value.length > 0 ? null : 'Choose at least one permission.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const held = access.held(form.values.sellerId || null);
  const choices = ALL_PERMISSION_NAMES.filter((p) => held.has(p));
  const [apiKeyCreate, { loading }] = useMutation(ApiKeyCreateDocument, {
    fetchPolicy: 'no-cache',
  });

  const changeSeller = (sellerId: string) => {
    form.setFieldValue('sellerId', sellerId);
    const stillHeld = access.held(sellerId || null);
    form.setFieldValue(
      'permissions',
      form.values.permissions.filter((p) => stillHeld.has(p)),
    );
  };

  const submit = form.onSubmit(async (values) => {
    clear();
    try {
      const { data } = await apiKeyCreate({
        variables: {
          input: {
            name: values.name.trim(),
            permissions: values.permissions,
            sellerId: values.sellerId || null,
            expiresAt: values.expiresAt
              ? dateInputToIso(values.expiresAt, { endOfDay: true })
              : null,
          },
        },
      });
      const payload = data?.apiKeyCreate;
      if (!payload || apply(payload.errors) || !payload.apiKey || !payload.secret) return;
      // Add the key (never its secret) to the cached list.
      const ref = client.cache.writeFragment({
        fragment: ApiKeysTable_ApiKeyFragmentDoc,
        data: payload.apiKey,
      });
      client.cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          apiKeys: (existing) => (Array.isArray(existing) ? [...existing, ref] : existing),
        },
      });
      toast.success(`API key “${payload.apiKey.name}” created.`);
      onCreated({ name: payload.apiKey.name, value: payload.secret });
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The key was not created" />
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          placeholder="e.g. Warehouse ERP"
          {...form.getInputProps('name')}
        />
        {access.sellers.length > 0 ? (
          <NativeSelect
            label="Seller"
            description="A key for one seller acts only on that seller's data."
            data={[
              { value: '', label: 'No seller (platform permissions only)' },
              ...access.sellers.map((s) => ({ value: s.seller.id, label: s.seller.name })),
            ]}
            value={form.values.sellerId}
            onChange={(event) => changeSeller(event.currentTarget.value)}
            error={form.errors['sellerId']}
          />
        ) : null}
        <Checkbox.Group
          label="Permissions"
          description="A key can carry only permissions you hold yourself."
          required
          {...form.getInputProps('permissions')}
        >
          <Stack gap={6} mt={6}>
            {choices.length === 0 ? (
              <Text size="sm" c="dimmed">
                You hold no permissions {form.values.sellerId ? 'for this seller' : 'platform-wide'}
                {access.sellers.length > 0 && !form.values.sellerId ? ': choose a seller.' : '.'}
              </Text>
            ) : (
              choices.map((permission) => (
                <Checkbox
                  key={permission}
                  value={permission}
                  label={
                    <Text size="sm" span>
                      <Text span ff="monospace" size="sm">
                        {permission}
                      </Text>{' '}
                      — {describePermission(permission)}
                    </Text>
                  }
                />
              ))
            )}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label="Expires"
          type="date"
          description="Optional: the key stops working after this day."
          min={dateInputValue(1)}
          {...form.getInputProps('expiresAt')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
