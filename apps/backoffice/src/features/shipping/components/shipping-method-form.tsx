import { useMutation } from '@apollo/client/react';
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';

import {
  ShippingMethodCreateDocument,
  ShippingMethodForm_MethodFragmentDoc,
  ShippingMethodUpdateDocument,
  type ShippingMethodForm_MethodFragment,
  type ShippingMethodKind,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { remapErrorFields } from '../../../shared/forms/remap-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import {
  toFormValues,
  toShippingMethodInput,
  validateShippingMethod,
  type ShippingMethodFormValues,
} from './shipping-method-form-values';

const KIND_OPTIONS: { value: ShippingMethodKind; label: string }[] = [
  { value: 'FLAT', label: 'Flat fee' },
  { value: 'BY_WEIGHT', label: 'By weight' },
];

/** Creates a shipping method for the seller, or edits one (fragment: shipping-method-form.graphql). */
export function ShippingMethodFormModal({
  opened,
  onClose,
  ...props
}: {
  opened: boolean;
  onClose: () => void;
  sellerId: string;
  currency: string;
  method: ShippingMethodForm_MethodFragment | null;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={props.method ? `Edit ${props.method.name}` : 'Add a shipping method'}
      size="lg"
      centered
    >
      {opened ? <ShippingMethodForm {...props} onDone={onClose} /> : null}
    </Modal>
  );
}

export function ShippingMethodForm({
  sellerId,
  currency,
  method,
  onDone,
}: {
  sellerId: string;
  /** Default currency of a new method (the shop's). */
  currency: string;
  method: ShippingMethodForm_MethodFragment | null;
  onDone: () => void;
}) {
  const form = useForm<ShippingMethodFormValues>({
    initialValues: toFormValues(method, currency),
    validate: validateShippingMethod,
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [create, createState] = useMutation(ShippingMethodCreateDocument, {
    update(cache, { data }) {
      const created = data?.shippingMethodCreate.shippingMethod;
      if (!created) return;
      const ref = cache.writeFragment({
        fragment: ShippingMethodForm_MethodFragmentDoc,
        data: created,
      });
      cache.modify({
        id: cache.identify({ __typename: 'Seller', id: sellerId }),
        fields: {
          shippingMethods: (existing) => (Array.isArray(existing) ? [...existing, ref] : existing),
        },
      });
    },
  });
  const [update, updateState] = useMutation(ShippingMethodUpdateDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    const input = toShippingMethodInput(values);
    try {
      const errors: readonly PayloadError[] | undefined = method
        ? (await update({ variables: { id: method.id, input } })).data?.shippingMethodUpdate.errors
        : (await create({ variables: { sellerId, input } })).data?.shippingMethodCreate.errors;
      // "countries.1" (one code of the list) belongs to the countries field.
      if (!errors || apply(remapErrorFields(errors, { 'countries.*': 'countries' }))) return;
      toast.success(method ? `${input.name} saved.` : `${input.name} added.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  const byWeight = form.values.kind === 'BY_WEIGHT';
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The shipping method was not saved" />
      <Stack gap="md">
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="shipping-kind-label">
            Pricing
          </Text>
          <SegmentedControl
            aria-labelledby="shipping-kind-label"
            data={KIND_OPTIONS}
            {...form.getInputProps('kind')}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Currency"
            required
            maxLength={3}
            description="ISO 4217, e.g. EUR"
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={byWeight ? 'Base fee' : 'Fee'}
            required
            inputMode="decimal"
            placeholder="4.90"
            {...form.getInputProps('flatFee')}
          />
          {byWeight ? (
            <TextInput
              label="Per started kilogram"
              required
              inputMode="decimal"
              placeholder="1.00"
              {...form.getInputProps('perKgFee')}
            />
          ) : null}
          <TextInput
            label="Free over"
            inputMode="decimal"
            description="Order subtotal from which delivery is free; empty: never"
            {...form.getInputProps('freeOver')}
          />
          <TextInput
            label="Fewest days"
            required
            inputMode="numeric"
            {...form.getInputProps('minDays')}
          />
          <TextInput
            label="Most days"
            required
            inputMode="numeric"
            {...form.getInputProps('maxDays')}
          />
        </SimpleGrid>
        <TextInput
          label="Countries"
          description="Two-letter codes separated by commas (PT, ES); empty: ships everywhere"
          {...form.getInputProps('countries')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Position"
            inputMode="numeric"
            description="Lower comes first at checkout"
            {...form.getInputProps('position')}
          />
          <Switch
            mt="lg"
            label="Offered to shoppers"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createState.loading || updateState.loading}>
            {method ? 'Save shipping method' : 'Add shipping method'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
