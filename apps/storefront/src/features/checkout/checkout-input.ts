import type { CheckoutInput, CheckoutSellerChoice, PaymentMethod } from '../../generated/checkout';
import type { AddressChoice } from './components/address-step';
import type { SellerChoice } from './components/seller-group';

/** What the shopper chose so far; the quote and the order are computed from it. */
export interface CheckoutChoices {
  address: AddressChoice;
  /** Only the sellers whose delivery the shopper changed; the API picks for the others. */
  sellers: Readonly<Record<string, SellerChoice>>;
  couponCode: string | null;
  paymentMethod: PaymentMethod | null;
}

/** The choices as the API's input, without empty fields. */
export function checkoutInput(choices: CheckoutChoices): CheckoutInput {
  const input: CheckoutInput = {};
  const { address } = choices;
  if (address.kind === 'saved') input.shippingAddressId = address.id;
  else if (address.address) input.shippingAddress = address.address;
  const sellers = sellerChoices(choices);
  if (sellers.length) input.choices = sellers;
  if (choices.couponCode) input.couponCode = choices.couponCode;
  if (choices.paymentMethod) input.paymentMethod = choices.paymentMethod;
  return input;
}

export function sellerChoices(choices: CheckoutChoices): CheckoutSellerChoice[] {
  return Object.entries(choices.sellers).map(([sellerId, choice]) => ({
    sellerId,
    fulfilment: choice.fulfilment,
    ...(choice.fulfilment === 'DELIVERY' && choice.shippingMethodId
      ? { shippingMethodId: choice.shippingMethodId }
      : {}),
    ...(choice.fulfilment === 'PICKUP' && choice.pickupStoreId
      ? { pickupStoreId: choice.pickupStoreId }
      : {}),
  }));
}

/** The default address first, else the first one; a new address when the book is empty. */
export function initialAddress(
  addresses: ReadonlyArray<{ id: string; isDefault: boolean }>,
): AddressChoice {
  const address = addresses.find((a) => a.isDefault) ?? addresses[0];
  return address ? { kind: 'saved', id: address.id } : { kind: 'new', address: null, save: true };
}
