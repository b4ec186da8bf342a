import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CartLineItemFragment } from '../../../generated/cart';
import { Button } from '../../../shared/ui/button';
import { warningText } from '../warnings';
import styles from './cart.module.css';

export const MAX_QUANTITY = 99;

export interface CartLineProps {
  line: CartLineItemFragment;
  /** Sets the line's quantity (0 removes it); resolves to the errors to show, empty on success. */
  onSetQuantity: (lineId: string, quantity: number) => Promise<string[]>;
  onRemove: (lineId: string) => Promise<string[]>;
}

/** One line of the cart: product, options, prices, quantity stepper, removal and warnings. */
export function CartLine({ line, onSetQuantity, onRemove }: CartLineProps) {
  const { product, variant } = line.offer;
  const [draft, setDraft] = useState(String(line.quantity));
  const [shown, setShown] = useState(line.quantity);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const quantityId = useId();
  const errorId = useId();

  // A new quantity from the API (after an update) replaces what was typed.
  if (shown !== line.quantity) {
    setShown(line.quantity);
    setDraft(String(line.quantity));
  }

  const run = async (action: () => Promise<string[]>) => {
    setBusy(true);
    try {
      setErrors(await action());
    } finally {
      setBusy(false);
    }
  };

  const setQuantity = (quantity: number) => {
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) {
      setErrors([`Choose a quantity from 0 to ${MAX_QUANTITY} (0 removes the item).`]);
      return;
    }
    if (quantity === line.quantity) {
      setErrors([]);
      return;
    }
    void run(() => onSetQuantity(line.id, quantity));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuantity(draft.trim() === '' ? NaN : Number(draft));
  };

  const options = variant.optionValues.map((o) => `${o.name}: ${o.value}`).join(', ');
  return (
    <li className={styles.line} aria-label={product.title}>
      <div className={styles.lineMain}>
        <Link to={`/p/${product.slug}`} className={styles.lineTitle}>
          {product.title}
        </Link>
        {options ? <p className={styles.lineOptions}>{options}</p> : null}
        <p className={styles.linePrice}>
          <span className="visually-hidden">Unit price: </span>
          {line.unitPrice.formatted} each
        </p>
        {line.warnings.length ? (
          <ul className={styles.warnings} aria-label={`Warnings about ${product.title}`}>
            {line.warnings.map((warning) => (
              <li key={warning.code} className={warning.blocking ? styles.blocking : undefined}>
                {warningText(warning, line.unitPrice)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <form className={styles.lineControls} onSubmit={submit} noValidate>
        <div className={styles.stepper}>
          <Button
            variant="secondary"
            size="small"
            aria-label={`Decrease the quantity of ${product.title}`}
            disabled={busy || line.quantity <= 0}
            onClick={() => setQuantity(line.quantity - 1)}
          >
            −
          </Button>
          <label htmlFor={quantityId} className="visually-hidden">
            Quantity of {product.title}
          </label>
          <input
            id={quantityId}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_QUANTITY}
            step={1}
            value={draft}
            disabled={busy}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => setQuantity(draft.trim() === '' ? NaN : Number(draft))}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={errors.length ? errorId : undefined}
          />
          <Button
            variant="secondary"
            size="small"
            aria-label={`Increase the quantity of ${product.title}`}
            disabled={busy || line.quantity >= MAX_QUANTITY}
            onClick={() => setQuantity(line.quantity + 1)}
          >
            +
          </Button>
        </div>
        <Button
          variant="secondary"
          size="small"
          disabled={busy}
          aria-label={`Remove ${product.title}`}
          onClick={() => void run(() => onRemove(line.id))}
        >
          Remove
        </Button>
        <p className={styles.lineTotal}>
          <span className="visually-hidden">Line total: </span>
          {line.lineTotal.formatted}
        </p>
      </form>
      <div id={errorId} role="alert" className={errors.length ? styles.lineError : undefined}>
        {errors.map((message, index) => (
          <p key={index}>{message}</p>
        ))}
      </div>
    </li>
  );
}
