import { useId } from 'react';
import type { CheckoutSellerGroupFragment, Fulfilment } from '../../../generated/checkout';
import { SelectField } from '../../../shared/forms/field';
import { useMessages } from '../../../shared/i18n/messages';
import { checkoutMessages } from '../messages';
import styles from './checkout.module.css';
import { ProblemList } from './problem-list';

export interface SellerChoice {
  fulfilment: Fulfilment;
  shippingMethodId?: string | null;
  pickupStoreId?: string | null;
}

export interface SellerGroupProps {
  group: CheckoutSellerGroupFragment;
  /** The shopper's choice for this seller, shown at once while the quote follows it. */
  choice?: SellerChoice | undefined;
  onChoose: (sellerId: string, choice: SellerChoice) => void;
  problems: readonly string[];
  lineProblems: Readonly<Record<string, string[]>>;
  disabled?: boolean;
}

/** One seller's part of the order: its lines, delivery or pick-up, and its totals. */
export function SellerGroup({
  group,
  choice,
  onChoose,
  problems,
  lineProblems,
  disabled,
}: SellerGroupProps) {
  const m = useMessages(checkoutMessages);
  const id = useId();
  const { seller } = group;
  const fulfilment = choice?.fulfilment ?? group.fulfilment;
  const shippingMethodId =
    choice?.fulfilment === 'DELIVERY' ? (choice.shippingMethodId ?? null) : group.shippingMethodId;
  const pickupStoreId =
    choice?.fulfilment === 'PICKUP' ? (choice.pickupStoreId ?? null) : group.pickupStoreId;
  const chooseDelivery = (shippingMethodId: string) =>
    onChoose(seller.id, { fulfilment: 'DELIVERY', shippingMethodId });
  const choosePickup = (pickupStoreId: string | null) =>
    onChoose(seller.id, { fulfilment: 'PICKUP', pickupStoreId });

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.soldBy(seller.name)}</h2>
      <ul className={styles.lines} aria-label={m.itemsFrom(seller.name)}>
        {group.lines.map((line) => {
          const options = line.offer.variant.optionValues.map((o) => o.value).join(', ');
          return (
            <li key={line.id} aria-label={line.offer.product.title}>
              <span>
                {line.offer.product.title}
                {options ? <span className={styles.muted}> ({options})</span> : null}{' '}
                {m.quantityOf(line.quantity)}
              </span>
              <span>{line.lineTotal.formatted}</span>
              <ProblemList problems={lineProblems[line.id] ?? []} />
            </li>
          );
        })}
      </ul>
      <fieldset disabled={disabled}>
        <legend>{m.howToGet(seller.name)}</legend>
        {group.deliveryOptions.map((option) => (
          <label key={option.shippingMethod.id} className={styles.option}>
            <input
              type="radio"
              name={`${id}-fulfilment`}
              checked={fulfilment === 'DELIVERY' && shippingMethodId === option.shippingMethod.id}
              onChange={() => chooseDelivery(option.shippingMethod.id)}
            />
            <span className={styles.optionText}>
              <span>
                {m.delivery}: {option.shippingMethod.name} —{' '}
                {option.fee.amount === 0 ? m.free : option.fee.formatted}
              </span>
              <span className={styles.muted}>{m.days(option.minDays, option.maxDays)}</span>
            </span>
          </label>
        ))}
        {group.deliveryOptions.length ? null : (
          <p className={styles.muted}>{m.noDeliveryOptions}</p>
        )}
        {group.pickupStores.length ? (
          <label className={styles.option}>
            <input
              type="radio"
              name={`${id}-fulfilment`}
              checked={fulfilment === 'PICKUP'}
              onChange={() => choosePickup(pickupStoreId ?? group.pickupStores[0]!.id)}
            />
            <span>{m.pickup}</span>
          </label>
        ) : (
          <p className={styles.muted}>{m.noPickupStores}</p>
        )}
        {fulfilment === 'PICKUP' && group.pickupStores.length ? (
          <SelectField
            label={m.pickupStore}
            name={`${id}-store`}
            required
            value={pickupStoreId ?? ''}
            onChange={(event) => choosePickup(event.target.value || null)}
          >
            <option value="">{m.chooseStore}</option>
            {group.pickupStores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name} — {store.line1}, {store.city}
              </option>
            ))}
          </SelectField>
        ) : null}
      </fieldset>
      <dl className={styles.totals} aria-label={m.totalsHeading}>
        <Row label={m.itemsSubtotal} value={group.itemsSubtotal.formatted} />
        {group.discount.amount ? (
          <Row label={m.discount} value={`−${group.discount.formatted}`} />
        ) : null}
        <Row label={m.shipping} value={group.shippingFee.formatted} />
        <Row label={m.tax} value={group.tax.formatted} />
        <Row label={m.grandTotal} value={group.total.formatted} />
      </dl>
      <ProblemList problems={problems} />
    </section>
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
