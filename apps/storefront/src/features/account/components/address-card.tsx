import { useEffect, useRef, useState } from 'react';
import type { AddressCardAddressFragment } from '../../../generated/account';
import { Button } from '../../../shared/ui/button';
import styles from './account.module.css';
import { countryName } from './countries';

export interface AddressCardProps {
  address: AddressCardAddressFragment;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}

/** One address of the book; deleting asks for confirmation first. */
export function AddressCard({ address, onEdit, onDelete, deleting }: AddressCardProps) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const title = address.label || address.recipient;

  // Keyboard users land on the question's answer, and back on "Delete" if they keep it.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <article className={styles.addressCard} aria-label={`Address: ${title}`}>
      <header className={styles.addressHeader}>
        <h3 className={styles.addressTitle}>{title}</h3>
        {address.isDefault ? (
          <span className={[styles.badge, styles.badgeOk].join(' ')}>Default address</span>
        ) : null}
      </header>
      <address className={styles.addressLines}>
        {address.label ? <span>{address.recipient}</span> : null}
        <span>{address.line1}</span>
        {address.line2 ? <span>{address.line2}</span> : null}
        <span>
          {address.postalCode} {address.city}
        </span>
        {address.region ? <span>{address.region}</span> : null}
        <span>{countryName(address.country)}</span>
        {address.phone ? <span>{address.phone}</span> : null}
      </address>
      {confirming ? (
        <div className={styles.confirm} role="group" aria-label="Confirm deletion">
          <p>Delete this address?</p>
          <div className={styles.actionsRow}>
            <Button ref={confirmRef} variant="danger" onClick={onDelete} disabled={deleting}>
              Yes, delete
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={deleting}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.actionsRow}>
          <Button variant="secondary" size="small" onClick={onEdit}>
            Edit <span className="visually-hidden">{title}</span>
          </Button>
          <Button
            ref={deleteRef}
            variant="secondary"
            size="small"
            onClick={() => setConfirming(true)}
          >
            Delete <span className="visually-hidden">{title}</span>
          </Button>
        </div>
      )}
    </article>
  );
}
