import { useId } from 'react';
import type { SpendingChartEntryFragment } from '../../../generated/account';
import { useMessages } from '../../../shared/i18n/messages';
import { spendingMessages } from '../spending-messages';
import styles from './spending-chart.module.css';

/**
 * Horizontal bars, one per category, in one currency, drawn with CSS (no chart library).
 * The chart is one image with a text name for assistive tech; the same figures follow
 * as a table.
 */
export function SpendingChart({
  currency,
  entries,
}: {
  currency: string;
  entries: readonly SpendingChartEntryFragment[];
}) {
  const m = useMessages(spendingMessages);
  const id = useId();
  const sorted = [...entries].sort((a, b) => b.amount.amount - a.amount.amount);
  const max = Math.max(1, ...sorted.map((entry) => entry.amount.amount));
  const label = m.chartLabel(currency);
  const summary = sorted.map((e) => `${e.category.name}: ${e.amount.formatted}`).join('; ');

  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className={styles.caption}>
        {label}
      </figcaption>
      <div className={styles.chart} role="img" aria-label={`${label}. ${summary}`}>
        {sorted.map((entry) => (
          <div key={entry.category.id} className={styles.row}>
            <span className={styles.name}>{entry.category.name}</span>
            <span className={styles.track}>
              <span
                className={styles.bar}
                style={{ width: `${Math.max((100 * entry.amount.amount) / max, 0.5)}%` }}
              />
            </span>
            <span className={styles.value}>{entry.amount.formatted}</span>
          </div>
        ))}
      </div>
      <details className={styles.details}>
        <summary>{m.showTable}</summary>
        <table className={styles.table}>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{m.category}</th>
              <th scope="col" className={styles.number}>
                {m.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry) => (
              <tr key={entry.category.id}>
                <th scope="row">{entry.category.name}</th>
                <td className={styles.number}>{entry.amount.formatted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
