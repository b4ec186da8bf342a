import type { EmailStatusUserFragment } from '../../../generated/account';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { Button } from '../../../shared/ui/button';
import styles from './account.module.css';

export interface EmailStatusProps {
  user: EmailStatusUserFragment;
  onResend: () => void;
  sending: boolean;
  /** What the last resend did: a confirmation or an error. */
  result: { ok: boolean; message: string } | null;
}

/** The account's e-mail address and whether it is confirmed, with a way to confirm it. */
export function EmailStatus({ user, onResend, sending, result }: EmailStatusProps) {
  return (
    <div className={styles.stack}>
      <p className={styles.emailLine}>
        <span className={styles.email}>{user.email}</span>
        {user.emailVerified ? (
          <span className={[styles.badge, styles.badgeOk].join(' ')}>Confirmed</span>
        ) : (
          <span className={[styles.badge, styles.badgeWarn].join(' ')}>Not confirmed</span>
        )}
      </p>
      {user.emailVerified ? null : (
        <>
          <p className={styles.muted}>
            Confirm your address with the link we e-mailed you: we need it to reach you about your
            orders. No e-mail? Send a new one.
          </p>
          <p>
            <Button variant="secondary" onClick={onResend} disabled={sending}>
              Resend confirmation e-mail
            </Button>
          </p>
        </>
      )}
      {result?.ok ? (
        <FormSuccess>
          <p>{result.message}</p>
        </FormSuccess>
      ) : (
        <FormAlert errors={result ? [result.message] : []} />
      )}
    </div>
  );
}
