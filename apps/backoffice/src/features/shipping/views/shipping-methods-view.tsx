import { useMutation, useQuery } from '@apollo/client/react';
import { Button, EmptyState, Text } from '@mantine/core';
import { useState } from 'react';

import {
  SellerShippingMethodsDocument,
  ShippingMethodDeleteDocument,
  type ShippingMethodForm_MethodFragment,
  type ShippingMethodList_MethodFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { IconPlus, IconTruck } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { NotAllowedState } from '../../../shared/states/not-allowed';
import { ShippingMethodFormModal } from '../components/shipping-method-form';
import { ShippingMethodList } from '../components/shipping-method-list';

/** The current seller's shipping methods: what checkout offers and charges per delivery. */
export function ShippingMethodsView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const canManage = access.can('SELLER_MANAGE', sellerId);
  const { data, error, refetch } = useQuery(SellerShippingMethodsDocument);
  const [editing, setEditing] = useState<ShippingMethodForm_MethodFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ShippingMethodList_MethodFragment | null>(null);
  const [remove, { loading: deletingNow }] = useMutation(ShippingMethodDeleteDocument, {
    update(cache, { data: result }) {
      const id = result?.shippingMethodDelete.deletedId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'ShippingMethod', id }) });
      cache.gc();
    },
  });

  if (error) {
    return (
      <ErrorState
        title="Could not load the shipping methods"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={2} label="Loading the shipping methods" />;
  const seller = data.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller;
  if (!seller) return <NotAllowedState />;

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      const { data: result } = await remove({ variables: { id: deleting.id } });
      const errors = result?.shippingMethodDelete.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The shipping method was not deleted',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`${deleting.name} deleted.`);
      setDeleting(null);
    } catch (thrown) {
      toast.error({ title: 'The shipping method was not deleted', error: thrown });
    }
  };

  return (
    <>
      <PageHeader
        title="Shipping methods"
        description={`How ${seller.name} delivers orders, and what checkout charges for it.`}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add shipping method
            </Button>
          ) : null
        }
      />
      {seller.shippingMethods.length === 0 ? (
        <EmptyState mt="xl" withIndicatorBackground>
          <EmptyState.Indicator>
            <IconTruck size={28} />
          </EmptyState.Indicator>
          <EmptyState.Title order={2}>No shipping methods yet</EmptyState.Title>
          <EmptyState.Description>
            Without one, shoppers can only pick up this shop’s orders in a store.
          </EmptyState.Description>
        </EmptyState>
      ) : (
        <ShippingMethodList
          methods={seller.shippingMethods}
          onEdit={
            canManage
              ? (method) =>
                  setEditing(seller.shippingMethods.find((m) => m.id === method.id) ?? null)
              : undefined
          }
          onDelete={canManage ? setDeleting : undefined}
        />
      )}
      {canManage ? (
        <>
          <ShippingMethodFormModal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            sellerId={seller.id}
            currency={data.shop.currency}
            method={editing === 'new' ? null : editing}
          />
          <ConfirmDialog
            opened={deleting !== null}
            title={`Delete ${deleting?.name ?? 'shipping method'}?`}
            confirmLabel="Delete shipping method"
            loading={deletingNow}
            onConfirm={() => void confirmDelete()}
            onClose={() => setDeleting(null)}
          >
            <Text size="sm">
              Checkout stops offering it. Orders already placed keep their delivery fee.
            </Text>
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
