import type { WalletEntryRowFragment } from '../../../generated/wallet';
import { formatDateTime } from '../../../shared/i18n/dates';
import { useLocale, useMessages } from '../../../shared/i18n/messages';
import { walletMessages, type WalletMessages } from '../messages';
import styles from './wallet.module.css';

function kindText(kind: string, m: WalletMessages): string {
  return kind in m ? (m[kind as keyof WalletMessages] as string) : kind;
}

/** One movement of the wallet: when, what (and its memo), how much in or out. */
export function WalletEntryRow({ entry }: { entry: WalletEntryRowFragment }) {
  const m = useMessages(walletMessages);
  const locale = useLocale();
  return (
    <tr>
      <td>{formatDateTime(entry.createdAt, locale)}</td>
      <td>
        {kindText(entry.kind, m)}
        {entry.memo ? <span className={styles.muted}> — {entry.memo}</span> : null}
      </td>
      <td className={styles.number}>
        {entry.amount.amount > 0 ? '+' : ''}
        {entry.amount.formatted}
      </td>
    </tr>
  );
}
