import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { TaxRateSetDocument, type TaxRateList_RateFragment } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import {
  toFormValues,
  toTaxRateInput,
  validateTaxRate,
  type TaxRateFormValues,
} from './tax-rate-values';

const FIELD_MAP = { rateBp: 'rate', 'input.rateBp': 'rate' } as const;

export function TaxRateFormModal({
  opened,
  onClose,
  ...props
}: {
  opened: boolean;
  onClose: () => void;
  rate: TaxRateList_RateFragment | null;
  categoryOptions: { value: string; label: string }[];
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={props.rate ? 'Change a tax rate' : 'Set a tax rate'}
      centered
    >
      {opened ? <TaxRateForm {...props} onDone={onClose} /> : null}
    </Modal>
  );
}

/**
 * Creates or replaces the rate of a category (or every category) in a country
 * or region: taxRateSet keys on (country, region, category).
 */
export function TaxRateForm({
  rate,
  categoryOptions,
  onDone,
}: {
  rate: TaxRateList_RateFragment | null;
  categoryOptions: { value: string; label: string }[];
  onDone: () => void;
}) {
  const form = useForm<TaxRateFormValues>({
    initialValues: toFormValues(rate),
    validate: validateTaxRate,
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form, { fieldMap: FIELD_MAP });
  const [taxRateSet, { loading }] = useMutation(TaxRateSetDocument, {
    refetchQueries: ['TaxRates'],
  });

  const submit = form.onSubmit(async (values) => {
    clear();
    const input = toTaxRateInput(values);
    try {
      const { data } = await taxRateSet({ variables: { input } });
      const errors = data?.taxRateSet.errors;
      if (!errors || apply(errors)) return;
      toast.success(
        `Tax rate for ${input.country}${input.region ? `-${input.region}` : ''} saved.`,
      );
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The tax rate was not saved" />
      <Stack gap="md">
        <SimpleGrid cols={2}>
          <TextInput
            label="Country"
            required
            maxLength={2}
            description="ISO 3166-1, e.g. PT"
            disabled={rate !== null}
            {...form.getInputProps('country')}
          />
          <TextInput
            label="Region"
            description="Empty: the whole country"
            disabled={rate !== null}
            {...form.getInputProps('region')}
          />
        </SimpleGrid>
        <Select
          label="Category"
          searchable
          data={[{ value: '', label: 'Every category' }, ...categoryOptions]}
          disabled={rate !== null}
          {...form.getInputProps('categoryId')}
          onChange={(value) => form.setFieldValue('categoryId', value ?? '')}
        />
        <TextInput
          label="Rate (%)"
          required
          inputMode="decimal"
          placeholder="23"
          {...form.getInputProps('rate')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Save tax rate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
