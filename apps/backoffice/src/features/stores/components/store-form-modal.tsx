import { useMutation } from '@apollo/client/react';
import { Button, Divider, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import {
  StoreCreateDocument,
  StoreForm_StoreFragmentDoc,
  StoreUpdateDocument,
  type StoreForm_StoreFragment,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { OpeningHoursEditor } from './opening-hours-editor';
import {
  toFormValues,
  toStoreInput,
  validateStore,
  type StoreFormValues,
} from './store-form-values';

/** Creates a store for the seller, or edits one (fragment: store-form.graphql). */
export function StoreFormModal({
  opened,
  onClose,
  sellerId,
  store,
}: {
  opened: boolean;
  onClose: () => void;
  sellerId: string;
  store: StoreForm_StoreFragment | null;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={store ? `Edit ${store.name}` : 'Add a store'}
      size="xl"
      centered
    >
      {opened ? <StoreForm sellerId={sellerId} store={store} onDone={onClose} /> : null}
    </Modal>
  );
}

export function StoreForm({
  sellerId,
  store,
  onDone,
}: {
  sellerId: string;
  store: StoreForm_StoreFragment | null;
  onDone: () => void;
}) {
  const form = useForm<StoreFormValues>({
    initialValues: toFormValues(store),
    validate: validateStore,
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [storeCreate, createState] = useMutation(StoreCreateDocument, {
    update(cache, { data }) {
      const created = data?.storeCreate.store;
      if (!created) return;
      const ref = cache.writeFragment({ fragment: StoreForm_StoreFragmentDoc, data: created });
      cache.modify({
        id: cache.identify({ __typename: 'Seller', id: sellerId }),
        fields: { stores: (existing) => (Array.isArray(existing) ? [...existing, ref] : existing) },
      });
    },
  });
  const [storeUpdate, updateState] = useMutation(StoreUpdateDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    const input = toStoreInput(values);
    try {
      const errors = store
        ? (await storeUpdate({ variables: { id: store.id, input } })).data?.storeUpdate.errors
        : (await storeCreate({ variables: { sellerId, input } })).data?.storeCreate.errors;
      if (!errors || apply(errors)) return;
      toast.success(store ? `${input.name} saved.` : `${input.name} added.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The store was not saved" />
      <Stack gap="md">
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <TextInput label="Address" required {...form.getInputProps('line1')} />
        <TextInput label="Address line 2" {...form.getInputProps('line2')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Postal code" required {...form.getInputProps('postalCode')} />
          <TextInput label="City" required {...form.getInputProps('city')} />
          <TextInput label="Region" {...form.getInputProps('region')} />
          <TextInput
            label="Country"
            required
            maxLength={2}
            description="Two-letter code, e.g. PT"
            {...form.getInputProps('country')}
          />
          <TextInput
            label="Latitude"
            inputMode="decimal"
            description="Optional; places the store on maps"
            {...form.getInputProps('latitude')}
          />
          <TextInput
            label="Longitude"
            inputMode="decimal"
            description="Optional"
            {...form.getInputProps('longitude')}
          />
        </SimpleGrid>
        <Divider />
        <OpeningHoursEditor form={form} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createState.loading || updateState.loading}>
            {store ? 'Save store' : 'Add store'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
