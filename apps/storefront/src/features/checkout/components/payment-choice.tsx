import { useId } from 'react';
import type { PaymentMethod } from '../../../generated/checkout';
import { useMessages } from '../../../shared/i18n/messages';
import { checkoutMessages } from '../messages';
import styles from './checkout.module.css';
import { ProblemList } from './problem-list';

export interface PaymentChoiceProps {
  /** Only what the API offers for this order. */
  methods: readonly PaymentMethod[];
  chosen: PaymentMethod | null;
  walletBalance: { amount: number; formatted: string } | null;
  /** The grand total, to say when the wallet does not cover it. */
  total: number;
  problems: readonly string[];
  onChoose: (method: PaymentMethod) => void;
  disabled?: boolean;
}

/** How to pay, among the methods the API offers for this order. */
export function PaymentChoice({
  methods,
  chosen,
  walletBalance,
  total,
  problems,
  onChoose,
  disabled,
}: PaymentChoiceProps) {
  const m = useMessages(checkoutMessages);
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.paymentHeading}</h2>
      <fieldset
        disabled={disabled}
        aria-describedby={problems.length ? `${id}-problems` : undefined}
      >
        <legend className="visually-hidden">{m.paymentHeading}</legend>
        {methods.map((method) => (
          <label key={method} className={styles.option}>
            <input
              type="radio"
              name={`${id}-method`}
              value={method}
              checked={chosen === method}
              onChange={() => onChoose(method)}
            />
            <span className={styles.optionText}>
              <span>{m[method]}</span>
              {method === 'WALLET' && walletBalance ? (
                <span className={styles.muted}>{m.walletBalance(walletBalance.formatted)}</span>
              ) : null}
              {method === 'WALLET' && walletBalance && walletBalance.amount < total ? (
                <span className={styles.muted}>{m.walletShort}</span>
              ) : null}
              {method === 'IN_STORE' ? <span className={styles.muted}>{m.inStoreHint}</span> : null}
            </span>
          </label>
        ))}
        {methods.length ? null : <p className={styles.muted}>{m.noPaymentMethods}</p>}
      </fieldset>
      <ProblemList problems={problems} id={`${id}-problems`} />
    </section>
  );
}
