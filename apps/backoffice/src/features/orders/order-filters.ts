import type {
  OrderFilter,
  OrderStatus,
  PaymentMethod,
  SalesChannel,
} from '../../generated/graphql';
import { dateInputToIso, dateInputValue } from '../../shared/format/date';
import { ORDER_STATUS_LABELS } from './components/order-labels';

/**
 * The order list's filters as they live in the URL, so a filtered list can be
 * bookmarked and shared: ?status=PAID,ACCEPTED&from=2026-11-01&to=2026-11-30
 * &store=<id>&payment=IN_STORE&channel=OFFLINE&number=1042
 */
export interface OrderFilterValues {
  status: OrderStatus[];
  /** YYYY-MM-DD, local days, both inclusive. */
  from: string;
  to: string;
  store: string;
  payment: PaymentMethod | '';
  channel: SalesChannel | '';
  number: string;
}

const STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[];
const METHODS: PaymentMethod[] = ['STRIPE', 'WALLET', 'IN_STORE'];
const CHANNELS: SalesChannel[] = ['ONLINE', 'OFFLINE'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readOrderFilters(params: URLSearchParams): OrderFilterValues {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is OrderStatus => STATUSES.includes(s as OrderStatus));
  const payment = params.get('payment') as PaymentMethod | null;
  const channel = params.get('channel') as SalesChannel | null;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const number = params.get('number') ?? '';
  return {
    status,
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    store: params.get('store') ?? '',
    payment: payment && METHODS.includes(payment) ? payment : '',
    channel: channel && CHANNELS.includes(channel) ? channel : '',
    number: /^\d{1,9}$/.test(number) ? number : '',
  };
}

/** The URL for these filters, keeping any other parameter. */
export function writeOrderFilters(
  params: URLSearchParams,
  values: OrderFilterValues,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set('status', values.status.join(','));
  set('from', values.from);
  set('to', values.to);
  set('store', values.store);
  set('payment', values.payment);
  set('channel', values.channel);
  set('number', values.number);
  return next;
}

/** The API's OrderFilter; null when nothing is filtered. */
export function toOrderFilter(values: OrderFilterValues): OrderFilter | null {
  const filter: OrderFilter = {};
  if (values.status.length > 0) filter.status = values.status;
  if (values.from) filter.placedFrom = dateInputToIso(values.from);
  // placedTo is exclusive: the start of the day after the last one shown.
  if (values.to) filter.placedTo = dateInputToIso(nextDay(values.to));
  if (values.store) filter.storeId = values.store;
  if (values.payment) filter.paymentMethod = values.payment;
  if (values.channel) filter.channel = values.channel;
  if (values.number) filter.number = Number(values.number);
  return Object.keys(filter).length > 0 ? filter : null;
}

function nextDay(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return dateInputValue(1, new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

export function hasOrderFilters(values: OrderFilterValues): boolean {
  return toOrderFilter(values) !== null;
}
