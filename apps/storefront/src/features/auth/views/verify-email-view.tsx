import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { VerifyEmailDocument, VerifyEmailResendDocument } from '../../../generated/auth';
import { useSession } from '../../../shared/auth/use-session';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FormPage } from '../../../shared/layout/form-page';
import { Button } from '../../../shared/ui/button';
import { buttonClassName } from '../../../shared/ui/button-class';
import { LoadingState } from '../../../shared/ui/loading-state';
import type { ErrorLike } from '@apollo/client';

type Outcome =
  { state: 'verifying' } | { state: 'verified' } | { state: 'failed'; message: string };

const TOKEN_PROBLEMS: Record<string, string> = {
  TOKEN_EXPIRED: 'This confirmation link has expired: links only work for a limited time.',
  TOKEN_INVALID:
    'This confirmation link is not valid: it may have been used already, or copied incompletely.',
};

/** /verify-email?token=…: confirms the e-mail address as soon as the page opens. */
export function VerifyEmailView() {
  useDocumentTitle('Confirm your e-mail address');
  const token = useSearchParams()[0].get('token');
  const { status } = useSession();
  const [verify] = useMutation(VerifyEmailDocument);
  const [outcome, setOutcome] = useState<Outcome>(() =>
    token ? { state: 'verifying' } : { state: 'failed', message: TOKEN_PROBLEMS.TOKEN_INVALID! },
  );

  // Once per token: the link is single-use, so a second call (React's strict mode
  // runs effects twice in development) would report it as spent.
  const verifiedToken = useRef<string | null>(null);
  useEffect(() => {
    if (!token || verifiedToken.current === token) return;
    verifiedToken.current = token;
    verify({ variables: { input: { token } } }).then(
      ({ data }) => {
        const error = data?.emailVerify.errors[0];
        setOutcome(
          error
            ? { state: 'failed', message: TOKEN_PROBLEMS[error.code] ?? error.message }
            : { state: 'verified' },
        );
      },
      (error: ErrorLike) =>
        setOutcome({
          state: 'failed',
          message: `We could not confirm your address just now. ${describeApiError(error) ?? ''} Reload the page to try again.`,
        }),
    );
  }, [token, verify]);

  if (outcome.state === 'verifying') {
    return (
      <FormPage title="Confirm your e-mail address">
        <LoadingState label="Confirming your e-mail address" />
      </FormPage>
    );
  }

  if (outcome.state === 'verified') {
    return (
      <FormPage title="E-mail address confirmed">
        <FormSuccess>
          <p>Thank you: your e-mail address is confirmed.</p>
        </FormSuccess>
        <p>
          {status === 'signedIn' ? (
            <Link to="/account" className={buttonClassName('primary')}>
              Go to your account
            </Link>
          ) : (
            <Link to="/" className={buttonClassName('primary')}>
              Start shopping
            </Link>
          )}
        </p>
      </FormPage>
    );
  }

  return (
    <FormPage title="Confirm your e-mail address">
      <FormAlert errors={[outcome.message]} />
      {status === 'signedIn' ? (
        <ResendLink />
      ) : status === 'signedOut' ? (
        <p>
          <Link to="/log-in?next=/account">Log in</Link> to get a new link.
        </p>
      ) : null}
    </FormPage>
  );
}

/** "Send a new link", for a signed-in user whose link failed. */
function ResendLink() {
  const [resend, { loading }] = useMutation(VerifyEmailResendDocument);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  async function onResend() {
    try {
      const { data } = await resend();
      const error = data?.emailVerificationSend.errors[0];
      setResult(
        !error
          ? { ok: true, message: 'We sent a new link to your e-mail address.' }
          : error.code === 'ALREADY_VERIFIED'
            ? { ok: true, message: 'Your e-mail address is already confirmed.' }
            : { ok: false, message: error.message },
      );
    } catch (error) {
      setResult({ ok: false, message: describeApiError(error as ErrorLike) ?? 'Try again.' });
    }
  }

  return (
    <>
      <p>
        <Button onClick={onResend} disabled={loading}>
          Send a new link
        </Button>
      </p>
      {result?.ok ? (
        <FormSuccess>
          <p>{result.message}</p>
        </FormSuccess>
      ) : (
        <FormAlert errors={result ? [result.message] : []} />
      )}
    </>
  );
}
