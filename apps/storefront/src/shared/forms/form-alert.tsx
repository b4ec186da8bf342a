import type { ReactNode } from 'react';
import styles from './form.module.css';

export interface FormAlertProps {
  /** Errors of the whole form; nothing is shown when empty. */
  errors: readonly ReactNode[];
}

/**
 * The top of a form: errors that name no field, or why the request failed. The
 * alert region is always in the page, so screen readers announce what appears in it.
 */
export function FormAlert({ errors }: FormAlertProps) {
  return (
    <div role="alert" className={errors.length ? styles.alert : undefined}>
      {errors.length === 1 ? (
        <p>{errors[0]}</p>
      ) : errors.length > 1 ? (
        <ul>
          {errors.map((error, index) => (
            <li key={index}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A confirmation after a form succeeded, announced politely. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <div role="status" className={children ? styles.success : undefined}>
      {children}
    </div>
  );
}
