import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  WalletPageDocument,
  WalletStripeKeyDocument,
  WalletWithdrawalRequestDocument,
} from '../../../generated/wallet';
import { RequireSession } from '../../../shared/auth/require-session';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { formatDateTime } from '../../../shared/i18n/dates';
import { useLocale, useMessages } from '../../../shared/i18n/messages';
import { Container } from '../../../shared/layout/container';
import { Button } from '../../../shared/ui/button';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { TopUpForm } from '../components/top-up-form';
import { WalletEntryRow } from '../components/wallet-entry-row';
import styles from '../components/wallet.module.css';
import { WithdrawalForm } from '../components/withdrawal-form';
import { walletMessages } from '../messages';

/** /account/wallet: balances, movements, withdrawals, and a card top-up when cards are on. */
export function WalletView() {
  const m = useMessages(walletMessages);
  useDocumentTitle(m.title);
  return (
    <RequireSession>
      <WalletPage />
    </RequireSession>
  );
}

const WITHDRAWAL_FIELDS = ['amount', 'currency'] as const;
/** Codes about the amount, shown beside it even when the API names no field. */
const AMOUNT_CODES = new Set(['INSUFFICIENT_FUNDS', 'AMOUNT_INVALID']);

function WalletPage() {
  const m = useMessages(walletMessages);
  const locale = useLocale();
  const [params] = useSearchParams();
  const { data, error, refetch, fetchMore } = useQuery(WalletPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
  const stripe = useQuery(WalletStripeKeyDocument, { fetchPolicy: 'cache-first' });
  const [requestWithdrawal, requesting] = useMutation(WalletWithdrawalRequestDocument);
  const withdrawalErrors = useFormErrors(WITHDRAWAL_FIELDS, {
    INSUFFICIENT_FUNDS: m.INSUFFICIENT_FUNDS,
    AMOUNT_INVALID: m.amountInvalid,
  });
  const [requested, setRequested] = useState(false);
  // One key per request typed: a retry after a lost answer cannot withdraw twice.
  const attempt = useRef<{ signature: string; key: string } | null>(null);

  if (!data) {
    return (
      <Container className={styles.page}>
        <h1>{m.title}</h1>
        {error ? (
          <ErrorState
            title={m.loadFailed}
            message={describeApiError(error)}
            onRetry={retry}
            retrying={retrying}
          />
        ) : (
          <LoadingState label={m.loading} />
        )}
      </Container>
    );
  }

  const wallet = data.myWallet;
  const currencies = wallet.balances.map((balance) => balance.currency);
  const publishableKey = stripe.data?.shop.stripePublishableKey ?? null;
  const topUpCurrency = currencies[0] ?? stripe.data?.shop.currency ?? null;

  async function withdraw(amount: number | null, currency: string) {
    setRequested(false);
    if (amount === null) {
      withdrawalErrors.show([
        { code: 'AMOUNT_INVALID', field: 'amount', message: m.amountInvalid },
      ]);
      return;
    }
    const signature = `${amount} ${currency}`;
    if (attempt.current?.signature !== signature) {
      attempt.current = { signature, key: crypto.randomUUID() };
    }
    try {
      const result = await requestWithdrawal({
        variables: { input: { amount, currency, idempotencyKey: attempt.current.key } },
      });
      const payload = result.data?.walletWithdrawalRequest;
      if (!payload) {
        withdrawalErrors.showRequestError(result.error);
        return;
      }
      const errors: PayloadError[] = payload.errors.map((e) => ({
        ...e,
        field: e.field ?? (AMOUNT_CODES.has(e.code) ? 'amount' : null),
      }));
      if (withdrawalErrors.show(errors)) return;
      attempt.current = null;
      setRequested(true);
      void refetch().catch(() => undefined);
    } catch (e) {
      withdrawalErrors.showRequestError(e);
    }
  }

  async function loadMoreEntries() {
    await fetchMore({
      variables: { entriesAfter: wallet.entries.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        myWallet: {
          ...previous.myWallet,
          entries: {
            ...fetchMoreResult.myWallet.entries,
            edges: [...previous.myWallet.entries.edges, ...fetchMoreResult.myWallet.entries.edges],
          },
        },
      }),
    }).catch(() => undefined);
  }

  return (
    <Container className={styles.page}>
      <h1>{m.title}</h1>
      {params.get('topped_up') === '1' ? <p role="status">{m.topUpDone}</p> : null}
      <section className={styles.section} aria-labelledby="wallet-balances">
        <h2 id="wallet-balances">{m.balances}</h2>
        {wallet.balances.length ? (
          wallet.balances.map((balance) => (
            <dl key={balance.currency} className={styles.balances} aria-label={balance.currency}>
              <div>
                <dt>{m.available}</dt>
                <dd>{balance.available.formatted}</dd>
              </div>
              <div>
                <dt>{m.pendingWithdrawal}</dt>
                <dd>{balance.pendingWithdrawal.formatted}</dd>
              </div>
            </dl>
          ))
        ) : (
          <p className={styles.muted}>{m.empty}</p>
        )}
      </section>

      {currencies.length ? (
        <section className={styles.section} aria-labelledby="wallet-withdraw">
          <h2 id="wallet-withdraw">{m.withdrawHeading}</h2>
          <p className={styles.muted}>{m.withdrawHint}</p>
          <WithdrawalForm
            currencies={currencies}
            pending={requesting.loading}
            formRef={withdrawalErrors.formRef}
            fieldErrors={withdrawalErrors.fieldErrors}
            formErrors={withdrawalErrors.formErrors}
            done={requested}
            onSubmit={(amount, currency) => void withdraw(amount, currency)}
          />
        </section>
      ) : null}

      {publishableKey && topUpCurrency ? (
        <section className={styles.section} aria-labelledby="wallet-top-up">
          <h2 id="wallet-top-up">{m.topUpHeading}</h2>
          <TopUpForm currency={topUpCurrency} publishableKey={publishableKey} />
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="wallet-entries">
        <h2 id="wallet-entries">{m.entries}</h2>
        {wallet.entries.edges.length ? (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{m.date}</th>
                <th scope="col">{m.what}</th>
                <th scope="col" className={styles.number}>
                  {m.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {wallet.entries.edges.map(({ node }) => (
                <WalletEntryRow key={node.id} entry={node} />
              ))}
            </tbody>
          </table>
        ) : (
          <p className={styles.muted}>{m.noEntries}</p>
        )}
        {wallet.entries.pageInfo.hasNextPage ? (
          <div>
            <Button variant="secondary" onClick={() => void loadMoreEntries()}>
              {m.loadMore}
            </Button>
          </div>
        ) : null}
      </section>

      {wallet.withdrawals.edges.length ? (
        <section className={styles.section} aria-labelledby="wallet-withdrawals">
          <h2 id="wallet-withdrawals">{m.withdrawals}</h2>
          <ul>
            {wallet.withdrawals.edges.map(({ node }) => (
              <li key={node.id}>
                {formatDateTime(node.createdAt, locale)}: {node.amount.formatted} — {m[node.status]}
                {node.note ? ` (${node.note})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p>
        <Link to="/account">{m.backToAccount}</Link>
      </p>
    </Container>
  );
}
