// purchasePaymentStart: the viewer's unpaid card payment, its client secret
// re-read (or the PaymentIntent created, when the first try failed).
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { Context } from '../../context.js';
import type { PurchasePaymentStartCode } from '../orders/orders.errors.js';
import { PaymentError, startStripePayment } from '../payments/purchase-payments.js';

export async function startPurchasePayment(ctx: Context, purchaseId: string) {
  const errors = new PayloadErrors<PurchasePaymentStartCode>();
  const fail = () => ({ payment: null, errors: errors.list });
  const purchase = isUuid(purchaseId)
    ? await ctx.db.prisma.purchase.findUnique({ where: { id: purchaseId } })
    : null;
  if (!purchase || purchase.customerId !== ctx.session.userId)
    return (errors.add('NOT_FOUND', 'This purchase does not exist.', 'purchaseId'), fail());
  const payment = await ctx.db.prisma.payment.findFirst({
    where: { purchaseId: purchase.id, method: 'STRIPE' },
  });
  const placed = await ctx.db.prisma.order.count({
    where: { purchaseId: purchase.id, status: 'PLACED' },
  });
  if (!payment || payment.status === 'SUCCEEDED' || payment.status === 'CANCELED' || !placed)
    return (errors.add('NOT_PAYABLE', 'This purchase is not waiting for a card payment.'), fail());
  try {
    const started = await startStripePayment(ctx, payment.id);
    return {
      payment: {
        paymentId: payment.id,
        method: payment.method,
        status: started.status,
        clientSecret: started.clientSecret,
      },
      errors: [],
    };
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    return (errors.add('PAYMENT_FAILED', error.message), fail());
  }
}
