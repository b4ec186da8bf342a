import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

import {
  ProductArchiveDocument,
  ProductPublishDocument,
  ProductUnpublishDocument,
  type PublishPanel_ProductFragment,
} from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { describeError } from '../../../shared/feedback/describe-error';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { formatDateTime } from '../../../shared/format/date';
import { IconAlert, IconCheck, IconExternal } from '../../../shared/icons';
import { problemTarget, type FieldTarget } from './editor-tabs';
import { ProductStatusBadge } from './product-status-badge';

type Action = 'publish' | 'unpublish' | 'archive';

/**
 * Status and publishing: what blocks publishing (each problem leads to the
 * field at fault), Publish (disabled while anything blocks it), back to
 * draft, archive.
 */
export function PublishPanel({
  product,
  canEdit,
  onGoTo,
}: {
  product: PublishPanel_ProductFragment;
  canEdit: boolean;
  onGoTo: (target: FieldTarget) => void;
}) {
  const [errors, setErrors] = useState<{ action: Action; errors: PayloadError[] } | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [publish, publishState] = useMutation(ProductPublishDocument);
  const [unpublish, unpublishState] = useMutation(ProductUnpublishDocument);
  const [archive, archiveState] = useMutation(ProductArchiveDocument);
  const busy = publishState.loading || unpublishState.loading || archiveState.loading;
  const problems = product.publishProblems;
  const attributeKeys = product.attributes.map((a) => a.key);
  const variables = { id: product.id };

  const run = async (action: Action) => {
    setErrors(null);
    try {
      const payload =
        action === 'publish'
          ? (await publish({ variables })).data?.productPublish
          : action === 'unpublish'
            ? (await unpublish({ variables })).data?.productUnpublish
            : (await archive({ variables })).data?.productArchive;
      if (!payload) return;
      if (payload.errors.length > 0) {
        setErrors({ action, errors: payload.errors });
        return;
      }
      toast.success(
        action === 'publish'
          ? `${product.title} is published.`
          : action === 'unpublish'
            ? `${product.title} is back to draft.`
            : `${product.title} is archived.`,
      );
    } catch (error) {
      setErrors({
        action,
        errors: [{ code: 'UNEXPECTED', field: null, message: describeError(error) }],
      });
    } finally {
      setConfirmArchive(false);
    }
  };

  const published = product.status === 'PUBLISHED';
  const errorTitle =
    errors?.action === 'publish'
      ? 'The product was not published'
      : errors?.action === 'unpublish'
        ? 'The product was not moved to draft'
        : 'The product was not archived';

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="publish-panel-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="publish-panel-title">
            Publishing
          </Title>
          <ProductStatusBadge status={product.status} />
        </Group>
        {published ? (
          <Text size="sm" c="dimmed">
            Published {formatDateTime(product.publishedAt)}.{' '}
            <Anchor href={product.url} target="_blank" rel="noreferrer" size="sm">
              View on the storefront <IconExternal size={12} />
            </Anchor>
          </Text>
        ) : null}

        {problems.length > 0 ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlert />}
            title={`${problems.length === 1 ? 'One thing blocks' : `${problems.length} things block`} publishing`}
          >
            <List size="sm" spacing={4} aria-label="Publish problems">
              {problems.map((problem, i) => (
                <List.Item key={`${problem.code}-${problem.field ?? ''}-${i}`}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    onClick={() => onGoTo(problemTarget(problem, attributeKeys))}
                  >
                    {problem.message}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : product.status !== 'PUBLISHED' ? (
          <Group gap={6}>
            <IconCheck size={16} />
            <Text size="sm">Ready to publish.</Text>
          </Group>
        ) : null}

        {errors ? (
          <Alert color="red" variant="light" role="alert" title={errorTitle} icon={<IconAlert />}>
            {errors.errors.length === 1 ? (
              errors.errors[0]?.message
            ) : (
              <List size="sm">
                {errors.errors.map((e, i) => (
                  <List.Item key={i}>{e.message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        ) : null}

        {canEdit ? (
          <Group gap="xs">
            {!published ? (
              <Button
                onClick={() => void run('publish')}
                disabled={problems.length > 0 || (busy && !publishState.loading)}
                loading={publishState.loading}
              >
                Publish
              </Button>
            ) : null}
            {product.status !== 'DRAFT' ? (
              <Button
                variant="default"
                onClick={() => void run('unpublish')}
                loading={unpublishState.loading}
                disabled={busy && !unpublishState.loading}
              >
                {published ? 'Unpublish' : 'Restore to draft'}
              </Button>
            ) : null}
            {product.status !== 'ARCHIVED' ? (
              <Button
                variant="subtle"
                color="red"
                onClick={() => setConfirmArchive(true)}
                disabled={busy}
              >
                Archive
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirmArchive}
        title={`Archive ${product.title}?`}
        confirmLabel="Archive"
        loading={archiveState.loading}
        onConfirm={() => void run('archive')}
        onClose={() => setConfirmArchive(false)}
      >
        <Text size="sm">
          It disappears from the storefront and from search. You can restore it to draft later.
        </Text>
      </ConfirmDialog>
    </Card>
  );
}
