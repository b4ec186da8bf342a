import { Table, Text } from '@mantine/core';

import type { OrderDetail_OrderFragment } from '../../../generated/graphql';

/** The order's lines and totals. */
export function OrderLines({ order }: { order: OrderDetail_OrderFragment }) {
  const right = { textAlign: 'right' } as const;
  const totalRow = (label: string, value: string, strong = false) => (
    <Table.Tr>
      <Table.Td colSpan={4} style={right}>
        <Text size="sm" fw={strong ? 700 : 400}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td style={right}>
        <Text size="sm" fw={strong ? 700 : 400}>
          {value}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Order lines" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th style={right}>Unit price</Table.Th>
            <Table.Th style={right}>Qty</Table.Th>
            <Table.Th style={right}>Tax</Table.Th>
            <Table.Th style={right}>Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {line.title}
                </Text>
                <Text size="xs" c="dimmed">
                  SKU {line.sku}
                  {line.discount.amount > 0 ? ` · discount ${line.discount.formatted}` : ''}
                </Text>
              </Table.Td>
              <Table.Td style={right}>{line.unitPrice.formatted}</Table.Td>
              <Table.Td style={right}>{line.quantity}</Table.Td>
              <Table.Td style={right}>{line.tax.formatted}</Table.Td>
              <Table.Td style={right}>{line.total.formatted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {totalRow('Items', order.itemsSubtotal.formatted)}
          {order.discountTotal.amount > 0
            ? totalRow('Discount', `−${order.discountTotal.formatted}`)
            : null}
          {totalRow('Shipping', order.shippingFee.formatted)}
          {totalRow('Tax', order.taxTotal.formatted)}
          {totalRow('Total', order.total.formatted, true)}
          {order.refundedTotal.amount > 0
            ? totalRow('Refunded', `−${order.refundedTotal.formatted}`)
            : null}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
