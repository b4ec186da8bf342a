import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  AuditEventsDocument,
  type AuditEventsQuery,
  type AuditEventsQueryVariables,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { AuditView } from './views/audit-view';

describe('audit log', () => {
  it('shows events compactly and maps its filters to the query', async () => {
    const calls: AuditEventsQueryVariables[] = [];
    const api = {
      request: {
        query: AuditEventsDocument,
        variables: (variables: AuditEventsQueryVariables) => {
          calls.push(variables);
          return true;
        },
      },
      result: {
        data: {
          auditEvents: {
            __typename: 'AuditEventConnection',
            totalCount: 1,
            pageInfo: { __typename: 'PageInfo', endCursor: 'e1', hasNextPage: false },
            edges: [
              {
                __typename: 'AuditEventEdge',
                cursor: 'e1',
                node: {
                  __typename: 'AuditEvent',
                  id: 'e1',
                  type: 'LOGIN_FAILED',
                  createdAt: '2026-03-02T08:15:00.000Z',
                  ip: '203.0.113.9',
                  details: { reason: 'wrong password', attempt: 3 },
                  actor: {
                    __typename: 'User',
                    id: 'u-mallory',
                    name: 'Mallory',
                    email: 'mallory@example.com',
                  },
                  subject: null,
                },
              },
            ],
          },
        } as AuditEventsQuery,
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    renderScreen(<AuditView />, { mocks: [api] });

    const table = await screen.findByRole('table', { name: 'Audit events' });
    const row = (await within(table).findByText('Login failed')).closest('tr')!;
    expect(within(row).getByText('203.0.113.9')).toBeTruthy();
    expect(within(row).getByText('{"reason":"wrong password","attempt":3}')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Mallory' }).getAttribute('href')).toBe(
      '/users/u-mallory',
    );
    expect(calls.at(-1)).toMatchObject({ first: 50, after: null, type: null, since: null });

    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), {
      target: { value: 'ROLE_ASSIGNED' },
    });
    fireEvent.change(screen.getByLabelText('Since'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2026-03-02' } });
    await waitFor(() =>
      expect(calls.at(-1)).toMatchObject({
        type: 'ROLE_ASSIGNED',
        since: new Date(2026, 2, 1).toISOString(),
        until: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
      }),
    );

    fireEvent.click(within(row).getByRole('button', { name: 'Only events by Mallory' }));
    expect((screen.getByLabelText('Actor id') as HTMLInputElement).value).toBe('u-mallory');
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ actorId: 'u-mallory' }));
  });
});
