import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { OrderShipDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

interface ShipValues {
  carrier: string;
  trackingNumber: string;
}

/** Carrier and tracking number of a packed delivery order (orderShip). */
export function ShipForm({
  orderId,
  orderNumber,
  onDone,
}: {
  orderId: string;
  orderNumber: number;
  onDone: () => void;
}) {
  const form = useForm<ShipValues>({
    initialValues: { carrier: '', trackingNumber: '' },
    validate: {
      carrier: (value) => (value.trim() ? null : 'Name the carrier.'),
      trackingNumber: (value) => (value.trim() ? null : 'Enter the tracking number.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [ship, { loading }] = useMutation(OrderShipDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    try {
      const { data } = await ship({
        variables: {
          input: {
            id: orderId,
            carrier: values.carrier.trim(),
            trackingNumber: values.trackingNumber.trim(),
          },
        },
      });
      const errors = data?.orderShip.errors;
      if (!errors || apply(errors)) return;
      toast.success(`Order #${orderNumber} shipped.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The order was not shipped" />
      <Stack gap="md">
        <TextInput label="Carrier" required data-autofocus {...form.getInputProps('carrier')} />
        <TextInput label="Tracking number" required {...form.getInputProps('trackingNumber')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Mark shipped
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
