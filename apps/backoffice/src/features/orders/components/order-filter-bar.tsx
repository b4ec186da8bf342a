import { Button, Group, MultiSelect, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';

import type { OrderStatus, PaymentMethod, SalesChannel } from '../../../generated/graphql';
import { hasOrderFilters, type OrderFilterValues } from '../order-filters';
import { CHANNEL_LABELS, ORDER_STATUS_LABELS, PAYMENT_METHOD_LABELS } from './order-labels';

const STATUS_OPTIONS = Object.entries(ORDER_STATUS_LABELS).map(([value, label]) => ({
  value,
  label,
}));
const PAYMENT_OPTIONS = [
  { value: '', label: 'Any payment' },
  ...Object.entries(PAYMENT_METHOD_LABELS).map(([value, label]) => ({ value, label })),
];
const CHANNEL_OPTIONS = [
  { value: '', label: 'Any channel' },
  ...Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label })),
];

const EMPTY: OrderFilterValues = {
  status: [],
  from: '',
  to: '',
  store: '',
  payment: '',
  channel: '',
  number: '',
};

/** The order list's filters; every change goes to the URL (see order-filters.ts). */
export function OrderFilterBar({
  values,
  stores,
  onChange,
}: {
  values: OrderFilterValues;
  stores: readonly { id: string; name: string }[];
  onChange: (values: OrderFilterValues) => void;
}) {
  const [number, setNumber] = useState(values.number);
  const [shownNumber, setShownNumber] = useState(values.number);
  // The URL changed under the input (back button, "Clear filters"): show it.
  if (values.number !== shownNumber) {
    setShownNumber(values.number);
    setNumber(values.number);
  }
  const commitNumber = () => {
    const cleaned = number.replace(/^#/, '').trim();
    if (cleaned === values.number) return;
    if (cleaned === '' || /^\d{1,9}$/.test(cleaned)) onChange({ ...values, number: cleaned });
  };
  const numberInvalid = number.trim() !== '' && !/^#?\d{1,9}$/.test(number.trim());

  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <TextInput
        label="Order number"
        placeholder="1042"
        w={130}
        inputMode="numeric"
        value={number}
        error={numberInvalid ? 'Digits only.' : undefined}
        onChange={(event) => setNumber(event.currentTarget.value)}
        onBlur={commitNumber}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitNumber();
        }}
      />
      <MultiSelect
        label="Status"
        placeholder={values.status.length ? undefined : 'Any status'}
        data={STATUS_OPTIONS}
        value={values.status}
        onChange={(status) => onChange({ ...values, status: status as OrderStatus[] })}
        clearable
        miw={200}
        maw={360}
      />
      <TextInput
        label="Placed from"
        type="date"
        value={values.from}
        onChange={(event) => onChange({ ...values, from: event.currentTarget.value })}
      />
      <TextInput
        label="Placed to"
        type="date"
        value={values.to}
        onChange={(event) => onChange({ ...values, to: event.currentTarget.value })}
      />
      {stores.length > 0 ? (
        <NativeSelect
          label="Store"
          data={[
            { value: '', label: 'Any store' },
            ...stores.map((s) => ({ value: s.id, label: s.name })),
          ]}
          value={values.store}
          onChange={(event) => onChange({ ...values, store: event.currentTarget.value })}
        />
      ) : null}
      <NativeSelect
        label="Payment"
        data={PAYMENT_OPTIONS}
        value={values.payment}
        onChange={(event) =>
          onChange({ ...values, payment: event.currentTarget.value as PaymentMethod | '' })
        }
      />
      <NativeSelect
        label="Channel"
        data={CHANNEL_OPTIONS}
        value={values.channel}
        onChange={(event) =>
          onChange({ ...values, channel: event.currentTarget.value as SalesChannel | '' })
        }
      />
      {hasOrderFilters(values) ? (
        <Button variant="subtle" onClick={() => onChange(EMPTY)}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
