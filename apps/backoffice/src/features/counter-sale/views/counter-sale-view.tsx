import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';

import {
  CounterSaleStoresDocument,
  OfflineOrderPlaceDocument,
  type CounterOffer_OfferFragment,
  type OrderDetail_OrderFragment,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { FormErrors } from '../../../shared/forms/form-errors';
import { newIdempotencyKey } from '../../../shared/forms/idempotency-key';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { OfferSearch } from '../components/offer-search';
import { PlacedOrder } from '../components/placed-order';
import { SaleLines } from '../components/sale-lines';
import {
  MAX_LINE_QUANTITY,
  toOfflineOrderInput,
  validateCounterSale,
  type CounterSaleValues,
} from '../counter-sale-values';

/**
 * A sale at a store counter (offlineOrderPlace): items from that store's
 * stock, an optional customer account by e-mail (else an anonymous walk-in),
 * paid in store. A store-counter account always sells at its own store.
 */
export function CounterSaleView({ sellerId }: { sellerId: string }) {
  const access = useAccess();
  const fixedStore = access.seller(sellerId)?.store ?? null;
  const { data, error, refetch } = useQuery(CounterSaleStoresDocument, { skip: !!fixedStore });
  const stores = fixedStore
    ? [fixedStore]
    : (data?.viewer?.sellerAccess.find((a) => a.seller.id === sellerId)?.seller.stores ?? []);

  const form = useForm<CounterSaleValues>({
    initialValues: { storeId: fixedStore?.id ?? '', customerEmail: '', lines: [] },
    validate: validateCounterSale,
  });
  // A single store needs no choosing.
  const onlyStoreId = stores.length === 1 ? (stores[0]?.id ?? '') : '';
  const { setFieldValue } = form;
  const storeChosen = form.values.storeId !== '';
  useEffect(() => {
    if (onlyStoreId && !storeChosen) setFieldValue('storeId', onlyStoreId);
  }, [onlyStoreId, storeChosen, setFieldValue]);
  const [offers, setOffers] = useState<Map<string, CounterOffer_OfferFragment>>(new Map());
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [placed, setPlaced] = useState<OrderDetail_OrderFragment | null>(null);
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [place, { loading }] = useMutation(OfflineOrderPlaceDocument);

  const add = (offer: CounterOffer_OfferFragment) => {
    setOffers((old) => new Map(old).set(offer.id, offer));
    const index = form.values.lines.findIndex((line) => line.offerId === offer.id);
    if (index >= 0) {
      const quantity = Math.min(
        (Number(form.values.lines[index]?.quantity) || 0) + 1,
        MAX_LINE_QUANTITY,
      );
      form.setFieldValue(`lines.${index}.quantity`, String(quantity));
    } else {
      form.insertListItem('lines', { offerId: offer.id, quantity: '1' });
    }
    form.clearFieldError('lines');
  };

  const submit = form.onSubmit(async (values) => {
    clear();
    try {
      const { data: result } = await place({
        variables: { input: toOfflineOrderInput(values, sellerId, idempotencyKey) },
      });
      const payload = result?.offlineOrderPlace;
      if (!payload) return;
      // The API answered: the next submit is a new sale attempt.
      setIdempotencyKey(newIdempotencyKey());
      if (apply(payload.errors)) return;
      if (payload.order) setPlaced(payload.order);
    } catch (thrown) {
      applyThrown(thrown);
    }
  });

  const newSale = () => {
    setPlaced(null);
    setOffers(new Map());
    form.setValues({ storeId: form.values.storeId, customerEmail: '', lines: [] });
    clear();
  };

  if (error && !fixedStore) {
    return (
      <ErrorState
        title="Could not load the stores"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!fixedStore && !data) return <CardGridSkeleton cards={2} label="Loading the stores" />;

  return (
    <>
      <PageHeader
        title="Counter sale"
        description="Sell to a walk-in customer from a store’s stock; the customer pays at the counter."
      />
      {placed ? (
        <PlacedOrder placed={placed} onNewSale={newSale} />
      ) : stores.length === 0 ? (
        <Text>This seller has no store to sell at yet.</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormErrors errors={formErrors} title="The sale was not placed" />
          <Stack gap="md">
            <Card withBorder padding="lg">
              <Stack gap="md">
                {fixedStore ? (
                  <Text size="sm">
                    Selling at <strong>{fixedStore.name}</strong>
                  </Text>
                ) : (
                  <NativeSelect
                    label="Store"
                    required
                    data={[
                      { value: '', label: 'Choose the store you sell at' },
                      ...stores.map((s) => ({ value: s.id, label: s.name })),
                    ]}
                    {...form.getInputProps('storeId')}
                  />
                )}
                <OfferSearch sellerId={sellerId} storeId={form.values.storeId} onAdd={add} />
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Title order={2} size="h5" mb="sm">
                Items
              </Title>
              <SaleLines form={form} offers={offers} />
            </Card>
            <TextInput
              label="Customer e-mail"
              description="Of an existing account, to put the sale in their history; empty for a walk-in customer"
              type="email"
              {...form.getInputProps('customerEmail')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={loading}>
                Place order
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
