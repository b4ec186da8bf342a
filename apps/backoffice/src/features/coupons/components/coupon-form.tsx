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
  CouponCreateDocument,
  CouponUpdateDocument,
  type CouponForm_CouponFragment,
  type CouponKind,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import {
  COUPON_FIELD_MAP,
  toCouponInput,
  toFormValues,
  validateCoupon,
  type CouponFormValues,
} from './coupon-form-values';

const KIND_OPTIONS: { value: CouponKind; label: string }[] = [
  { value: 'PERCENTAGE', label: 'Percentage off' },
  { value: 'FIXED', label: 'Fixed amount off' },
];

export function CouponFormModal({
  opened,
  onClose,
  ...props
}: {
  opened: boolean;
  onClose: () => void;
  sellerId: string | null;
  currency: string;
  coupon: CouponForm_CouponFragment | null;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={props.coupon ? `Edit ${props.coupon.code}` : 'New coupon'}
      size="lg"
      centered
    >
      {opened ? <CouponForm {...props} onDone={onClose} /> : null}
    </Modal>
  );
}

/**
 * A coupon's rule: percentage or fixed amount, optional minimum subtotal,
 * date window and usage limits. `sellerId` null: a platform-funded coupon.
 */
export function CouponForm({
  sellerId,
  currency,
  coupon,
  onDone,
}: {
  sellerId: string | null;
  currency: string;
  coupon: CouponForm_CouponFragment | null;
  onDone: () => void;
}) {
  const form = useForm<CouponFormValues>({
    initialValues: toFormValues(coupon, currency),
    validate: validateCoupon,
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form, {
    fieldMap: COUPON_FIELD_MAP,
  });
  const [create, createState] = useMutation(CouponCreateDocument, {
    refetchQueries: [sellerId ? 'SellerCoupons' : 'PlatformCoupons'],
  });
  const [update, updateState] = useMutation(CouponUpdateDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    const input = toCouponInput(values, sellerId);
    try {
      const errors: readonly PayloadError[] | undefined = coupon
        ? (await update({ variables: { id: coupon.id, input } })).data?.couponUpdate.errors
        : (await create({ variables: { input } })).data?.couponCreate.errors;
      if (!errors || apply(errors)) return;
      toast.success(coupon ? `${input.code} saved.` : `${input.code} created.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  const percentage = form.values.kind === 'PERCENTAGE';
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The coupon was not saved" />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Code"
            required
            description="What shoppers type at checkout"
            {...form.getInputProps('code')}
          />
          <Switch mt="lg" label="Active" {...form.getInputProps('active', { type: 'checkbox' })} />
        </SimpleGrid>
        <TextInput label="Description" {...form.getInputProps('description')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="coupon-kind-label">
            Discount
          </Text>
          <SegmentedControl
            aria-labelledby="coupon-kind-label"
            data={KIND_OPTIONS}
            {...form.getInputProps('kind')}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {percentage ? (
            <TextInput
              label="Percent off"
              required
              inputMode="decimal"
              placeholder="10"
              {...form.getInputProps('percent')}
            />
          ) : (
            <TextInput
              label="Amount off"
              required
              inputMode="decimal"
              placeholder="5.00"
              {...form.getInputProps('amountOff')}
            />
          )}
          <TextInput
            label="Currency"
            maxLength={3}
            required={!percentage}
            description={percentage ? 'Of the minimum subtotal, if any' : undefined}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label="Minimum subtotal"
            inputMode="decimal"
            description="Empty: no minimum"
            {...form.getInputProps('minSubtotal')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Starts"
            type="datetime-local"
            description="Empty: now"
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            label="Ends"
            type="datetime-local"
            description="Empty: no end"
            {...form.getInputProps('endsAt')}
          />
          <TextInput
            label="Uses in total"
            inputMode="numeric"
            description="Empty: unlimited"
            {...form.getInputProps('usageLimit')}
          />
          <TextInput
            label="Uses per customer"
            inputMode="numeric"
            description="Empty: unlimited"
            {...form.getInputProps('perCustomerLimit')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createState.loading || updateState.loading}>
            {coupon ? 'Save coupon' : 'Create coupon'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
