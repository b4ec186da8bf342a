import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../../shared/forms/field';
import { useMessages } from '../../../shared/i18n/messages';
import { Button } from '../../../shared/ui/button';
import { checkoutMessages } from '../messages';
import styles from './checkout.module.css';

export interface CouponFieldProps {
  /** The code sent with the quote (applied or refused); null when none. */
  code: string | null;
  /** The API's applied coupon, when the code was accepted. */
  applied: { code: string; discount: { formatted: string } } | null;
  problems: readonly string[];
  onApply: (code: string | null) => void;
}

/** A coupon code, applied through the quote: the API says whether it counts and why not. */
export function CouponField({ code, applied, problems, onApply }: CouponFieldProps) {
  const m = useMessages(checkoutMessages);
  const [draft, setDraft] = useState(code ?? '');
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft.trim() || null);
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.couponHeading}</h2>
      <form className={styles.inline} onSubmit={submit} aria-label={m.couponHeading} noValidate>
        <TextField
          label={m.couponLabel}
          name="couponCode"
          autoComplete="off"
          required
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          error={problems.length ? problems.join(' ') : undefined}
        />
        <Button type="submit" variant="secondary">
          {m.applyCoupon}
        </Button>
        {code ? (
          <Button
            variant="secondary"
            onClick={() => {
              setDraft('');
              onApply(null);
            }}
          >
            {m.removeCoupon}
          </Button>
        ) : null}
      </form>
      <div role="status">
        {applied ? (
          <p className={styles.muted}>
            {m.couponApplied(applied.code, applied.discount.formatted)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
