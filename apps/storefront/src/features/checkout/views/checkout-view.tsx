import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CheckoutAddressesDocument,
  CheckoutCompleteDocument,
  CheckoutQuoteDocument,
  type CheckoutAddressOptionFragment,
  type CheckoutCompleteInput,
  type PaymentMethod,
} from '../../../generated/checkout';
import { RequireSession } from '../../../shared/auth/require-session';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { useMessages } from '../../../shared/i18n/messages';
import { Container } from '../../../shared/layout/container';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { useAttemptKey } from '../attempt';
import {
  checkoutInput,
  initialAddress,
  sellerChoices,
  type CheckoutChoices,
} from '../checkout-input';
import { AddressStep } from '../components/address-step';
import styles from '../components/checkout.module.css';
import { CouponField } from '../components/coupon-field';
import { PaymentChoice } from '../components/payment-choice';
import { ProblemList } from '../components/problem-list';
import { SellerGroup, type SellerChoice } from '../components/seller-group';
import { CheckoutTotals } from '../components/totals';
import { checkoutMessages } from '../messages';
import { placeProblems, type PayloadErrorLike } from '../problems';

// Stripe.js loads only for a card payment, never with the app.
const StripePayment = lazy(() => import('../components/stripe-payment'));

/** /checkout: address, delivery per seller, coupon, payment, then the order. */
export function CheckoutView() {
  const m = useMessages(checkoutMessages);
  useDocumentTitle(m.title);
  return (
    <RequireSession>
      <CheckoutPage />
    </RequireSession>
  );
}

