import type { StockAdjustInput, StockMovementReason } from '../../generated/graphql';

// Imports and sales change stock on their own; a person adjusts for the other reasons.
export type AdjustReason = Exclude<StockMovementReason, 'IMPORT' | 'SOLD'>;

export const REASONS: Record<
  AdjustReason,
  { label: string; quantity: string; description: string }
> = {
  RECEIVED: {
    label: 'Received',
    quantity: 'Quantity received',
    description: 'Added to what is on hand.',
  },
  DAMAGED: {
    label: 'Damaged',
    quantity: 'Quantity damaged',
    description: 'Taken off what is on hand.',
  },
  COUNT_CORRECTION: {
    label: 'Count correction',
    quantity: 'Counted quantity',
    description: 'What is on the shelf now, after counting; replaces the on-hand figure.',
  },
  OFFLINE_SALE: {
    label: 'Offline sale',
    quantity: 'Quantity sold',
    description: 'Sold outside the platform (e.g. at the counter); may take the stock below zero.',
  },
};

export const ADJUST_REASONS = Object.keys(REASONS) as AdjustReason[];

export const MOVEMENT_REASON_LABELS: Record<StockMovementReason, string> = {
  RECEIVED: 'Received',
  DAMAGED: 'Damaged',
  COUNT_CORRECTION: 'Count correction',
  OFFLINE_SALE: 'Offline sale',
  IMPORT: 'Import',
  SOLD: 'Sold',
};

export interface AdjustValues {
  locationId: string;
  reason: AdjustReason;
  quantity: string;
  note: string;
}

/** The API names the quantity `delta` or `countedQuantity`; the form has one field. */
export const FIELD_MAP = { delta: 'quantity', countedQuantity: 'quantity' } as const;

/** The StockAdjustInput for what the form says: a signed delta, or the counted quantity. */
export function adjustInput(
  offerId: string,
  values: AdjustValues,
  quantity: number,
): StockAdjustInput {
  const base = {
    offerId,
    locationId: values.locationId,
    reason: values.reason,
    note: values.note.trim() || null,
  };
  switch (values.reason) {
    case 'COUNT_CORRECTION':
      return { ...base, countedQuantity: quantity };
    case 'RECEIVED':
      return { ...base, delta: quantity };
    default:
      return { ...base, delta: -quantity };
  }
}
