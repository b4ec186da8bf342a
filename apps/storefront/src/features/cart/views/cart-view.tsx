import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  CartPageDocument,
  CartPricesAcknowledgeDocument,
} from '../../../generated/cart';
import { rememberCart } from '../../../shared/cart/remember-cart';
import { describeApiError } from '../../../shared/errors/describe-api-error';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useRetry } from '../../../shared/hooks/use-retry';
import { Container } from '../../../shared/layout/container';
import { Button } from '../../../shared/ui/button';
import { buttonClassName } from '../../../shared/ui/button-class';
import { ErrorState } from '../../../shared/ui/error-state';
import { LoadingState } from '../../../shared/ui/loading-state';
import { CartLine } from '../components/cart-line';
import styles from '../components/cart.module.css';
import { cartMessages } from '../messages';
import { groupBySeller } from '../warnings';
import { useMessages } from '../../../shared/i18n/messages';

const UPDATE_MESSAGES: Partial<Record<string, string>> = {
  NOT_FOUND: 'This item is no longer in your cart.',
  OFFER_UNAVAILABLE: 'This offer is no longer sold.',
  INSUFFICIENT_STOCK: 'Not enough in stock for that quantity.',
  QUANTITY_INVALID: 'Choose a quantity from 0 to 99 (0 removes the item).',
};

function messagesOf(errors: readonly PayloadError[]): string[] {
  return errors.map((error) => UPDATE_MESSAGES[error.code] ?? error.message);
}

/**
 * /cart: the lines grouped by seller, each with its warnings, quantity and removal;
 * a banner to accept changed prices; the subtotal. Read afresh on every visit: the
 * API re-validates prices and stock on each read.
 */
export function CartView() {
  useDocumentTitle('Your cart');
  const m = useMessages(cartMessages);
  const { data, error, refetch } = useQuery(CartPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const { retry, retrying } = useRetry(refetch);
  const [update] = useMutation(CartLinesUpdateDocument);
  const [remove] = useMutation(CartLinesRemoveDocument);
  const [acknowledge, acknowledging] = useMutation(CartPricesAcknowledgeDocument);
  const [bannerErrors, setBannerErrors] = useState<string[]>([]);

  const setQuantity = async (lineId: string, quantity: number): Promise<string[]> => {
    try {
      const result = await update({
        variables: { lines: [{ lineId, quantity }] },
        update: (cache, { data }) => rememberCart(cache, data?.cartLinesUpdate.cart ?? null),
      });
      const payload = result.data?.cartLinesUpdate;
      if (!payload) return [describeApiError(result.error) ?? 'The cart could not be updated.'];
      return messagesOf(payload.errors);
    } catch (e) {
      return [describeApiError(e as Error) ?? 'The cart could not be updated.'];
    }
  };

  const removeLine = async (lineId: string): Promise<string[]> => {
    try {
      const result = await remove({
        variables: { lineIds: [lineId] },
        update: (cache, { data }) => rememberCart(cache, data?.cartLinesRemove.cart ?? null),
      });
      const payload = result.data?.cartLinesRemove;
      if (!payload) return [describeApiError(result.error) ?? 'The item could not be removed.'];
      return messagesOf(payload.errors);
    } catch (e) {
      return [describeApiError(e as Error) ?? 'The item could not be removed.'];
    }
  };

  const acceptPrices = async () => {
    try {
      const result = await acknowledge({
        update: (cache, { data }) => rememberCart(cache, data?.cartPricesAcknowledge.cart ?? null),
      });
      const payload = result.data?.cartPricesAcknowledge;
      setBannerErrors(
        payload
          ? messagesOf(payload.errors)
          : [describeApiError(result.error) ?? 'The prices could not be accepted.'],
      );
    } catch (e) {
      setBannerErrors([describeApiError(e as Error) ?? 'The prices could not be accepted.']);
    }
  };

  if (!data) {
    return (
      <Container className={styles.page}>
        {error ? (
          <ErrorState
            title="Your cart could not be loaded"
            message={describeApiError(error)}
            onRetry={retry}
            retrying={retrying}
            headingLevel={1}
          />
        ) : (
          <LoadingState label="Loading your cart" />
        )}
      </Container>
    );
  }

  const cart = data.cart;
  const lines = cart?.lines ?? [];
  if (!cart || !lines.length) {
    return (
      <Container className={styles.page}>
        <h1>Your cart</h1>
        <p>Your cart is empty.</p>
        <p>
          <Link to="/">Continue shopping</Link>
        </p>
      </Container>
    );
  }

  const priceChanged = lines.some((line) =>
    line.warnings.some((warning) => warning.code === 'PRICE_CHANGED'),
  );
  const blocked = lines.some((line) => line.warnings.some((warning) => warning.blocking));
  return (
    <Container className={styles.page}>
      <h1>Your cart</h1>
      <p className={styles.count}>{cart.itemCount === 1 ? '1 item' : `${cart.itemCount} items`}</p>
      {priceChanged ? (
        <section className={styles.banner} aria-label="Prices changed">
          <p>Some prices changed since you added the items. The new prices are shown below.</p>
          <Button
            variant="secondary"
            size="small"
            disabled={acknowledging.loading}
            onClick={() => void acceptPrices()}
          >
            Got it
          </Button>
          <div role="alert">
            {bannerErrors.map((message, index) => (
              <p key={index}>{message}</p>
            ))}
          </div>
        </section>
      ) : null}
      {groupBySeller(lines).map(({ seller, lines: sellerLines }) => (
        <section
          key={seller.id}
          className={styles.seller}
          aria-labelledby={`cart-seller-${seller.id}`}
        >
          <h2 id={`cart-seller-${seller.id}`}>
            Sold by <Link to={`/s/${seller.slug}`}>{seller.name}</Link>
          </h2>
          <ul className={styles.lines} aria-label={`Items from ${seller.name}`}>
            {sellerLines.map((line) => (
              <CartLine
                key={line.id}
                line={line}
                onSetQuantity={setQuantity}
                onRemove={removeLine}
              />
            ))}
          </ul>
        </section>
      ))}
      <dl className={styles.summary}>
        <div>
          <dt>Subtotal</dt>
          <dd>{cart.subtotal?.formatted ?? '—'}</dd>
        </div>
      </dl>
      {blocked ? (
        <p className={styles.note}>Items that cannot be bought now are not in the subtotal.</p>
      ) : null}
      <p className={styles.checkout}>
        <Link to="/checkout" className={buttonClassName('primary')}>
          {m.checkout}
        </Link>
      </p>
    </Container>
  );
}
