import type { CheckoutTotalsCheckoutFragment } from '../../../generated/checkout';
import { useMessages } from '../../../shared/i18n/messages';
import { checkoutMessages } from '../messages';
import styles from './checkout.module.css';
import { Row } from './seller-group';

/** The whole purchase's totals, taxes on their own line. */
export function CheckoutTotals({ checkout }: { checkout: CheckoutTotalsCheckoutFragment }) {
  const m = useMessages(checkoutMessages);
  return (
    <dl className={styles.totals} aria-label={m.totalsHeading}>
      <Row label={m.itemsSubtotal} value={checkout.itemsSubtotal.formatted} />
      {checkout.discountTotal.amount ? (
        <Row label={m.discount} value={`−${checkout.discountTotal.formatted}`} />
      ) : null}
      <Row label={m.shipping} value={checkout.shippingTotal.formatted} />
      <Row label={m.tax} value={checkout.taxTotal.formatted} />
      <Row label={m.grandTotal} value={checkout.grandTotal.formatted} className={styles.grand} />
    </dl>
  );
}
