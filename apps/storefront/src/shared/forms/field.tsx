import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import styles from './form.module.css';

interface FrameProps {
  label: string;
  /** Help shown under the label, read with the field. */
  hint?: ReactNode;
  /** The payload's error for this field. */
  error?: string | undefined;
  required?: boolean | undefined;
  id?: string | undefined;
  className?: string | undefined;
}

interface ControlProps {
  id: string;
  className: string | undefined;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Label, hint and error around one control, wired with aria-describedby and aria-invalid. */
function FieldFrame({
  label,
  hint,
  error,
  required,
  id,
  className,
  children,
}: FrameProps & { children: (control: ControlProps) => ReactNode }) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={controlId} className={styles.label}>
        {label}
        {required ? null : <span className={styles.optional}> (optional)</span>}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        className: styles.control,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy,
      })}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type FieldProps<E> = FrameProps & E & { name: string };

export function TextField({
  label,
  hint,
  error,
  id,
  className,
  ...input
}: FieldProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <FieldFrame {...{ label, hint, error, id, className }} required={input.required}>
      {(control) => <input type="text" {...input} {...control} />}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  ...textarea
}: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <FieldFrame {...{ label, hint, error, id, className }} required={textarea.required}>
      {(control) => <textarea rows={4} {...textarea} {...control} />}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  children,
  ...select
}: FieldProps<SelectHTMLAttributes<HTMLSelectElement>>) {
  return (
    <FieldFrame {...{ label, hint, error, id, className }} required={select.required}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  className,
  id,
  ...input
}: { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const controlId = id ?? autoId;
  return (
    <div className={[styles.checkbox, className].filter(Boolean).join(' ')}>
      <input type="checkbox" id={controlId} {...input} />
      <label htmlFor={controlId}>{label}</label>
    </div>
  );
}
