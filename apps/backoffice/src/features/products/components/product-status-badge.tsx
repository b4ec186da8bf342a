import { Badge } from '@mantine/core';

import type { ProductStatus } from '../../../generated/graphql';

const STATUS_LABELS: Record<ProductStatus, string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

const STATUS_COLORS: Record<ProductStatus, string> = {
  DRAFT: 'gray',
  PUBLISHED: 'teal',
  ARCHIVED: 'dark',
};

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
