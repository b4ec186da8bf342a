import { describe, expect, it } from 'vitest';

import { readOrderFilters, toOrderFilter, writeOrderFilters } from './order-filters';

describe('order filters in the URL', () => {
  it('keeps only valid values and turns local days into a half-open range', () => {
    const values = readOrderFilters(
      new URLSearchParams(
        'status=PAID,NOPE,SHIPPED&from=2026-11-01&to=2026-11-30&payment=CASH&channel=OFFLINE&number=12a',
      ),
    );
    expect(values).toEqual({
      status: ['PAID', 'SHIPPED'],
      from: '2026-11-01',
      to: '2026-11-30',
      store: '',
      payment: '',
      channel: 'OFFLINE',
      number: '',
    });
    const filter = toOrderFilter(values);
    expect(filter?.placedFrom).toBe(new Date(2026, 10, 1).toISOString());
    expect(filter?.placedTo).toBe(new Date(2026, 11, 1).toISOString());
    expect(filter).toMatchObject({ status: ['PAID', 'SHIPPED'], channel: 'OFFLINE' });
  });

  it('writes empty filters as no parameters and keeps unrelated ones', () => {
    const next = writeOrderFilters(new URLSearchParams('status=PAID&tab=x'), {
      status: [],
      from: '',
      to: '',
      store: '',
      payment: 'WALLET',
      channel: '',
      number: '7',
    });
    expect(next.toString()).toBe('tab=x&payment=WALLET&number=7');
    expect(toOrderFilter(readOrderFilters(new URLSearchParams()))).toBeNull();
  });
});
