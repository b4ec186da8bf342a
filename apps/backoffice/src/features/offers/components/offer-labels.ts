import type { OfferCondition, PriceChangeReason } from '../../../generated/graphql';

export const CONDITION_LABELS: Record<OfferCondition, string> = {
  NEW: 'New',
  REFURBISHED: 'Refurbished',
  USED_LIKE_NEW: 'Used – like new',
  USED_GOOD: 'Used – good',
  USED_ACCEPTABLE: 'Used – acceptable',
};

export const CONDITION_OPTIONS = (Object.keys(CONDITION_LABELS) as OfferCondition[]).map(
  (value) => ({ value, label: CONDITION_LABELS[value] }),
);

export const PRICE_CHANGE_REASONS: Record<PriceChangeReason, string> = {
  CREATED: 'Offer created',
  MANUAL: 'Edited',
  BULK_EDIT: 'Bulk edit',
  IMPORT: 'Import',
  SCHEDULE_START: 'Schedule started',
  SCHEDULE_END: 'Schedule ended',
};

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function offerPath(sellerId: string, offerId: string): string {
  return `/sellers/${encodeURIComponent(sellerId)}/offers/${encodeURIComponent(offerId)}`;
}
