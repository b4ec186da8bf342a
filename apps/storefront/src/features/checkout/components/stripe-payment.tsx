// Loaded on demand only (React.lazy): Stripe.js and its React bindings stay out of the
// initial bundle, and the browser fetches https://js.stripe.com only when a shopper pays
// by card.
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../shared/forms/form-alert';
import { SubmitButton } from '../../../shared/forms/submit-button';
import { useMessages } from '../../../shared/i18n/messages';
import { checkoutMessages } from '../messages';
import styles from './checkout.module.css';

const stripes = new Map<string, Promise<Stripe | null>>();

/** One Stripe.js instance per publishable key for the page's life. */
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let stripe = stripes.get(publishableKey);
  if (!stripe) {
    stripe = loadStripe(publishableKey);
    stripes.set(publishableKey, stripe);
  }
  return stripe;
}

export interface StripePaymentProps {
  publishableKey: string;
  clientSecret: string;
  /** Where Stripe sends the shopper back after paying (the purchase's confirmation). */
  returnUrl: string;
  /** The amount, as shown on the button. */
  total: string;
}

/** The Payment Element for a PaymentIntent the API created; confirms it in the browser. */
export default function StripePayment({
  publishableKey,
  clientSecret,
  returnUrl,
  total,
}: StripePaymentProps) {
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret }}>
      <PayForm returnUrl={returnUrl} total={total} />
    </Elements>
  );
}

function PayForm({ returnUrl, total }: { returnUrl: string; total: string }) {
  const m = useMessages(checkoutMessages);
  const stripe = useStripe();
  const elements = useElements();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setErrors([]);
    // Stripe redirects to returnUrl on success (and after 3-D Secure); the order is
    // completed by the API's webhook, not by this page.
    const { error } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: returnUrl },
    });
    setPending(false);
    if (error) setErrors([error.message ?? m.cardDeclined]);
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      className={styles.place}
      aria-label={m.payHeading}
    >
      <FormAlert errors={errors} />
      <PaymentElement />
      <SubmitButton pending={pending || !stripe} pendingLabel={m.paying}>
        {m.pay(total)}
      </SubmitButton>
    </form>
  );
}
