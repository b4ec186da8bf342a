import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';

import { OrderCancelDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

/** Cancels an order with a reason (orderCancel): releases its stock, refunds what was paid. */
export function CancelForm({
  orderId,
  orderNumber,
  paid,
  onDone,
}: {
  orderId: string;
  orderNumber: number;
  paid: boolean;
  onDone: () => void;
}) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value: string) =>
        value.trim().length < 3
          ? 'Say why (at least 3 characters); the customer sees it.'
          : value.trim().length > 500
            ? 'At most 500 characters.'
            : null,
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [cancel, { loading }] = useMutation(OrderCancelDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    try {
      const { data } = await cancel({
        variables: { input: { id: orderId, reason: values.reason.trim() } },
      });
      const errors = data?.orderCancel.errors;
      if (!errors || apply(errors)) return;
      toast.success(`Order #${orderNumber} cancelled.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The order was not cancelled" />
      <Stack gap="md">
        <Text size="sm">
          Its stock goes back on sale
          {paid ? ' and what the customer paid is refunded to their payment method' : ''}. This
          cannot be undone.
        </Text>
        <Textarea
          label="Reason"
          required

          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Keep order
          </Button>
          <Button type="submit" color="red" loading={loading}>
            Cancel order
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
