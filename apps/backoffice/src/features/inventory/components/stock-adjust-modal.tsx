import { useMutation } from '@apollo/client/react';
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';

import { StockAdjustDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { parseScaled } from '../../offers/money';
import {
  ADJUST_REASONS,
  FIELD_MAP,
  REASONS,
  adjustInput,
  type AdjustValues,
} from '../stock-adjust';

export function StockAdjustModal({
  opened,
  onClose,
  offerId,
  locations,
  locationId,
  title,
}: {
  opened: boolean;
  onClose: () => void;
  offerId: string;
  /** Where stock can be adjusted; the select is locked when there is one. */
  locations: readonly { id: string; name: string }[];
  locationId: string | null;
  title: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {opened ? (
        <StockAdjustForm
          offerId={offerId}
          locations={locations}
          locationId={locationId}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

/**
 * One stock adjustment (stockAdjust) with its reason, recorded in the ledger.
 * The API's errors show next to the field they name (an INSUFFICIENT_STOCK on
 * the quantity, for example).
 */
export function StockAdjustForm({
  offerId,
  locations,
  locationId,
  onDone,
}: {
  offerId: string;
  locations: readonly { id: string; name: string }[];
  locationId: string | null;
  onDone: () => void;
}) {
  const form = useForm<AdjustValues>({
    initialValues: {
      locationId: locationId ?? locations[0]?.id ?? '',
      reason: 'RECEIVED',
      quantity: '',
      note: '',
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form, { fieldMap: FIELD_MAP });
  const [stockAdjust, { loading }] = useMutation(StockAdjustDocument, {
    refetchQueries: ['OfferStock', 'StockMovements'],
  });
  const reason = REASONS[form.values.reason];

  const submit = form.onSubmit(async (values) => {
    clear();
    if (!values.locationId) {
      form.setFieldError('locationId', 'Choose a location.');
      return;
    }
    const parsed = parseScaled(values.quantity, 0, { unit: 'quantity' });
    if (!parsed.ok) {
      form.setFieldError('quantity', parsed.message);
      return;
    }
    if (parsed.value === 0 && values.reason !== 'COUNT_CORRECTION') {
      form.setFieldError('quantity', 'Enter a quantity above 0.');
      return;
    }
    try {
      const { data } = await stockAdjust({
        variables: { input: adjustInput(offerId, values, parsed.value) },
      });
      if (!data || apply(data.stockAdjust.errors)) return;
      const level = data.stockAdjust.stockLevel;
      toast.success(
        level
          ? `Stock adjusted: ${level.onHand} on hand, ${level.available} available.`
          : 'Stock adjusted.',
      );
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The stock was not adjusted" />
      <Stack gap="md">
        <NativeSelect
          label="Location"
          disabled={locations.length <= 1}
          data={locations.map((location) => ({ value: location.id, label: location.name }))}
          {...form.getInputProps('locationId')}
        />
        <NativeSelect
          label="Reason"
          data={ADJUST_REASONS.map((value) => ({ value, label: REASONS[value].label }))}
          {...form.getInputProps('reason')}
        />
        <TextInput
          label={reason.quantity}
          description={reason.description}
          inputMode="numeric"
          required
          autoComplete="off"
          {...form.getInputProps('quantity')}
        />
        <Textarea
          label="Note"
          description="Optional: a delivery note, an order number, what broke."
          rows={2}
          {...form.getInputProps('note')}
        />
        <Text size="xs" c="dimmed">
          Every adjustment is recorded in the location’s movement ledger.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Adjust stock
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
