import { Link } from 'react-router';
import type { OrderCardOrderFragment } from '../../../generated/purchases';
import { useLocale, useMessages } from '../../../shared/i18n/messages';
import { fulfilmentText } from '../fulfilment';
import { formatDateTime, purchasesMessages } from '../messages';
import styles from './purchases.module.css';
import { StatusBadge } from './status-badge';

/** One seller's order within a purchase: status, how it arrives, lines and total. */
export function OrderCard({ order }: { order: OrderCardOrderFragment }) {
  const m = useMessages(purchasesMessages);
  const locale = useLocale();
  const title = `${m.order(order.number)} ${m.soldBy(order.seller.name)}`;
  return (
    <li className={styles.order} aria-label={title}>
      <div className={styles.head}>
        <h3>{title}</h3>
        <p className={styles.muted}>
          <span className="visually-hidden">{m.status}: </span>
          <StatusBadge status={order.status} />
        </p>
      </div>
      <p className={styles.muted}>{fulfilmentText(order, m)}</p>
      {order.paymentMethod === 'IN_STORE' &&
      !order.paid &&
      order.paymentDueAt &&
      order.status === 'PLACED' ? (
        <p className={styles.muted}>{m.payInStoreBy(formatDateTime(order.paymentDueAt, locale))}</p>
      ) : null}
      <ul className={styles.lines} aria-label={m.orderLines(order.number)}>
        {order.lines.map((line) => (
          <li key={line.id}>
            {line.title} × {line.quantity} — {line.total.formatted}
          </li>
        ))}
      </ul>
      <div className={styles.head}>
        <strong>
          {m.total}: {order.total.formatted}
        </strong>
        <Link to={`/account/orders/${order.id}`}>{m.seeOrder(order.number)}</Link>
      </div>
    </li>
  );
}
