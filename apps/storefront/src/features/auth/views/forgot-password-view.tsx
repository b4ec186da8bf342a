import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ForgotPasswordDocument } from '../../../generated/auth';
import { TextField } from '../../../shared/forms/field';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import formStyles from '../../../shared/forms/form.module.css';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FormPage } from '../../../shared/layout/form-page';

const FIELDS = ['email'] as const;

/**
 * /forgot-password: asks for a reset link. The answer is the same whether or not an
 * account exists for the address, so the page cannot be used to find accounts.
 */
export function ForgotPasswordView() {
  useDocumentTitle('Forgot your password?');
  const [requestReset, { loading }] = useMutation(ForgotPasswordDocument);
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(FIELDS);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email')).trim();
    try {
      const { data } = await requestReset({ variables: { input: { email } } });
      if (!show(data?.passwordResetRequest.errors ?? [])) setSentTo(email);
    } catch (error) {
      showRequestError(error);
    }
  }

  return (
    <FormPage
      title="Forgot your password?"
      intro={
        sentTo
          ? undefined
          : 'Enter the e-mail address of your account: we will send you a link to choose a new password.'
      }
      footer={
        <p>
          Remembered it? <Link to="/log-in">Log in</Link>
        </p>
      }
    >
      {sentTo ? (
        <FormSuccess>
          <p>
            If an account exists for <strong>{sentTo}</strong>, we sent it a link to reset the
            password. The link works once and expires soon; check your spam folder if it does not
            arrive within a few minutes.
          </p>
        </FormSuccess>
      ) : (
        <form ref={formRef} className={formStyles.form} onSubmit={onSubmit}>
          <FormAlert errors={formErrors} />
          <TextField
            label="E-mail"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            error={fieldErrors.email}
          />
          <div className={formStyles.actions}>
            <SubmitButton pending={loading} pendingLabel="Sending the link…">
              Send me a link
            </SubmitButton>
          </div>
        </form>
      )}
    </FormPage>
  );
}
