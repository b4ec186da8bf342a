import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';

import {
  WithdrawalDecideDocument,
  type WithdrawalsTable_WithdrawalFragment,
} from '../../../generated/graphql';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

/** Pays out (approve) or rejects a withdrawal request, with a note the user sees. */
export function DecideForm({
  withdrawal,
  approve,
  onDone,
}: {
  withdrawal: WithdrawalsTable_WithdrawalFragment;
  approve: boolean;
  onDone: () => void;
}) {
  const form = useForm({
    initialValues: { note: '' },
    validate: {
      note: (value: string) =>
        !approve && value.trim().length < 3
          ? 'Say why it is rejected.'
          : value.length > 500
            ? 'At most 500 characters.'
            : null,
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [decide, { loading }] = useMutation(WithdrawalDecideDocument);

  const submit = form.onSubmit(async (values) => {
    clear();
    try {
      const { data } = await decide({
        variables: { input: { id: withdrawal.id, approve, note: values.note.trim() || null } },
      });
      const errors = data?.withdrawalDecide.errors;
      if (!errors || apply(errors)) return;
      toast.success(
        approve ? 'Withdrawal paid out.' : 'Withdrawal rejected; the money is back in the wallet.',
      );
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  const who = withdrawal.user?.email ?? withdrawal.user?.name ?? 'the user';
  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="Nothing was decided" />
      <Stack gap="md">
        <Text size="sm">
          {approve
            ? `Pay ${withdrawal.amount.formatted} out to ${who}.`
            : `Reject ${who}’s request for ${withdrawal.amount.formatted}; the amount returns to their wallet.`}
        </Text>
        <Textarea
          label="Note"
          required={!approve}
          minRows={2}
          data-autofocus
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color={approve ? undefined : 'red'} loading={loading}>
            {approve ? 'Approve' : 'Reject'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
