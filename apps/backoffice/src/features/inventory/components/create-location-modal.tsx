import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { StockLocationCreateDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

/** Adds a warehouse to the seller's stock locations (stockLocationCreate). */
export function CreateLocationModal({
  opened,
  onClose,
  sellerId,
}: {
  opened: boolean;
  onClose: () => void;
  sellerId: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a warehouse" centered>
      {opened ? <CreateLocationForm sellerId={sellerId} onDone={onClose} /> : null}
    </Modal>
  );
}

export function CreateLocationForm({ sellerId, onDone }: { sellerId: string; onDone: () => void }) {
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : 'Name the warehouse.') },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [create, { loading }] = useMutation(StockLocationCreateDocument, {
    refetchQueries: ['StockLocations'],
  });
  const submit = form.onSubmit(async (values) => {
    clear();
    try {
      const { data } = await create({ variables: { sellerId, name: values.name.trim() } });
      if (!data || apply(data.stockLocationCreate.errors)) return;
      toast.success(`${values.name.trim()} added.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The warehouse was not added" />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Stores are stock locations already; add warehouses here.
        </Text>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Add warehouse
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
