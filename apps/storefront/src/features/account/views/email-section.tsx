import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  AccountEmailVerificationSendDocument,
  type EmailStatusUserFragment,
} from '../../../generated/account';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { EmailStatus } from '../components/email-status';

/** The address's confirmation status, and "resend the confirmation e-mail". */
export function EmailSection({ user }: { user: EmailStatusUserFragment }) {
  const [send, { loading }] = useMutation(AccountEmailVerificationSendDocument);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  async function onResend() {
    setResult(null);
    try {
      const { data } = await send();
      const error = data?.emailVerificationSend.errors[0];
      setResult(
        !error
          ? { ok: true, message: `We sent a new confirmation link to ${user.email}.` }
          : error.code === 'ALREADY_VERIFIED'
            ? { ok: true, message: 'Your e-mail address is already confirmed.' }
            : { ok: false, message: error.message },
      );
    } catch (error) {
      setResult({
        ok: false,
        message: describeApiError(error as ErrorLike) ?? 'The e-mail could not be sent.',
      });
    }
  }

  return <EmailStatus user={user} onResend={onResend} sending={loading} result={result} />;
}
