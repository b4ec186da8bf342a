import { ActionIcon, Group, Table, Tooltip, VisuallyHidden } from '@mantine/core';

import type { TaxRateList_RateFragment } from '../../../generated/graphql';
import { formatDate } from '../../../shared/format/date';
import { IconPencil, IconTrash } from '../../../shared/icons';
import { basisPointsToPercent } from './tax-rate-values';

/** Tax rates by country, then region, then category (fragment: tax-rate-list.graphql). */
export function TaxRateList({
  rates,
  categoryName,
  onEdit,
  onDelete,
}: {
  rates: readonly TaxRateList_RateFragment[];
  categoryName: (id: string) => string;
  onEdit: (rate: TaxRateList_RateFragment) => void;
  onDelete: (rate: TaxRateList_RateFragment) => void;
}) {
  const label = (rate: TaxRateList_RateFragment) =>
    `${rate.country}${rate.region ? `-${rate.region}` : ''} ${rate.categoryId ? categoryName(rate.categoryId) : 'every category'}`;
  const sorted = [...rates].sort(
    (a, b) =>
      a.country.localeCompare(b.country) ||
      (a.region ?? '').localeCompare(b.region ?? '') ||
      (a.categoryId ? categoryName(a.categoryId) : '').localeCompare(
        b.categoryId ? categoryName(b.categoryId) : '',
      ),
  );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Tax rates" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Country</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Rate</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((rate) => (
            <Table.Tr key={rate.id}>
              <Table.Td>{rate.country}</Table.Td>
              <Table.Td>{rate.region ?? 'Whole country'}</Table.Td>
              <Table.Td>
                {rate.categoryId ? categoryName(rate.categoryId) : 'Every category'}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {basisPointsToPercent(rate.rateBp)} %
              </Table.Td>
              <Table.Td>{formatDate(rate.updatedAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label="Change rate">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Change ${label(rate)}`}
                      onClick={() => onEdit(rate)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${label(rate)}`}
                      onClick={() => onDelete(rate)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
