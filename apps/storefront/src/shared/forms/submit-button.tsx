import type { ReactNode } from 'react';
import { buttonClassName, type ButtonVariant } from '../ui/button-class';
import styles from './form.module.css';

export interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  variant?: ButtonVariant;
  /** Read while pending ("Logging in…"). */
  pendingLabel?: string;
}

/**
 * A form's submit button. While the request is on its way it is disabled and shows a
 * spinner over its label, keeping its size: nothing around it moves.
 */
export function SubmitButton({
  pending,
  children,
  variant = 'primary',
  pendingLabel = 'Sending…',
}: SubmitButtonProps) {
  return (
    <>
      <button
        type="submit"
        disabled={pending}
        className={buttonClassName(variant, 'medium', pending ? styles.pending : styles.submit)}
      >
        <span className={styles.submitLabel}>{children}</span>
        {pending ? <span className={styles.submitSpinner} aria-hidden="true" /> : null}
      </button>
      <span className="visually-hidden" role="status">
        {pending ? pendingLabel : ''}
      </span>
    </>
  );
}
