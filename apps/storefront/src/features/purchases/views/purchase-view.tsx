import { useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  PurchasePageDocument,
  PurchasePaymentStartDocument,
  PurchaseStripeKeyDocument,
  type PurchaseSummaryPurchaseFragment,
} from '../../../generated/purchases';
import { RequireSession } from '../../../shared/auth/require-session';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { FormAlert } from '../../../shared/forms/form-alert';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { useMessages } from '../../../shared/i18n/messages';
import { Container } from '../../../shared/layout/container';
import { Button } from '../../../shared/ui/button';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { PurchaseSummary } from '../components/purchase-summary';
import styles from '../components/purchases.module.css';
import { purchasesMessages } from '../messages';

const StripePayment = lazy(() => import('../../checkout/components/stripe-payment'));

/** How often the page asks whether the card payment has landed (the API's webhook decides). */
export const PAYMENT_POLL_MS = 2_000;

/** /purchases/:id: the confirmation after checkout, and the purchase's page afterwards. */
export function PurchaseView() {
  return (
    <RequireSession>
      <PurchasePage />
    </RequireSession>
  );
}

function awaitingCardPayment(
  purchase: PurchaseSummaryPurchaseFragment | null | undefined,
): boolean {
  return (
    purchase?.paymentMethod === 'STRIPE' &&
    purchase.paymentStatus !== 'SUCCEEDED' &&
    purchase.paymentStatus !== 'CANCELED' &&
    purchase.orders.some((order) => order.status === 'PLACED')
  );
}

function PurchasePage() {
  const m = useMessages(purchasesMessages);
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(
    PurchasePageDocument,
    { variables: { id }, fetchPolicy: 'cache-and-network' },
  );
  const { retry, retrying } = useRetry(refetch);
  const purchase = data?.purchase;
  useDocumentTitle(purchase ? m.purchaseTitle(purchase.number) : m.loadingPurchase);

  // The API completes a card payment through Stripe's webhook, whether or not this page
  // is open: poll only while one is on its way.
  const awaiting = awaitingCardPayment(purchase);
  useEffect(() => {
    if (!awaiting) return;
    startPolling(PAYMENT_POLL_MS);
    return () => stopPolling();
  }, [awaiting, startPolling, stopPolling]);

  if (!purchase) {
    return (
      <Container className={styles.page}>
        {error || (data && !loading) ? (
          <ErrorState
            title={m.purchaseFailed}
            message={error ? describeApiError(error) : m.purchaseMissing}
            onRetry={error ? retry : undefined}
            retrying={retrying}
            headingLevel={1}
          />
        ) : (
          <LoadingState label={m.loadingPurchase} />
        )}
      </Container>
    );
  }

  const justPlaced = params.has('payment_intent') || params.get('placed') === '1';
  const failed = purchase.paymentStatus === 'FAILED' || params.get('redirect_status') === 'failed';
  return (
    <Container className={styles.page}>
      <PurchaseSummary
        purchase={purchase}
        heading={<h1>{m.purchaseTitle(purchase.number)}</h1>}
        detailed
      />
      <div role="status">
        {awaiting && !failed ? (
          <p className={styles.notice}>{m.waitingForPayment}</p>
        ) : purchase.paymentMethod === 'STRIPE' && purchase.paymentStatus === 'SUCCEEDED' ? (
          <p className={styles.notice}>
            {justPlaced ? `${m.thanks} ${m.paymentConfirmed}` : m.paymentConfirmed}
          </p>
        ) : justPlaced ? (
          <p className={styles.notice}>{m.thanks}</p>
        ) : null}
      </div>
      {failed && awaiting ? (
        <PayAgain purchaseId={purchase.id} total={purchase.grandTotal.formatted} />
      ) : null}
      <p>
        <Link to="/account/purchases">{m.backToPurchases}</Link>
      </p>
    </Container>
  );
}

/** A declined card: a new attempt on the same PaymentIntent while the order waits. */
function PayAgain({ purchaseId, total }: { purchaseId: string; total: string }) {
  const m = useMessages(purchasesMessages);
  const key = useQuery(PurchaseStripeKeyDocument, { fetchPolicy: 'cache-first' });
  const [start, starting] = useMutation(PurchasePaymentStartDocument);
  const [clientSecret, setClientSecret] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const publishableKey = key.data?.shop.stripePublishableKey;

  async function payAgain() {
    setErrors([]);
    try {
      const result = await start({ variables: { purchaseId } });
      const payload = result.data?.purchasePaymentStart;
      if (!payload) throw result.error;
      if (payload.errors.length) setErrors(payload.errors.map((error) => error.message));
      else if (payload.payment?.clientSecret) setClientSecret(payload.payment.clientSecret);
    } catch (error) {
      setErrors([describeApiError(error as Error) ?? m.paymentFailed]);
    }
  }

  return (
    <section className={styles.purchase} aria-label={m.payAgain}>
      <p className={styles.notice}>{m.paymentFailed}</p>
      <FormAlert errors={errors} />
      {clientSecret && publishableKey ? (
        <Suspense fallback={<LoadingState />}>
          <StripePayment
            publishableKey={publishableKey}
            clientSecret={clientSecret}
            returnUrl={new URL(`/purchases/${purchaseId}`, window.location.origin).href}
            total={total}
          />
        </Suspense>
      ) : (
        <div className={styles.actions}>
          <Button onClick={() => void payAgain()} disabled={starting.loading || !publishableKey}>
            {m.payAgain}
          </Button>
        </div>
      )}
    </section>
  );
}
