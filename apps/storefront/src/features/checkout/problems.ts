/** Where a checkout problem or a place-order error is shown: next to what it names. */
export interface PlacedProblems {
  /** About the whole cart (empty, has warnings) or nothing shown on this page. */
  top: string[];
  address: string[];
  coupon: string[];
  payment: string[];
  /** Beside the place-order button (the total changed). */
  placeOrder: string[];
  bySeller: Record<string, string[]>;
  byLine: Record<string, string[]>;
}

export interface CheckoutProblemLike {
  code: string;
  message: string;
  sellerId?: string | null;
  lineId?: string | null;
}

export interface PayloadErrorLike {
  code: string;
  field: string | null;
  message: string;
}

const ADDRESS = new Set(['ADDRESS_REQUIRED', 'NO_DELIVERY_TO_COUNTRY']);
const PAYMENT = new Set(['PAYMENT_METHOD_UNAVAILABLE', 'INSUFFICIENT_FUNDS', 'PAYMENT_FAILED']);

function empty(): PlacedProblems {
  return {
    top: [],
    address: [],
    coupon: [],
    payment: [],
    placeOrder: [],
    bySeller: {},
    byLine: {},
  };
}

function add(map: Record<string, string[]>, key: string, message: string) {
  (map[key] ??= []).push(message);
}

function placeByCode(placed: PlacedProblems, code: string, message: string) {
  if (code.startsWith('COUPON_')) placed.coupon.push(message);
  else if (ADDRESS.has(code)) placed.address.push(message);
  else if (PAYMENT.has(code)) placed.payment.push(message);
  else if (code === 'TOTAL_CHANGED') placed.placeOrder.push(message);
  else placed.top.push(message);
}

/**
 * Sorts the quote's problems and the place-order payload's errors between the parts
 * of the page. `choiceSellers[i]` is the seller of the input's `choices[i]`, so that an
 * error on `choices.1.pickupStoreId` lands in that seller's group.
 */
export function placeProblems(
  problems: readonly CheckoutProblemLike[],
  errors: readonly PayloadErrorLike[],
  lineIds: ReadonlySet<string>,
  choiceSellers: readonly string[],
  messageFor: (code: string, fallback: string) => string = (_code, fallback) => fallback,
): PlacedProblems {
  const placed = empty();
  for (const problem of problems) {
    const message = messageFor(problem.code, problem.message);
    if (problem.lineId && lineIds.has(problem.lineId)) add(placed.byLine, problem.lineId, message);
    else if (problem.sellerId) add(placed.bySeller, problem.sellerId, message);
    else placeByCode(placed, problem.code, message);
  }
  for (const error of errors) {
    const message = messageFor(error.code, error.message);
    const field = error.field ?? '';
    const choice = /^choices\.(\d+)/.exec(field);
    const seller = choice ? choiceSellers[Number(choice[1])] : undefined;
    if (lineIds.has(field)) add(placed.byLine, field, message);
    else if (seller) add(placed.bySeller, seller, message);
    else if (field.startsWith('shippingAddress')) placed.address.push(message);
    else if (field === 'couponCode') placed.coupon.push(message);
    else if (field === 'paymentMethod') placed.payment.push(message);
    else placeByCode(placed, error.code, message);
  }
  return placed;
}
