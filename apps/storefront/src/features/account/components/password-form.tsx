import type { FormEvent, RefObject } from 'react';
import type { PasswordFormUserFragment } from '../../../generated/account';
import { TextField } from '../../../shared/forms/field';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { PASSWORD_MIN_LENGTH, PasswordHint } from '../../../shared/forms/password-hint';
import { SubmitButton } from '../../../shared/forms/submit-button';
import formStyles from '../../../shared/forms/form.module.css';

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordFormProps {
  user: PasswordFormUserFragment;
  /** Resolves true when the password changed (the form then empties itself). */
  onSubmit: (values: PasswordValues) => Promise<boolean>;
  pending: boolean;
  changed: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  fieldErrors: Partial<Record<'currentPassword' | 'newPassword', string>>;
  formErrors: readonly string[];
}

export function PasswordForm({
  user,
  onSubmit,
  pending,
  changed,
  formRef,
  fieldErrors,
  formErrors,
}: PasswordFormProps) {
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const ok = await onSubmit({
      currentPassword: String(values.get('currentPassword')),
      newPassword: String(values.get('newPassword')),
    });
    if (ok) form.reset();
  }

  return (
    <form ref={formRef} className={formStyles.form} onSubmit={submit}>
      <FormAlert errors={formErrors} />
      {/* For password managers: which account this password belongs to. */}
      <input
        type="email"
        name="username"
        autoComplete="username"
        value={user.email}
        readOnly
        hidden
      />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        hint={<PasswordHint />}
        error={fieldErrors.newPassword}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} pendingLabel="Changing your password…">
          Change password
        </SubmitButton>
      </div>
      <FormSuccess>{changed ? <p>Your password has been changed.</p> : null}</FormSuccess>
    </form>
  );
}
