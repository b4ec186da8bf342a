import { useState, type FormEvent, type RefObject } from 'react';
import { SelectField, TextField } from '../../../shared/forms/field';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useMessages } from '../../../shared/i18n/messages';
import { parseAmount } from '../amount';
import { walletMessages } from '../messages';
import styles from './wallet.module.css';

export interface WithdrawalFormProps {
  currencies: readonly string[];
  pending: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  fieldErrors: Partial<Record<'amount' | 'currency', string>>;
  formErrors: readonly string[];
  done: boolean;
  /** Amount in minor units; null when what was typed is not an amount. */
  onSubmit: (amount: number | null, currency: string) => void;
}

/** How much to withdraw, in which currency; the API's coded errors show beside the field. */
export function WithdrawalForm({
  currencies,
  pending,
  formRef,
  fieldErrors,
  formErrors,
  done,
  onSubmit,
}: WithdrawalFormProps) {
  const m = useMessages(walletMessages);
  const [currency, setCurrency] = useState(currencies[0] ?? '');
  const [amount, setAmount] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(parseAmount(amount, currency), currency);
  }

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={submit}
      aria-label={m.withdrawHeading}
      noValidate
    >
      <FormAlert errors={formErrors} />
      <div className={styles.inline}>
        <TextField
          label={m.amountLabel(currency)}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={fieldErrors.amount}
        />
        {currencies.length > 1 ? (
          <SelectField
            label={m.currency}
            name="currency"
            required
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
            error={fieldErrors.currency}
          >
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel={m.requesting}>
          {m.requestWithdrawal}
        </SubmitButton>
      </div>
      <FormSuccess>{done ? m.requested : null}</FormSuccess>
    </form>
  );
}
