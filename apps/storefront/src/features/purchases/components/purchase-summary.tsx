import type { ReactNode } from 'react';
import type { PurchaseSummaryPurchaseFragment } from '../../../generated/purchases';
import { useLocale, useMessages } from '../../../shared/i18n/messages';
import { formatDateTime, purchasesMessages } from '../messages';
import { OrderCard } from './order-card';
import styles from './purchases.module.css';

export interface PurchaseSummaryProps {
  purchase: PurchaseSummaryPurchaseFragment;
  /** The purchase's heading element (h1 on its own page, h2 in a list). */
  heading: ReactNode;
  /** Totals of the whole purchase (its own page); the list shows only the grand total. */
  detailed?: boolean;
}

/** A purchase: when, how it is paid, its orders per seller and its totals. */
export function PurchaseSummary({ purchase, heading, detailed = false }: PurchaseSummaryProps) {
  const m = useMessages(purchasesMessages);
  const locale = useLocale();
  return (
    <div className={styles.purchase}>
      <div className={styles.head}>
        {heading}
        <p className={styles.muted}>{m.placedOn(formatDateTime(purchase.createdAt, locale))}</p>
      </div>
      <p className={styles.muted}>{m.paidWith(m[purchase.paymentMethod])}</p>
      <ul className={styles.orders}>
        {purchase.orders.map((order) => (
          <OrderCard key={order.id} order={order} />
        ))}
      </ul>
      <dl className={styles.totals} aria-label={m.totals}>
        {detailed ? (
          <>
            <Row label={m.itemsSubtotal} value={purchase.itemsSubtotal.formatted} />
            {purchase.discountTotal.amount ? (
              <Row label={m.discount} value={`−${purchase.discountTotal.formatted}`} />
            ) : null}
            <Row label={m.shipping} value={purchase.shippingTotal.formatted} />
            <Row label={m.tax} value={purchase.taxTotal.formatted} />
          </>
        ) : null}
        <Row label={m.total} value={purchase.grandTotal.formatted} className={styles.grand} />
      </dl>
    </div>
  );
}

export function Row({
  label,
  value,
  className,
}: {
  label: string;
  value: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
