import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { LogInDocument } from '../../../generated/auth';
import { safeNextPath } from '../../../shared/auth/next-path';
import { useSession } from '../../../shared/auth/use-session';
import { TextField } from '../../../shared/forms/field';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import formStyles from '../../../shared/forms/form.module.css';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FormPage } from '../../../shared/layout/form-page';

const FIELDS = ['email', 'password'] as const;

/** What each refusal of sessionCreate means for the person at the keyboard. */
const LOG_IN_MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS:
    'That e-mail and password do not match an account. Check them and try again.',
  ACCOUNT_LOCKED:
    'This account is locked after too many failed log-in attempts, to protect it. Contact support to unlock it.',
  ACCOUNT_DISABLED:
    'This account has been disabled. Contact support if you think this is a mistake.',
  TOO_MANY_ATTEMPTS: 'Too many log-in attempts. Wait a few minutes, then try again.',
};

/** /log-in: e-mail and password, then back to `?next=` (a path of this shop) or home. */
export function LogInView() {
  useDocumentTitle('Log in');
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [logIn, { loading }] = useMutation(LogInDocument, { fetchPolicy: 'no-cache' });
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(
    FIELDS,
    LOG_IN_MESSAGES,
  );

  if (status === 'signedIn') return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    try {
      const { data } = await logIn({
        variables: {
          input: {
            email: String(values.get('email')).trim(),
            password: String(values.get('password')),
          },
        },
      });
      const payload = data?.sessionCreate;
      if (payload?.session) signIn(payload.session);
      else show(payload?.errors ?? []);
    } catch (error) {
      showRequestError(error);
    }
  }

  const signUp = params.get('next') ? `/sign-up?${new URLSearchParams({ next })}` : '/sign-up';
  return (
    <FormPage
      title="Log in"
      footer={
        <p>
          New here? <Link to={signUp}>Create an account</Link>
        </p>
      }
    >
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
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.password}
        />
        <div className={formStyles.actions}>
          <SubmitButton pending={loading} pendingLabel="Logging in…">
            Log in
          </SubmitButton>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
    </FormPage>
  );
}
