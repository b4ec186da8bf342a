import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

import { WalletCreditDocument, WalletUserSearchDocument } from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { newIdempotencyKey } from '../../../shared/forms/idempotency-key';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { formatMinor, isKnownCurrency, toMinorUnits } from '../../offers/money';

interface CreditValues {
  userId: string;
  amount: string;
  currency: string;
  reason: string;
}

/** Credits a user's wallet from the platform (walletCredit), once per attempt's idempotency key. */
export function CreditForm({ currency, onDone }: { currency: string; onDone: () => void }) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const users = useQuery(WalletUserSearchDocument, {
    variables: { search: query },
    skip: query.length < 2,
  });
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<CreditValues>({
    initialValues: { userId: '', amount: '', currency, reason: '' },
    validate: {
      userId: (value) => (value ? null : 'Find the user by e-mail.'),
      currency: (value) => (isKnownCurrency(value) ? null : 'A three-letter ISO 4217 code.'),
      amount: (value, values) => {
        const parsed = toMinorUnits(
          value,
          isKnownCurrency(values.currency) ? values.currency : 'EUR',
          {
            unit: 'amount',
          },
        );
        if (!parsed.ok) return parsed.message;
        return parsed.value > 0 ? null : 'More than zero.';
      },
      reason: (value) => (value.trim().length < 3 ? 'Say why (the user sees it).' : null),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [credit, { loading }] = useMutation(WalletCreditDocument);
  const options =
    (users.data ?? users.previousData)?.users.edges.map(({ node }) => ({
      value: node.id,
      label: `${node.email} (${node.name})`,
    })) ?? [];

  const submit = form.onSubmit(async (values) => {
    clear();
    const code = values.currency.trim().toUpperCase();
    const amount = toMinorUnits(values.amount, code);
    if (!amount.ok) return;
    try {
      const { data } = await credit({
        variables: {
          input: {
            userId: values.userId,
            amount: amount.value,
            currency: code,
            reason: values.reason.trim(),
            idempotencyKey,
          },
        },
      });
      const payload = data?.walletCredit;
      if (!payload) return;
      setIdempotencyKey(newIdempotencyKey());
      if (apply(payload.errors)) return;
      toast.success(
        `${formatMinor(amount.value, code)} credited${payload.balance ? `; the wallet now holds ${payload.balance.available.formatted}` : ''}.`,
      );
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The wallet was not credited" />
      <Stack gap="md">
        <Select
          label="User"
          required
          searchable
          placeholder="Type an e-mail"
          nothingFoundMessage={query.length < 2 ? 'Type at least two characters' : 'No such user'}
          data={options}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          {...form.getInputProps('userId')}
          onChange={(value) => form.setFieldValue('userId', value ?? '')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Amount"
            required
            inputMode="decimal"
            {...form.getInputProps('amount')}
          />
          <TextInput label="Currency" required maxLength={3} {...form.getInputProps('currency')} />
        </SimpleGrid>
        <Textarea label="Reason" required minRows={2} {...form.getInputProps('reason')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Credit wallet
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
