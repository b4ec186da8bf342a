import { useMutation } from '@apollo/client/react';
import { lazy, Suspense, useRef, useState, type FormEvent } from 'react';
import { WalletTopUpDocument } from '../../../generated/wallet';
import { TextField } from '../../../shared/forms/field';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { useMessages } from '../../../shared/i18n/messages';
import { LoadingState } from '../../../shared/ui/loading-state';
import { parseAmount } from '../amount';
import { walletMessages } from '../messages';
import styles from './wallet.module.css';

const StripePayment = lazy(() => import('../../checkout/components/stripe-payment'));

const FIELDS = ['amount'] as const;

/** A card top-up: the API opens a PaymentIntent, the Payment Element confirms it. */
export function TopUpForm({
  currency,
  publishableKey,
}: {
  currency: string;
  publishableKey: string;
}) {
  const m = useMessages(walletMessages);
  const [amount, setAmount] = useState('');
  const [session, setSession] = useState<{ clientSecret: string; total: string } | null>(null);
  const [topUp, toppingUp] = useMutation(WalletTopUpDocument);
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(FIELDS, {
    STRIPE_NOT_CONFIGURED: m.STRIPE_NOT_CONFIGURED,
  });
  // One key per amount: a retry after a lost answer reuses the PaymentIntent.
  const attempt = useRef<{ amount: number; key: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minor = parseAmount(amount, currency);
    if (minor === null) {
      show([{ code: 'AMOUNT_INVALID', field: 'amount', message: m.amountInvalid }]);
      return;
    }
    if (attempt.current?.amount !== minor)
      attempt.current = { amount: minor, key: crypto.randomUUID() };
    try {
      const result = await topUp({
        variables: { input: { amount: minor, currency, idempotencyKey: attempt.current.key } },
      });
      const payload = result.data?.walletTopUp;
      if (!payload) {
        showRequestError(result.error);
        return;
      }
      if (show(payload.errors)) return;
      if (payload.payment?.clientSecret) {
        setSession({ clientSecret: payload.payment.clientSecret, total: `${amount} ${currency}` });
      }
    } catch (e) {
      showRequestError(e);
    }
  }

  if (session) {
    return (
      <Suspense fallback={<LoadingState />}>
        <StripePayment
          publishableKey={publishableKey}
          clientSecret={session.clientSecret}
          returnUrl={new URL('/account/wallet?topped_up=1', window.location.origin).href}
          total={session.total}
        />
      </Suspense>
    );
  }

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      aria-label={m.topUpHeading}
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
      </div>
      <div>
        <SubmitButton pending={toppingUp.loading} pendingLabel={m.preparing}>
          {m.topUp}
        </SubmitButton>
      </div>
    </form>
  );
}
