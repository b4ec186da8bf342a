import { Badge } from '@mantine/core';

import type { StockLocationKind } from '../../../generated/graphql';

const LOCATION_KIND_LABELS: Record<StockLocationKind, string> = {
  WAREHOUSE: 'Warehouse',
  STORE: 'Store',
};

export function LocationKindBadge({ kind }: { kind: StockLocationKind }) {
  return (
    <Badge variant="outline" color={kind === 'STORE' ? 'grape' : 'blue'} size="sm">
      {LOCATION_KIND_LABELS[kind]}
    </Badge>
  );
}
