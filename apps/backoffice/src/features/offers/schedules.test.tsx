import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  PriceScheduleCreateDocument,
  type PriceScheduleCreateMutation,
  type PriceSchedules_ScheduleFragment,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { PriceSchedules } from './components/price-schedules';
import { catalogViewer, errorOf, money } from './test-data';

function schedule(
  id: string,
  state: PriceSchedules_ScheduleFragment['state'],
  startsAt: string,
  amount: number,
  endsAt: string | null = null,
): PriceSchedules_ScheduleFragment {
  return {
    __typename: 'PriceSchedule',
    id,
    state,
    startsAt,
    endsAt,
    price: money(amount),
    compareAtPrice: null,
  };
}

const schedules = [
  schedule('s-pending', 'PENDING', '2030-03-01T09:00:00.000Z', 899, '2030-03-08T09:00:00.000Z'),
  schedule('s-running', 'RUNNING', '2026-11-01T09:00:00.000Z', 799),
  schedule('s-ended', 'ENDED', '2026-10-01T09:00:00.000Z', 699, '2026-10-08T09:00:00.000Z'),
  schedule('s-cancelled', 'CANCELLED', '2026-09-01T09:00:00.000Z', 599),
];

describe('price schedules', () => {
  it('lists each schedule with its state, oldest start first, cancellable only while pending or running', async () => {
    renderScreen(<PriceSchedules offerId="o-1" currency="USD" schedules={schedules} canManage />, {
      viewer: catalogViewer,
    });
    const table = await screen.findByRole('table', { name: 'Price schedules' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [within(row).getByText(/^USD /).textContent, row.textContent]),
    ).toHaveLength(4);
    const cells = rows.map((row) => ({
      price: within(row).getByText(/^USD /).textContent,
      cancellable: within(row).queryByRole('button', { name: /^Cancel the schedule/ }) !== null,
      text: row.textContent ?? '',
    }));
    expect(cells.map((c) => c.price)).toEqual(['USD 5.99', 'USD 6.99', 'USD 7.99', 'USD 8.99']);
    expect(cells.map((c) => /Cancelled|Ended|Running|Scheduled/.exec(c.text)?.[0])).toEqual([
      'Cancelled',
      'Ended',
      'Running',
      'Scheduled',
    ]);
    expect(cells.map((c) => c.cancellable)).toEqual([false, false, true, true]);
    expect(cells[2]?.text).toContain('Stays until changed');
  });

  it('is read-only without offers:manage', async () => {
    renderScreen(
      <PriceSchedules offerId="o-1" currency="USD" schedules={schedules} canManage={false} />,
      { viewer: catalogViewer },
    );
    await screen.findByRole('table', { name: 'Price schedules' });
    expect(screen.queryByRole('button', { name: /^Cancel the schedule/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Schedule' })).toBeNull();
  });

  it('schedules a price in minor units from local times and shows a refused window next to its end', async () => {
    const startsAt = '2030-01-01T10:00';
    const endsAt = '2030-01-02T10:00';
    const create = {
      request: {
        query: PriceScheduleCreateDocument,
        variables: {
          input: {
            offerId: 'o-1',
            price: 999,
            compareAtPrice: 1299,
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(endsAt).toISOString(),
          },
        },
      },
      result: {
        data: {
          priceScheduleCreate: {
            __typename: 'PriceScheduleCreatePayload',
            priceSchedule: null,
            errors: [
              {
                __typename: 'PriceScheduleCreateError',
                code: 'WINDOW_INVALID',
                field: 'endsAt',
                message: 'It overlaps another schedule.',
              },
            ],
          },
        } as PriceScheduleCreateMutation,
      },
    };
    renderScreen(<PriceSchedules offerId="o-1" currency="USD" schedules={[]} canManage />, {
      viewer: catalogViewer,
      mocks: [create],
    });
    expect(screen.getByText('No price change is scheduled.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Price \(USD\)/), { target: { value: '9.99' } });
    fireEvent.change(screen.getByLabelText(/^Compare-at price/), { target: { value: '12.99' } });
    fireEvent.change(screen.getByLabelText(/^Starts/), { target: { value: startsAt } });
    const ends = screen.getByLabelText(/^Ends/);
    fireEvent.change(ends, { target: { value: endsAt } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText('It overlaps another schedule.')).toBeTruthy();
    expect(errorOf(ends)).toBe('It overlaps another schedule.');
  });
});
