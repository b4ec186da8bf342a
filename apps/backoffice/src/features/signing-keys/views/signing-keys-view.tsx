import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { SigningKeyRotateDocument, SigningKeysDocument } from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { IconRefresh } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { SigningKeysTable } from '../components/signing-keys-table';

/** The access-token signing keys, and rotating them. */
export function SigningKeysView() {
  const { data, error, refetch } = useQuery(SigningKeysDocument);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [rotate, { loading }] = useMutation(SigningKeyRotateDocument, {
    // The previous key changes too (no longer current, now retiring).
    refetchQueries: [SigningKeysDocument],
    awaitRefetchQueries: true,
  });

  const confirm = async () => {
    setErrors([]);
    try {
      const { data: result } = await rotate();
      const payload = result?.signingKeyRotate;
      if (!payload) return;
      if (payload.errors.length > 0) {
        setErrors(payload.errors);
        return;
      }
      toast.success({
        title: 'Signing key rotated',
        message: `New tokens are signed with ${payload.signingKey?.id ?? 'the new key'}.`,
      });
      setConfirming(false);
    } catch (thrown) {
      toast.error({ title: 'The key was not rotated', error: thrown });
    }
  };

  return (
    <>
      <PageHeader
        title="Signing keys"
        description="Access tokens are signed with the current key; the key id (kid) in each token names the key that verifies it."
        actions={
          <Button
            color="red"
            variant="light"
            leftSection={<IconRefresh size={16} />}
            onClick={() => {
              setErrors([]);
              setConfirming(true);
            }}
          >
            Rotate now
          </Button>
        }
      />
      {error ? (
        <ErrorState
          title="Could not load the signing keys"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !data ? (
        <CardGridSkeleton cards={1} label="Loading the signing keys" />
      ) : (
        <Card withBorder padding="lg">
          <SigningKeysTable keys={data.signingKeys} />
        </Card>
      )}
      <ConfirmDialog
        opened={confirming}
        title="Rotate the signing key?"
        confirmLabel="Rotate key"
        loading={loading}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(false)}
      >
        <FormErrors errors={errors} title="The key was not rotated" />
        <Stack gap="xs">
          <Text size="sm">A new key is created and signs every token issued from now on.</Text>
          <List size="sm" spacing={4}>
            <List.Item>
              Existing sessions keep working: tokens signed with the current key stay valid until
              they expire, and the next refresh hands out a token signed with the new key.
            </List.Item>
            <List.Item>
              The old key only verifies from now on, and retires once its last tokens have expired.
            </List.Item>
            <List.Item>Rotate at once if you suspect the key has leaked.</List.Item>
          </List>
        </Stack>
      </ConfirmDialog>
    </>
  );
}
