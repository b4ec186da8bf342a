import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { OfferUpdateDocument, type OfferForm_OfferFragment } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { buildOfferUpdate, offerFormValues, type OfferFormValues } from './offer-form-values';
import { CONDITION_LABELS } from './offer-labels';

/** Price, compare-at price, handling time and stock settings of one offer (offerUpdate). */
export function OfferForm({
  offer,
  canManage,
}: {
  offer: OfferForm_OfferFragment;
  canManage: boolean;
}) {
  const form = useForm<OfferFormValues>({ initialValues: offerFormValues(offer) });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form, {
    fieldMap: { clearCompareAtPrice: 'compareAtPrice' },
  });
  const [offerUpdate, { loading }] = useMutation(OfferUpdateDocument);
  const currency = offer.price.currency;

  const submit = form.onSubmit(async (values) => {
    clear();
    const built = buildOfferUpdate(offer, values);
    if (!built.ok) {
      form.setErrors(built.errors);
      return;
    }
    if (Object.keys(built.input).length === 0) {
      toast.info('Nothing to save: no field changed.');
      return;
    }
    try {
      const { data } = await offerUpdate({ variables: { id: offer.id, input: built.input } });
      if (!data || apply(data.offerUpdate.errors)) return;
      const saved = data.offerUpdate.offer;
      if (saved) form.setInitialValues(offerFormValues(saved));
      if (saved) form.setValues(offerFormValues(saved));
      form.resetDirty();
      toast.success(
        built.input.price !== undefined
          ? 'Offer saved; the price change is in the history.'
          : 'Offer saved.',
      );
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Offer">
      <FormErrors errors={formErrors} title="The offer was not saved" />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Condition: {CONDITION_LABELS[offer.condition]} · Prices in {currency}.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={`Price (${currency})`}
            inputMode="decimal"
            required
            disabled={!canManage}
            {...form.getInputProps('price')}
          />
          <TextInput
            label={`Compare-at price (${currency})`}
            description="The former or list price shown struck through; empty for none."
            inputMode="decimal"
            disabled={!canManage}
            {...form.getInputProps('compareAtPrice')}
          />
          <TextInput
            label="Handling time (days)"
            description="Working days before the parcel leaves."
            inputMode="numeric"
            disabled={!canManage}
            {...form.getInputProps('handlingDays')}
          />
          <TextInput
            label="Low-stock threshold"
            description="Reported as low stock at or below this many available."
            inputMode="numeric"
            disabled={!canManage}
            {...form.getInputProps('lowStockThreshold')}
          />
        </SimpleGrid>
        <Checkbox
          label="Allow backorders"
          description="Keep taking orders when nothing is available."
          disabled={!canManage}
          {...form.getInputProps('allowBackorder', { type: 'checkbox' })}
        />
        {canManage ? (
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              Save offer
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