function CheckoutPage() {
  const m = useMessages(checkoutMessages);
  const { data, error, refetch } = useQuery(CheckoutAddressesDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
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
  return <CheckoutForm addresses={data.viewer?.addresses ?? []} />;
}

interface CardPayment {
  purchaseId: string;
  clientSecret: string;
  publishableKey: string;
  total: string;
}

function CheckoutForm({ addresses }: { addresses: readonly CheckoutAddressOptionFragment[] }) {
  const m = useMessages(checkoutMessages);
  const navigate = useNavigate();
  const client = useApolloClient();
  const [choices, setChoices] = useState<CheckoutChoices>(() => ({
    address: initialAddress(addresses),
    sellers: {},
    couponCode: null,
    paymentMethod: null,
  }));
  const [errors, setErrors] = useState<PayloadErrorLike[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [card, setCard] = useState<CardPayment | null>(null);
  const input = useMemo(() => checkoutInput(choices), [choices]);
  const quote = useQuery(CheckoutQuoteDocument, {
    variables: { input },
    fetchPolicy: 'cache-and-network',
    skip: card !== null,
  });
  const { retry, retrying } = useRetry(quote.refetch);
  const [complete, completing] = useMutation(CheckoutCompleteDocument);
  const attemptKey = useAttemptKey();

  const checkout = quote.data?.checkout ?? quote.previousData?.checkout;

  /** A new choice: a new quote, and the last attempt's errors no longer apply. */
  const choose = (change: Partial<CheckoutChoices>) => {
    setErrors([]);
    setRequestError(null);
    setChoices((current) => ({ ...current, ...change }));
  };

  if (card) {
    return (
      <Container className={styles.page}>
        <h1>{m.payHeading}</h1>
        <Suspense fallback={<LoadingState label={m.stripeLoading} />}>
          <StripePayment
            publishableKey={card.publishableKey}
            clientSecret={card.clientSecret}
            returnUrl={new URL(`/purchases/${card.purchaseId}`, window.location.origin).href}
            total={card.total}
          />
        </Suspense>
      </Container>
    );
  }

  if (!checkout) {
    return (
      <Container className={styles.page}>
        <h1>{m.title}</h1>
        {quote.error ? (
          <ErrorState
            title={m.loadFailed}
            message={describeApiError(quote.error)}
            onRetry={retry}
            retrying={retrying}
          />
        ) : (
          <LoadingState label={m.loading} />
        )}
      </Container>
    );
  }

  if (!checkout.groups.length) {
    return (
      <Container className={styles.page}>
        <h1>{m.title}</h1>
        <p>{m.emptyCart}</p>
        <p>
          <Link to="/">{m.continueShopping}</Link>
        </p>
      </Container>
    );
  }

  const lineIds = new Set(checkout.groups.flatMap((group) => group.lines.map((line) => line.id)));
  const choiceSellers = sellerChoices(choices).map((choice) => String(choice.sellerId));
  const placed = placeProblems(
    checkout.problems,
    errors,
    lineIds,
    choiceSellers,
    (code, fallback) => (code === 'TOTAL_CHANGED' ? m.totalChanged : fallback),
  );
  const methods = checkout.paymentMethods.filter(
    (method) => method !== 'STRIPE' || Boolean(checkout.stripePublishableKey),
  );
  const method: PaymentMethod | null =
    choices.paymentMethod && methods.includes(choices.paymentMethod)
      ? choices.paymentMethod
      : (methods[0] ?? null);
  const blocked = checkout.problems.length > 0 || !method;
  const addressFieldErrors = Object.fromEntries(
    errors
      .filter((error) => error.field?.startsWith('shippingAddress.'))
      .map((error) => [error.field!.slice('shippingAddress.'.length), error.message]),
  );

  const chooseSeller = (sellerId: string, choice: SellerChoice) =>
    choose({ sellers: { ...choices.sellers, [sellerId]: choice } });

  async function place() {
    if (!checkout || !method || completing.loading) return;
    const order: Omit<CheckoutCompleteInput, 'idempotencyKey'> = {
      ...input,
      paymentMethod: method,
      expectedGrandTotal: checkout.grandTotal.amount,
      ...(choices.address.kind === 'new' ? { saveAddress: choices.address.save } : {}),
    };
    // A retry of this very order (lost answer, second click) reuses the key.
    const idempotencyKey = attemptKey(JSON.stringify(order));
    setErrors([]);
    setRequestError(null);
    try {
      const result = await complete({ variables: { input: { ...order, idempotencyKey } } });
      const payload = result.data?.checkoutComplete;
      if (!payload) {
        setRequestError(describeApiError(result.error) ?? m.placeFailed);
        return;
      }
      if (payload.errors.length || !payload.purchase) {
        setErrors(payload.errors);
        // The shopper must see the new total (or the new problems) before trying again.
        void quote.refetch().catch(() => undefined);
        return;
      }
      const purchase = payload.purchase;
      // The bought lines left the cart: the header's count and the cart page read it again.
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'cart' });
      client.cache.gc();
      const payment = payload.payment;
      if (payment?.method === 'STRIPE' && payment.clientSecret && checkout.stripePublishableKey) {
        setCard({
          purchaseId: purchase.id,
          clientSecret: payment.clientSecret,
          publishableKey: checkout.stripePublishableKey,
          total: checkout.grandTotal.formatted,
        });
      } else {
        void navigate(`/purchases/${purchase.id}?placed=1`);
      }
    } catch (error) {
      setRequestError(describeApiError(error as Error) ?? m.placeFailed);
    }
  }

  const updating = quote.loading;
  return (
    <Container className={styles.page}>
      <h1>{m.title}</h1>
      {placed.top.length ? (
        <div>
          <ProblemList problems={placed.top} />
          <p>
            <Link to="/cart">{m.goToCart}</Link>
          </p>
        </div>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.main}>
          <AddressStep
            addresses={addresses}
            choice={choices.address}
            onChange={(address) => choose({ address })}
            problems={placed.address}
            fieldErrors={addressFieldErrors}
          />
          {checkout.groups.map((group) => (
            <SellerGroup
              key={group.seller.id}
              group={group}
              choice={choices.sellers[group.seller.id]}
              onChoose={chooseSeller}
              problems={placed.bySeller[group.seller.id] ?? []}
              lineProblems={placed.byLine}
              disabled={completing.loading}
            />
          ))}
          <CouponField
            code={choices.couponCode}
            applied={checkout.coupon}
            problems={placed.coupon}
            onApply={(couponCode) => choose({ couponCode })}
          />
          <PaymentChoice
            methods={methods}
            chosen={method}
            walletBalance={checkout.walletBalance}
            total={checkout.grandTotal.amount}
            problems={placed.payment}
            onChoose={(paymentMethod) => choose({ paymentMethod })}
            disabled={completing.loading}
          />
        </div>
        <aside className={styles.aside} aria-label={m.totalsHeading}>
          <section className={styles.section}>
            <h2>{m.totalsHeading}</h2>
            <CheckoutTotals checkout={checkout} />
            <p className={styles.busy} role="status">
              {updating ? m.updating : ''}
            </p>
            <form
              className={styles.place}
              onSubmit={(event) => {
                event.preventDefault();
                void place();
              }}
            >
              <FormAlert errors={requestError ? [requestError] : []} />
              <ProblemList problems={placed.placeOrder} />
              <SubmitButton pending={completing.loading} pendingLabel={m.placing}>
                {m.placeOrder}
              </SubmitButton>
              {blocked ? <p className={styles.muted}>{m.fixProblems}</p> : null}
            </form>
          </section>
          <p>
            <Link to="/cart">{m.backToCart}</Link>
          </p>
        </aside>
      </div>
    </Container>
  );
}
