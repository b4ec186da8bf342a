import type { OrderStatus } from '../../../generated/purchases';
import { useMessages } from '../../../shared/i18n/messages';
import { purchasesMessages } from '../messages';
import styles from './purchases.module.css';

export function StatusBadge({ status }: { status: OrderStatus }) {
  const m = useMessages(purchasesMessages);
  return (
    <span className={[styles.status, status === 'CANCELLED' ? styles.cancelled : ''].join(' ')}>
      {m[status]}
    </span>
  );
}
