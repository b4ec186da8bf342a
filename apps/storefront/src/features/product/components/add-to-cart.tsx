import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  AddToCartDocument,
  type CartLinesAddErrorCode,
  type StockStatus,
} from '../../../generated/product';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import { rememberCart } from '../../../shared/cart/remember-cart';
import { Button } from '../../../shared/ui/button';
import { canAddToCart } from '../offers';
import styles from './product.module.css';

export const MAX_QUANTITY = 99;

export interface AddToCartProps {
  offer: { id: string; stockStatus: StockStatus; availableQuantity: number };
  /** The buy box asks how many; a row of "All offers" adds one. */
  withQuantity?: boolean;
  /** The button's text ("Add to cart", "Add"). */
  label: string;
  /** The button's accessible name when its text alone is ambiguous (one per offer row). */
  ariaLabel?: string;
}

function errorText(code: CartLinesAddErrorCode, message: string, available: number): string {
  switch (code) {
    case 'INSUFFICIENT_STOCK':
      return available > 0
        ? `Not enough in stock: only ${available} available, including any already in your cart.`
        : 'Not enough in stock for that quantity.';
    case 'OFFER_UNAVAILABLE':
      return 'This offer is no longer sold.';
    case 'QUANTITY_INVALID':
      return `Choose a quantity from 1 to ${MAX_QUANTITY}.`;
    case 'CURRENCY_MISMATCH':
      return `This offer is priced in another currency than your cart. ${message}`;
    case 'TOO_MANY':
      return message;
  }
}

/** Quantity (optional) and the button that puts the offer into the shopper's cart. */
export function AddToCart({ offer, withQuantity = false, label, ariaLabel }: AddToCartProps) {
  const [quantity, setQuantity] = useState('1');
  const [errors, setErrors] = useState<string[]>([]);
  const [added, setAdded] = useState(false);
  const [add, { loading }] = useMutation(AddToCartDocument);
  const quantityId = useId();
  const errorId = useId();
  const disabled = !canAddToCart(offer.stockStatus);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    const count = Number(quantity);
    if (!Number.isInteger(count) || count < 1 || count > MAX_QUANTITY) {
      setErrors([`Choose a quantity from 1 to ${MAX_QUANTITY}.`]);
      return;
    }
    setErrors([]);
    try {
      const { data, error } = await add({
        variables: { lines: [{ offerId: offer.id, quantity: count }] },
        update: (cache, result) => rememberCart(cache, result.data?.cartLinesAdd.cart ?? null),
      });
      const payload = data?.cartLinesAdd;
      if (!payload) {
        setErrors([describeApiError(error) ?? 'The item could not be added. Try again.']);
        return;
      }
      if (payload.errors.length) {
        setErrors(payload.errors.map((e) => errorText(e.code, e.message, offer.availableQuantity)));
        return;
      }
      setAdded(true);
    } catch (error) {
      setErrors([describeApiError(error as Error) ?? 'The item could not be added. Try again.']);
    }
  };

  return (
    <form className={styles.addToCart} onSubmit={(event) => void submit(event)} noValidate>
      <div className={styles.addToCartControls}>
        {withQuantity ? (
          <span className={styles.quantity}>
            <label htmlFor={quantityId}>Quantity</label>
            <input
              id={quantityId}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_QUANTITY}
              step={1}
              value={quantity}
              disabled={disabled}
              onChange={(event) => setQuantity(event.target.value)}
              aria-describedby={errors.length ? errorId : undefined}
              aria-invalid={errors.length ? true : undefined}
            />
          </span>
        ) : null}
        <Button
          type="submit"
          size={withQuantity ? 'medium' : 'small'}
          variant={withQuantity ? 'primary' : 'secondary'}
          disabled={disabled || loading}
          aria-label={ariaLabel}
          aria-describedby={errors.length ? errorId : undefined}
        >
          {label}
        </Button>
      </div>
      <div id={errorId} role="alert" className={errors.length ? styles.addToCartError : undefined}>
        {errors.map((message, index) => (
          <p key={index}>{message}</p>
        ))}
      </div>
      <div role="status">
        {added ? (
          <p className={styles.addToCartDone}>
            Added to your cart. <Link to="/cart">View your cart</Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
