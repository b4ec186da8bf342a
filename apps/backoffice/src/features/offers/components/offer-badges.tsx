import { Badge } from '@mantine/core';

import type { OfferStatus, PriceScheduleState, StockStatus } from '../../../generated/graphql';

const OFFER_STATUS: Record<OfferStatus, { label: string; color: string }> = {
  ACTIVE: { label: 'Active', color: 'teal' },
  INACTIVE: { label: 'Withdrawn', color: 'gray' },
};

const STOCK_STATUS: Record<StockStatus, { label: string; color: string }> = {
  IN_STOCK: { label: 'In stock', color: 'teal' },
  LOW_STOCK: { label: 'Low stock', color: 'yellow' },
  OUT_OF_STOCK: { label: 'Out of stock', color: 'red' },
  BACKORDER: { label: 'Backorder', color: 'orange' },
};

const SCHEDULE_STATE: Record<PriceScheduleState, { label: string; color: string }> = {
  PENDING: { label: 'Scheduled', color: 'blue' },
  RUNNING: { label: 'Running', color: 'teal' },
  ENDED: { label: 'Ended', color: 'gray' },
  CANCELLED: { label: 'Cancelled', color: 'red' },
};
export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { label, color } = OFFER_STATUS[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

export function StockStatusBadge({ status }: { status: StockStatus }) {
  const { label, color } = STOCK_STATUS[status];
  return (
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}

export function ScheduleStateBadge({ state }: { state: PriceScheduleState }) {
  const { label, color } = SCHEDULE_STATE[state];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
