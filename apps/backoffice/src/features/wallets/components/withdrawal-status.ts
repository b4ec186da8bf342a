import type { WithdrawalStatus } from '../../../generated/graphql';

export const WITHDRAWAL_STATUS_LABELS: Record<WithdrawalStatus, string> = {
  REQUESTED: 'Requested',
  PAID: 'Paid out',
  REJECTED: 'Rejected',
};

export const WITHDRAWAL_STATUS_COLORS: Record<WithdrawalStatus, string> = {
  REQUESTED: 'yellow',
  PAID: 'teal',
  REJECTED: 'gray',
};
