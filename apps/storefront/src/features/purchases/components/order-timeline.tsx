import type { OrderDetailOrderFragment } from '../../../generated/purchases';
import { useLocale, useMessages } from '../../../shared/i18n/messages';
import { formatDateTime, purchasesMessages } from '../messages';
import styles from './purchases.module.css';

/** Every status the order went through, oldest first, with who moved it and why. */
export function OrderTimeline({
  transitions,
}: {
  transitions: OrderDetailOrderFragment['transitions'];
}) {
  const m = useMessages(purchasesMessages);
  const locale = useLocale();
  return (
    <ol className={styles.timeline} aria-label={m.timeline}>
      {transitions.map((transition) => (
        <li key={transition.id}>
          <p>
            <strong>{m[transition.to]}</strong>{' '}
            <time dateTime={transition.at} className={styles.muted}>
              {formatDateTime(transition.at, locale)}
            </time>
          </p>
          {transition.reason || transition.actorName ? (
            <p className={styles.muted}>
              {[
                transition.reason,
                transition.actorName ? m.transitionBy(transition.actorName) : null,
              ]
                .filter(Boolean)
                .join(' — ')}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
