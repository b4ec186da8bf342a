import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import { OrderRefundDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { newIdempotencyKey } from '../../../shared/forms/idempotency-key';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { formatMinor, fromMinorUnits, toMinorUnits } from '../../offers/money';

interface RefundValues {
  amount: string;
  reason: string;
}

/**
 * Refunds part or all of what is left of an order's payment (orderRefund), to
 * the method it was paid with. One idempotency key per attempt, so a retry
 * after a network failure cannot refund twice.
 */
export function RefundForm({
  orderId,
  orderNumber,
  currency,
  refundable,
  onDone,
}: {
  orderId: string;
  orderNumber: number;
  currency: string;
  /** Minor units not refunded yet. */
  refundable: number;
  onDone: () => void;
}) {
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<RefundValues>({
    initialValues: { amount: fromMinorUnits(refundable, currency), reason: '' },
    validate: {
      amount: (value) => {
        const parsed = toMinorUnits(value, currency, { unit: 'amount' });
        if (!parsed.ok) return parsed.message;
        if (parsed.value <= 0) return 'More than zero.';
        if (parsed.value > refundable)
          return `At most ${formatMinor(refundable, currency)} (what is left to refund).`;
        return null;
      },
      reason: (value) => (value.trim().length < 3 ? 'Say why (at least 3 characters).' : null),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [refund, { loading }] = useMutation(OrderRefundDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    const amount = toMinorUnits(values.amount, currency);
    if (!amount.ok) return;
    try {
      const { data } = await refund({
        variables: {
          input: {
            id: orderId,
            amount: amount.value,
            reason: values.reason.trim(),
            idempotencyKey,
          },
        },
      });
      const errors = data?.orderRefund.errors;
      if (!errors) return;
      // The API answered: whatever comes next is a new attempt.
      setIdempotencyKey(newIdempotencyKey());
      if (apply(errors)) return;
      toast.success(`${formatMinor(amount.value, currency)} refunded on order #${orderNumber}.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="Nothing was refunded" />
      <Stack gap="md">
        <Text size="sm">
          Up to {formatMinor(refundable, currency)} can still be refunded, to the method the order
          was paid with.
        </Text>
        <TextInput
          label={`Amount (${currency})`}
          required
          inputMode="decimal"
          data-autofocus
          {...form.getInputProps('amount')}
        />
        <Textarea label="Reason" required minRows={2} {...form.getInputProps('reason')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={loading}>
            Refund
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
