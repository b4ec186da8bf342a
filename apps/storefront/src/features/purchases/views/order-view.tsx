import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { OrderCancelDocument, OrderPageDocument } from '../../../generated/purchases';
import { RequireSession } from '../../../shared/auth/require-session';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { FormAlert, FormSuccess } from '../../../shared/forms/form-alert';
import { useFormErrors } from '../../../shared/forms/use-form-errors';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { useLocale, useMessages } from '../../../shared/i18n/messages';
import { Container } from '../../../shared/layout/container';
import { Button } from '../../../shared/ui/button';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { CancelOrderForm } from '../components/cancel-order-form';
import { OrderTimeline } from '../components/order-timeline';
import { Row } from '../components/purchase-summary';
import styles from '../components/purchases.module.css';
import { StatusBadge } from '../components/status-badge';
import { fulfilmentText } from '../fulfilment';
import { formatDateTime, purchasesMessages } from '../messages';

/** /account/orders/:id: one order, its history, tracking, refunds and cancellation. */
export function OrderView() {
  return (
    <RequireSession>
      <OrderPage />
    </RequireSession>
  );
}

const CANCEL_FIELDS = ['reason'] as const;

function OrderPage() {
  const m = useMessages(purchasesMessages);
  const locale = useLocale();
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(OrderPageDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
  const [cancelOrder, cancelling] = useMutation(OrderCancelDocument);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [done, setDone] = useState(false);
  const cancelErrors = useFormErrors(CANCEL_FIELDS, {
    REASON_REQUIRED: m.REASON_REQUIRED,
    ORDER_STATUS_CHANGED: m.ORDER_STATUS_CHANGED,
    TRANSITION_NOT_ALLOWED: m.TRANSITION_NOT_ALLOWED,
  });
  const order = data?.order;
  useDocumentTitle(order ? m.order(order.number) : m.loadingOrder);

  if (!order) {
    return (
      <Container className={styles.page}>
        {error || (data && !loading) ? (
          <ErrorState
            title={m.orderFailed}
            message={error ? describeApiError(error) : m.orderMissing}
            onRetry={error ? retry : undefined}
            retrying={retrying}
            headingLevel={1}
          />
        ) : (
          <LoadingState label={m.loadingOrder} />
        )}
      </Container>
    );
  }

  async function cancel(reason: string) {
    if (!order) return;
    try {
      const result = await cancelOrder({ variables: { input: { id: order.id, reason } } });
      const payload = result.data?.orderCancel;
      if (!payload) {
        cancelErrors.showRequestError(result.error);
        return;
      }
      if (cancelErrors.show(payload.errors)) {
        // The order moved on meanwhile: show where it is now.
        if (payload.errors.some((e) => e.code === 'ORDER_STATUS_CHANGED')) {
          void refetch().catch(() => undefined);
        }
        return;
      }
      setCancelOpen(false);
      setDone(true);
    } catch (e) {
      cancelErrors.showRequestError(e);
    }
  }

  const canCancel = order.allowedActions.includes('CANCEL');
  return (
    <Container className={styles.page}>
      <div className={styles.order}>
        <div className={styles.head}>
          <h1>
            {m.order(order.number)} {m.soldBy(order.seller.name)}
          </h1>
          <p className={styles.muted}>
            <span className="visually-hidden">{m.status}: </span>
            <StatusBadge status={order.status} />
          </p>
        </div>
        <p className={styles.muted}>{m.placedOn(formatDateTime(order.placedAt, locale))}</p>
        <p className={styles.muted}>{fulfilmentText(order, m)}</p>
        {order.cancelReason ? <p>{m.cancelReasonShown(order.cancelReason)}</p> : null}
        <ul className={styles.lines} aria-label={m.orderLines(order.number)}>
          {order.lines.map((line) => (
            <li key={line.id}>
              {line.title} × {line.quantity} — {line.total.formatted}
            </li>
          ))}
        </ul>
        <dl className={styles.totals} aria-label={m.totals}>
          <Row label={m.itemsSubtotal} value={order.itemsSubtotal.formatted} />
          {order.discountTotal.amount ? (
            <Row label={m.discount} value={`−${order.discountTotal.formatted}`} />
          ) : null}
          <Row label={m.shipping} value={order.shippingFee.formatted} />
          <Row label={m.tax} value={order.taxTotal.formatted} />
          <Row label={m.total} value={order.total.formatted} className={styles.grand} />
          {order.refundedTotal.amount ? (
            <Row label={m.refunded} value={order.refundedTotal.formatted} />
          ) : null}
        </dl>
      </div>
      {order.carrier || order.trackingNumber ? (
        <section className={styles.order} aria-label={m.tracking}>
          <h2>{m.tracking}</h2>
          <dl className={styles.totals}>
            {order.carrier ? <Row label={m.carrier} value={order.carrier} /> : null}
            {order.trackingNumber ? (
              <Row label={m.trackingNumber} value={order.trackingNumber} />
            ) : null}
          </dl>
        </section>
      ) : null}
      <section className={styles.order} aria-label={m.timeline}>
        <h2>{m.timeline}</h2>
        <OrderTimeline transitions={order.transitions} />
      </section>
      {order.refunds.length ? (
        <section className={styles.order} aria-label={m.refunds}>
          <h2>{m.refunds}</h2>
          <ul className={styles.lines}>
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                {refund.amount.formatted} — {m[`REFUND_${refund.status}`]}
                {refund.reason ? ` (${refund.reason})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FormSuccess>{done ? m.cancelled : null}</FormSuccess>
      {canCancel && !cancelOpen ? (
        <div className={styles.actions}>
          <Button
            variant="danger"
            onClick={() => {
              cancelErrors.clear();
              setCancelOpen(true);
            }}
          >
            {m.cancelOrder}
          </Button>
        </div>
      ) : null}
      {cancelOpen && canCancel ? (
        <CancelOrderForm
          formRef={cancelErrors.formRef}
          pending={cancelling.loading}
          reasonError={cancelErrors.fieldErrors.reason}
          formErrors={cancelErrors.formErrors}
          onCancel={(reason) => void cancel(reason)}
          onClose={() => setCancelOpen(false)}
        />
      ) : (
        // The order moved on while the form was open: say why it went away.
        <FormAlert errors={cancelOpen ? cancelErrors.formErrors : []} />
      )}
      <p>
        <Link to="/account/purchases">{m.backToPurchases}</Link>
      </p>
    </Container>
  );
}
