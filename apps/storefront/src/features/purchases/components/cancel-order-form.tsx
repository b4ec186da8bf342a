import { useState, type FormEvent, type RefObject } from 'react';
import { TextAreaField } from '../../../shared/forms/field';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useMessages } from '../../../shared/i18n/messages';
import { Button } from '../../../shared/ui/button';
import { purchasesMessages } from '../messages';
import styles from './purchases.module.css';

export interface CancelOrderFormProps {
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  /** The payload's error on `reason`, shown beside it. */
  reasonError: string | undefined;
  formErrors: readonly string[];
  onCancel: (reason: string) => void;
  onClose: () => void;
}

/** Why the shopper cancels: required (3 to 500 characters), sent to the seller. */
export function CancelOrderForm({
  formRef,
  pending,
  reasonError,
  formErrors,
  onCancel,
  onClose,
}: CancelOrderFormProps) {
  const m = useMessages(purchasesMessages);
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onCancel(reason.trim());
  }
  return (
    <form
      ref={formRef}
      className={styles.order}
      onSubmit={submit}
      aria-label={m.cancelHeading}
      noValidate
    >
      <h2>{m.cancelHeading}</h2>
      <FormAlert errors={formErrors} />
      <TextAreaField
        label={m.cancelReason}
        name="reason"
        required
        minLength={3}
        maxLength={500}
        hint={m.cancelReasonHint}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
        autoFocus
      />
      <div className={styles.actions}>
        <SubmitButton pending={pending} variant="danger" pendingLabel={m.cancelling}>
          {m.confirmCancel}
        </SubmitButton>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          {m.keepOrder}
        </Button>
      </div>
    </form>
  );
}
