import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';

import {
  ApiKeyRevokeDocument,
  ApiKeysDocument,
  type ApiKeysTable_ApiKeyFragment,
} from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { ApiKeysTable } from '../components/api-keys-table';
import { CreateApiKeyModal } from '../components/create-api-key-modal';

/** The viewer's API keys for third-party software: list, create (secret shown once), revoke. */
export function ApiKeysView() {
  const { data, error, refetch } = useQuery(ApiKeysDocument);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKeysTable_ApiKeyFragment | null>(null);
  const [apiKeyRevoke, { loading }] = useMutation(ApiKeyRevokeDocument);

  const confirmRevoke = async () => {
    if (!revoking) return;
    try {
      const { data: result } = await apiKeyRevoke({ variables: { id: revoking.id } });
      const errors = result?.apiKeyRevoke.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The key was not revoked',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`“${revoking.name}” revoked.`);
      setRevoking(null);
    } catch (thrown) {
      toast.error({ title: 'The key was not revoked', error: thrown });
    }
  };

  return (
    <>
      <PageHeader
        title="API keys"
        description="Let your own software (an ERP, a mobile app, a logistics partner) call the API with some of your permissions."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            Create key
          </Button>
        }
      />
      {error ? (
        <ErrorState
          title="Could not load your API keys"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !data ? (
        <CardGridSkeleton cards={1} label="Loading your API keys" />
      ) : data.apiKeys.length === 0 ? (
        <Text c="dimmed">You have no API keys yet.</Text>
      ) : (
        <Card withBorder padding="lg">
          <ApiKeysTable keys={data.apiKeys} onRevoke={setRevoking} />
        </Card>
      )}
      <CreateApiKeyModal opened={creating} onClose={closeCreate} />
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke “${revoking?.name ?? 'key'}”?`}
        confirmLabel="Revoke key"
        loading={loading}
        onConfirm={() => void confirmRevoke()}
        onClose={() => setRevoking(null)}
      >
        <Text size="sm">
          Software using this key is refused from its next request on. This cannot be undone: to
          restore access, create a new key.
        </Text>
      </ConfirmDialog>
    </>
  );
}
