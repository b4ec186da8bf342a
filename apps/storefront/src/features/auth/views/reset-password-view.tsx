import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ResetPasswordDocument } from '../../../generated/auth';
import { TextField } from '../../../shared/forms/field';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { PASSWORD_MIN_LENGTH, PasswordHint } from '../../../shared/forms/password-hint';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import formStyles from '../../../shared/forms/form.module.css';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FormPage } from '../../../shared/layout/form-page';

const FIELDS = ['newPassword'] as const;

const TOKEN_PROBLEMS: Record<string, string> = {
  TOKEN_EXPIRED: 'This reset link has expired: links only work for a limited time.',
  TOKEN_INVALID:
    'This reset link is not valid: it may have been used already, or copied incompletely.',
};

/** /reset-password?token=…: chooses a new password with the e-mailed link. */
export function ResetPasswordView() {
  useDocumentTitle('Choose a new password');
  const token = useSearchParams()[0].get('token');
  const [resetPassword, { loading }] = useMutation(ResetPasswordDocument);
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(FIELDS);
  const [tokenProblem, setTokenProblem] = useState<string | null>(
    token ? null : TOKEN_PROBLEMS.TOKEN_INVALID!,
  );
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get('newPassword'));
    try {
      const { data } = await resetPassword({
        variables: { input: { token: token ?? '', newPassword } },
      });
      const payload = data?.passwordReset;
      const problem = payload?.errors.find((error) => TOKEN_PROBLEMS[error.code]);
      if (problem) setTokenProblem(TOKEN_PROBLEMS[problem.code]!);
      else if (!show(payload?.errors ?? [])) setDone(true);
    } catch (error) {
      showRequestError(error);
    }
  }

  if (tokenProblem) {
    return (
      <FormPage title="Choose a new password">
        <FormAlert
          errors={[
            <>
              {tokenProblem} <Link to="/forgot-password">Ask for a new link</Link>.
            </>,
          ]}
        />
      </FormPage>
    );
  }

  if (done) {
    return (
      <FormPage title="Password changed">
        <FormSuccess>
          <p>Your password has been changed. Use it from now on to log in.</p>
        </FormSuccess>
        <p>
          <Link to="/log-in">Log in</Link>
        </p>
      </FormPage>
    );
  }

  return (
    <FormPage title="Choose a new password">
      <form ref={formRef} className={formStyles.form} onSubmit={onSubmit}>
        <FormAlert errors={formErrors} />
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
          <SubmitButton pending={loading} pendingLabel="Saving your new password…">
            Save new password
          </SubmitButton>
        </div>
      </form>
    </FormPage>
  );
}
