import type { OrderCardOrderFragment } from '../../generated/purchases';
import type { PurchasesMessages } from './messages';

/** How the order reaches the shopper: delivery (method, address) or pick-up (store). */
export function fulfilmentText(
  order: Pick<
    OrderCardOrderFragment,
    'fulfilment' | 'pickupStore' | 'shippingAddress' | 'shippingMethodName'
  >,
  m: PurchasesMessages,
): string {
  if (order.fulfilment === 'PICKUP') {
    const store = order.pickupStore;
    return m.pickupAt(store ? `${store.name}, ${store.line1}, ${store.city}` : '—');
  }
  const address = order.shippingAddress;
  return m.deliveryTo(
    order.shippingMethodName ?? m.delivery,
    address ? `${address.recipient}, ${address.line1}, ${address.postalCode} ${address.city}` : '—',
  );
}
