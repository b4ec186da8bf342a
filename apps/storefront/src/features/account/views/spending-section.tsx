import { useQuery } from '@apollo/client/react';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  AccountSpendingDocument,
  type SpendingChartEntryFragment,
} from '../../../generated/account';
import { SelectField } from '../../../shared/forms/field';
import { useRetry } from '../../../shared/hooks/use-retry';
import { useMessages } from '../../../shared/i18n/messages';
import { Button } from '../../../shared/ui/button';
import { LoadingState } from '../../../shared/ui/loading-state';
import { SpendingChart } from '../components/spending-chart';
import { spendingMessages } from '../spending-messages';
import { AccountSection } from './account-section';
import chartStyles from '../components/spending-chart.module.css';
import styles from './account-view.module.css';

const PERIODS = { all: null, year: 365, month: 30 } as const;
type Period = keyof typeof PERIODS;

function fromFor(period: Period): string | undefined {
  const days = PERIODS[period];
  if (days === null) return undefined;
  // Whole days, so that the variables (and the cached answer) stay put within a day.
  const start = new Date();
  start.setUTCHours(0, 0, 0, 0);
  start.setUTCDate(start.getUTCDate() - days);
  return start.toISOString();
}

/** Groups the entries by currency: bars of different currencies are not comparable. */
function byCurrency(entries: readonly SpendingChartEntryFragment[]) {
  const groups = new Map<string, SpendingChartEntryFragment[]>();
  for (const entry of entries) {
    const list = groups.get(entry.amount.currency) ?? [];
    list.push(entry);
    groups.set(entry.amount.currency, list);
  }
  return [...groups.entries()];
}

/** The account page's spending chart, with its own query: a failure stays in this card. */
export function SpendingSection() {
  const m = useMessages(spendingMessages);
  const [period, setPeriod] = useState<Period>('all');
  const from = useMemo(() => fromFor(period), [period]);
  const { data, error, refetch } = useQuery(AccountSpendingDocument, {
    variables: from ? { from } : {},
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
  const selectId = useId();
  const entries = data?.mySpendingByCategory;

  return (
    <AccountSection title={m.heading} description={m.description}>
      <SelectField
        id={selectId}
        label={m.period}
        name="period"
        className={chartStyles.period}
        required
        value={period}
        onChange={(event) => setPeriod(event.target.value as Period)}
      >
        {(Object.keys(PERIODS) as Period[]).map((key) => (
          <option key={key} value={key}>
            {m[key]}
          </option>
        ))}
      </SelectField>
      {entries ? (
        entries.length ? (
          byCurrency(entries).map(([currency, list]) => (
            <SpendingChart key={currency} currency={currency} entries={list} />
          ))
        ) : (
          <p className={styles.empty}>{m.none}</p>
        )
      ) : error ? (
        <div role="alert">
          <p className={styles.empty}>{m.failed}</p>
          <Button variant="secondary" size="small" onClick={retry} disabled={retrying}>
            {m.retry}
          </Button>
        </div>
      ) : (
        <LoadingState label={m.loading} />
      )}
    </AccountSection>
  );
}

/** Links to the purchase history and the wallet. */
export function OrdersSection() {
  const m = useMessages(spendingMessages);
  return (
    <AccountSection title={m.ordersHeading} description={m.ordersDescription}>
      <ul>
        <li>
          <Link to="/account/purchases">{m.purchases}</Link>
        </li>
        <li>
          <Link to="/account/wallet">{m.wallet}</Link>
        </li>
      </ul>
    </AccountSection>
  );
}
