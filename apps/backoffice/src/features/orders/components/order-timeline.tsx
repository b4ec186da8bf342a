import { Text, Timeline } from '@mantine/core';

import type { OrderDetail_OrderFragment } from '../../../generated/graphql';
import { formatDateTime } from '../../../shared/format/date';
import { ORDER_STATUS_LABELS } from './order-labels';

/** Every status change of the order, oldest first, with who made it and why. */
export function OrderTimeline({
  transitions,
}: {
  transitions: OrderDetail_OrderFragment['transitions'];
}) {
  const sorted = [...transitions].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline active={sorted.length - 1} bulletSize={14} lineWidth={2} aria-label="Order history">
      {sorted.map((t) => (
        <Timeline.Item key={t.id} title={ORDER_STATUS_LABELS[t.to]}>
          <Text size="xs" c="dimmed">
            {formatDateTime(t.at)} · {t.actorName ?? 'System'}
          </Text>
          {t.reason ? <Text size="sm">{t.reason}</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
