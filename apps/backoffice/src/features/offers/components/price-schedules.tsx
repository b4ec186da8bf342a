import { useMutation } from '@apollo/client/react';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import {
  PriceScheduleCancelDocument,
  PriceScheduleCreateDocument,
  type PriceSchedules_ScheduleFragment,
} from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { formatDateTime } from '../../../shared/format/date';
import { IconTrash } from '../../../shared/icons';
import { localDateTimeToIso, localDateTimeValue } from '../datetime';
import { toMinorUnits } from '../money';
import { ScheduleStateBadge } from './offer-badges';

const CANCELLABLE = new Set(['PENDING', 'RUNNING']);

/**
 * An offer's scheduled price changes: the list with their state (scheduled,
 * running, ended, cancelled), cancelling one, and scheduling a new one.
 */
export function PriceSchedules({
  offerId,
  currency,
  schedules,
  canManage,
}: {
  offerId: string;
  currency: string;
  schedules: readonly PriceSchedules_ScheduleFragment[];
  canManage: boolean;
}) {
  const [cancelling, setCancelling] = useState<PriceSchedules_ScheduleFragment | null>(null);
  const [cancel, { loading: cancellingNow }] = useMutation(PriceScheduleCancelDocument, {
    refetchQueries: ['OfferDetail'],
  });
  const sorted = [...schedules].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  const confirmCancel = async () => {
    if (!cancelling) return;
    try {
      const { data } = await cancel({ variables: { id: cancelling.id } });
      const errors = data?.priceScheduleCancel.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The schedule was not cancelled',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success('Schedule cancelled.');
      setCancelling(null);
    } catch (error) {
      toast.error({ title: 'The schedule was not cancelled', error });
    }
  };

  return (
    <Stack gap="lg">
      {sorted.length === 0 ? (
        <Text c="dimmed" size="sm">
          No price change is scheduled.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table aria-label="Price schedules" striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th>Starts</Table.Th>
                <Table.Th>Ends</Table.Th>
                <Table.Th>State</Table.Th>
                {canManage ? (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((schedule) => (
                <Table.Tr key={schedule.id}>
                  <Table.Td ta="right">
                    <Text size="sm" fw={500}>
                      {schedule.price.formatted}
                    </Text>
                    {schedule.compareAtPrice ? (
                      <Text size="xs" c="dimmed" td="line-through">
                        {schedule.compareAtPrice.formatted}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDateTime(schedule.startsAt)}</Table.Td>
                  <Table.Td>
                    {schedule.endsAt ? formatDateTime(schedule.endsAt) : 'Stays until changed'}
                  </Table.Td>
                  <Table.Td>
                    <ScheduleStateBadge state={schedule.state} />
                  </Table.Td>
                  {canManage ? (
                    <Table.Td ta="right">
                      {CANCELLABLE.has(schedule.state) ? (
                        <Tooltip label="Cancel schedule">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Cancel the schedule starting ${formatDateTime(schedule.startsAt)}`}
                            onClick={() => setCancelling(schedule)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage ? <ScheduleForm offerId={offerId} currency={currency} /> : null}
      <ConfirmDialog
        opened={cancelling !== null}
        title="Cancel this price schedule?"
        confirmLabel="Cancel schedule"
        loading={cancellingNow}
        onConfirm={() => void confirmCancel()}
        onClose={() => setCancelling(null)}
      >
        <Text size="sm">
          {cancelling?.state === 'RUNNING'
            ? 'The price goes back to what it was before the schedule started.'
            : 'The price will not change at the scheduled time.'}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

interface ScheduleValues {
  price: string;
  compareAtPrice: string;
  startsAt: string;
  endsAt: string;
}

function ScheduleForm({ offerId, currency }: { offerId: string; currency: string }) {
  const form = useForm<ScheduleValues>({
    initialValues: {
      price: '',
      compareAtPrice: '',
      startsAt: localDateTimeValue(60),
      endsAt: '',
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [create, { loading }] = useMutation(PriceScheduleCreateDocument, {
    refetchQueries: ['OfferDetail'],
    awaitRefetchQueries: true,
  });

  const submit = form.onSubmit(async (values) => {
    clear();
    const errors: Record<string, string> = {};
    const price = toMinorUnits(values.price, currency);
    if (!price.ok) errors['price'] = price.message;
    const compareAt = values.compareAtPrice.trim()
      ? toMinorUnits(values.compareAtPrice, currency, { unit: 'compare-at price' })
      : null;
    if (compareAt && !compareAt.ok) errors['compareAtPrice'] = compareAt.message;
    const startsAt = localDateTimeToIso(values.startsAt);
    if (!startsAt) errors['startsAt'] = 'Choose when the price starts.';
    const endsAt = values.endsAt ? localDateTimeToIso(values.endsAt) : null;
    if (values.endsAt && !endsAt) errors['endsAt'] = 'Choose a valid end, or leave it empty.';
    if (startsAt && endsAt && endsAt <= startsAt)
      errors['endsAt'] = 'The end must come after the start.';
    if (Object.keys(errors).length > 0 || !price.ok || !startsAt) {
      form.setErrors(errors);
      return;
    }
    try {
      const { data } = await create({
        variables: {
          input: {
            offerId,
            price: price.value,
            compareAtPrice: compareAt?.ok ? compareAt.value : null,
            startsAt,
            endsAt,
          },
        },
      });
      if (!data || apply(data.priceScheduleCreate.errors)) return;
      toast.success('Price change scheduled.');
      form.reset();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="schedule-form-title">
      <Title order={3} size="h5" mb="sm" id="schedule-form-title">
        Schedule a price change
      </Title>
      <form onSubmit={submit} noValidate>
        <FormErrors errors={formErrors} title="The schedule was not created" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={`Price (${currency})`}
            inputMode="decimal"
            required
            {...form.getInputProps('price')}
          />
          <TextInput
            label={`Compare-at price (${currency})`}
            inputMode="decimal"
            description="Optional, e.g. the regular price during a sale."
            {...form.getInputProps('compareAtPrice')}
          />
          <TextInput
            type="datetime-local"
            label="Starts"
            description="A start in the past applies at once."
            required
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label="Ends"
            description="Empty: the new price stays until changed."
            {...form.getInputProps('endsAt')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={loading}>
            Schedule
          </Button>
        </Group>
      </form>
    </Card>
  );
}
