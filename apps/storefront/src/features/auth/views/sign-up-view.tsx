import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { SignUpDocument } from '../../../generated/auth';
import { safeNextPath } from '../../../shared/auth/next-path';
import { useSession } from '../../../shared/auth/use-session';
import { TextField } from '../../../shared/forms/field';
import { FormAlert } from '../../../shared/forms/form-alert';
import { PASSWORD_MIN_LENGTH, PasswordHint } from '../../../shared/forms/password-hint';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import formStyles from '../../../shared/forms/form.module.css';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FormPage } from '../../../shared/layout/form-page';

const FIELDS = ['name', 'email', 'password'] as const;

/** /sign-up: creates an account and signs in; then on to `?next=` or the account page. */
export function SignUpView() {
  useDocumentTitle('Create an account');
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'), '/account');
  const [signUp, { loading }] = useMutation(SignUpDocument, { fetchPolicy: 'no-cache' });
  const { fieldErrors, formErrors, formRef, show, showRequestError } = useFormErrors(FIELDS);

  if (status === 'signedIn') return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    try {
      const { data } = await signUp({
        variables: {
          input: {
            name: String(values.get('name')).trim(),
            email: String(values.get('email')).trim(),
            password: String(values.get('password')),
          },
        },
      });
      const payload = data?.accountSignUp;
      if (payload?.session) signIn(payload.session);
      else show(payload?.errors ?? []);
    } catch (error) {
      showRequestError(error);
    }
  }

  const logIn = params.get('next') ? `/log-in?${new URLSearchParams({ next })}` : '/log-in';
  return (
    <FormPage
      title="Create an account"
      intro="One account to shop, follow your orders and, if you like, open your own shop."
      footer={
        <p>
          Already have an account? <Link to={logIn}>Log in</Link>
        </p>
      }
    >
      <form ref={formRef} className={formStyles.form} onSubmit={onSubmit}>
        <FormAlert errors={formErrors} />
        <TextField label="Name" name="name" autoComplete="name" required error={fieldErrors.name} />
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
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          hint={<PasswordHint />}
          error={fieldErrors.password}
        />
        <div className={formStyles.actions}>
          <SubmitButton pending={loading} pendingLabel="Creating your account…">
            Create account
          </SubmitButton>
        </div>
      </form>
    </FormPage>
  );
}
