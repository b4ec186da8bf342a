import { useMutation, useQuery } from '@apollo/client/react';
import { Button, EmptyState, Text } from '@mantine/core';
import { useState } from 'react';

import {
  SellerStoresDocument,
  StoreDeleteDocument,
  type StoreForm_StoreFragment,
  type StoreList_StoreFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconMapPin, IconPlus } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { NotAllowedState } from '../../../shared/states/not-allowed';
import { StoreFormModal } from '../components/store-form-modal';
import { StoreList } from '../components/store-list';

/** The current seller's physical stores (pick-up points and counters). */
export function StoresView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const canManage = access.can('STORES_MANAGE', sellerId);
  const { data, error, refetch } = useQuery(SellerStoresDocument);
  const [editing, setEditing] = useState<StoreForm_StoreFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StoreList_StoreFragment | null>(null);
  const [storeDelete, { loading: deletingNow }] = useMutation(StoreDeleteDocument, {
    update(cache, { data: result }) {
      const id = result?.storeDelete.deletedId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Store', id }) });
      cache.gc();
    },
  });

  if (error) {
    return (
      <ErrorState
        title="Could not load the stores"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={2} label="Loading the stores" />;
  const seller = data.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller;
  if (!seller) return <NotAllowedState />;

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      const { data: result } = await storeDelete({ variables: { id: deleting.id } });
      const errors = result?.storeDelete.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The store was not deleted',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`${deleting.name} deleted.`);
      setDeleting(null);
    } catch (thrown) {
      toast.error({ title: 'The store was not deleted', error: thrown });
    }
  };

  return (
    <>
      <PageHeader
        title="Stores"
        description={`${seller.name}'s physical stores, for pick-up and sales at the counter.`}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add store
            </Button>
          ) : null
        }
      />
      {seller.stores.length === 0 ? (
        <EmptyState mt="xl" withIndicatorBackground>
          <EmptyState.Indicator>
            <IconMapPin size={28} />
          </EmptyState.Indicator>
          <EmptyState.Title order={2}>No stores yet</EmptyState.Title>
          <EmptyState.Description>
            Add a store so shoppers can pick up orders and staff can sell at its counter.
          </EmptyState.Description>
        </EmptyState>
      ) : (
        <StoreList
          stores={seller.stores}
          onEdit={
            canManage
              ? (store) => setEditing(seller.stores.find((s) => s.id === store.id) ?? null)
              : undefined
          }
          onDelete={canManage ? setDeleting : undefined}
        />
      )}
      {canManage ? (
        <>
          <StoreFormModal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            sellerId={seller.id}
            store={editing === 'new' ? null : editing}
          />
          <ConfirmDialog
            opened={deleting !== null}
            title={`Delete ${deleting?.name ?? 'store'}?`}
            confirmLabel="Delete store"
            loading={deletingNow}
            onConfirm={() => void confirmDelete()}
            onClose={() => setDeleting(null)}
          >
            <Text size="sm">
              Shoppers can no longer choose it for pick-up, and it disappears from the shop’s page.
              This cannot be undone.
            </Text>
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
