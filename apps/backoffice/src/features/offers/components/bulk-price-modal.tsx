import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import {
  OfferPricesBulkUpdateDocument,
  type BulkPriceMode,
  type OffersTable_OfferFragment,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { IconAlert } from '../../../shared/icons';
import { percentToBasisPoints, toMinorUnits, type Parsed } from '../money';
import { plural } from './offer-labels';

const MODES: { value: BulkPriceMode; label: string }[] = [
  { value: 'SET', label: 'Set price' },
  { value: 'AMOUNT', label: 'Change by amount' },
  { value: 'PERCENT', label: 'Change by percent' },
];

/** A refused offer, as the modal lists it. */
export interface OfferRowError {
  offerId: string;
  sku: string;
  title: string;
  message: string;
}

/**
 * Changes the price of the selected offers at once (offerPricesBulkUpdate):
 * set them all, add an amount, or change them by a percentage (sent in basis
 * points). The API applies all or nothing; refused offers are listed by SKU.
 */
export function BulkPriceModal({
  opened,
  onClose,
  sellerId,
  offers,
  onRowErrors,
  onUpdated,
}: {
  opened: boolean;
  onClose: () => void;
  sellerId: string;
  offers: readonly OffersTable_OfferFragment[];
  /** Per-offer refusals of the last attempt (empty after a success). */
  onRowErrors: (errors: Record<string, string>) => void;
  /** Every selected price changed. */
  onUpdated?: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Edit the price of ${plural(offers.length, 'offer')}`}
      centered
      size="lg"
    >
      {opened ? (
        <BulkPriceForm
          sellerId={sellerId}
          offers={offers}
          onRowErrors={onRowErrors}
          onDone={(updated) => {
            onClose();
            if (updated) onUpdated?.();
          }}
        />
      ) : null}
    </Modal>
  );
}

export function BulkPriceForm({
  sellerId,
  offers,
  onRowErrors,
  onDone,
}: {
  sellerId: string;
  offers: readonly OffersTable_OfferFragment[];
  onRowErrors: (errors: Record<string, string>) => void;
  /** `updated`: the prices changed (not cancelled). */
  onDone: (updated: boolean) => void;
}) {
  const currencies = [...new Set(offers.map((offer) => offer.price.currency))].sort();
  const currency = currencies.length === 1 ? currencies[0] : undefined;
  const form = useForm<{ mode: BulkPriceMode; value: string }>({
    initialValues: { mode: 'PERCENT', value: '' },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [refused, setRefused] = useState<OfferRowError[]>([]);
  const [bulkUpdate, { loading }] = useMutation(OfferPricesBulkUpdateDocument);
  const mode = form.values.mode;
  const mixedCurrencies = mode !== 'PERCENT' && !currency;

  const parse = (values: { mode: BulkPriceMode; value: string }): Parsed => {
    if (values.mode === 'PERCENT') return percentToBasisPoints(values.value);
    if (!currency) {
      return {
        ok: false,
        message: `These offers are priced in ${currencies.join(', ')}: change them by percent, or select offers in one currency.`,
      };
    }
    return toMinorUnits(values.value, currency, {
      allowNegative: values.mode === 'AMOUNT',
      unit: values.mode === 'SET' ? 'price' : 'amount',
    });
  };

  const submit = form.onSubmit(async (values) => {
    clear();
    setRefused([]);
    const parsed = parse(values);
    if (!parsed.ok) {
      form.setFieldError('value', parsed.message);
      return;
    }
    const offerIds = offers.map((offer) => offer.id);
    try {
      const { data } = await bulkUpdate({
        variables: { input: { sellerId, offerIds, mode: values.mode, value: parsed.value } },
      });
      if (!data) return;
      const { errors } = data.offerPricesBulkUpdate;
      const rows: OfferRowError[] = [];
      const others = errors.filter((error) => {
        const match = /^(?:input\.)?offerIds\.(\d+)$/.exec(error.field ?? '');
        const offer = match ? offers[Number(match[1])] : undefined;
        if (!offer) return true;
        rows.push({
          offerId: offer.id,
          sku: offer.variant.sku,
          title: offer.variant.title,
          message: error.message,
        });
        return false;
      });
      apply(others);
      setRefused(rows);
      const byId: Record<string, string> = {};
      for (const row of rows)
        byId[row.offerId] = byId[row.offerId] ? `${byId[row.offerId]} ${row.message}` : row.message;
      onRowErrors(byId);
      if (errors.length > 0) return;
      toast.success(`Prices of ${plural(offers.length, 'offer')} updated.`);
      onDone(true);
    } catch (error) {
      applyThrown(error);
    }
  });

  const valueLabel =
    mode === 'PERCENT'
      ? 'Change (%)'
      : mode === 'SET'
        ? `New price${currency ? ` (${currency})` : ''}`
        : `Amount to add${currency ? ` (${currency})` : ''}`;
  const valueDescription =
    mode === 'PERCENT'
      ? 'e.g. 10 raises every price by 10%, -5 lowers it by 5%. Rounded to the currency’s smallest unit.'
      : mode === 'SET'
        ? 'Every selected offer gets this price.'
        : 'A negative amount lowers the prices.';

  return (
    <form onSubmit={submit} noValidate>
      {refused.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlert />}
          role="alert"
          mb="md"
          title="No price was changed"
        >
          <Text size="sm" mb={4}>
            The change applies to every selected offer or to none. Fix or deselect{' '}
            {refused.length === 1 ? 'this offer' : `these ${refused.length} offers`} and try again:
          </Text>
          <List size="sm" spacing={2} aria-label="Refused offers">
            {refused.map((row) => (
              <List.Item key={row.offerId}>
                <Text span fw={500} size="sm">
                  {row.sku}
                </Text>{' '}
                ({row.title}): {row.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <FormErrors errors={formErrors} title="No price was changed" />
      <Stack gap="md">
        <SegmentedControl
          aria-label="How to change the prices"
          fullWidth
          data={MODES}
          {...form.getInputProps('mode')}
          onChange={(value) => {
            form.setFieldValue('mode', value as BulkPriceMode);
            form.clearFieldError('value');
          }}
        />
        {mixedCurrencies ? (
          <Text size="sm" c="orange">
            The selected offers are priced in {currencies.join(', ')}: an amount only makes sense in
            one currency.
          </Text>
        ) : null}
        <TextInput
          label={valueLabel}
          description={valueDescription}
          inputMode="decimal"
          autoComplete="off"
          required
          rightSection={mode === 'PERCENT' ? '%' : undefined}
          {...form.getInputProps('value')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onDone(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Update {plural(offers.length, 'price')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
