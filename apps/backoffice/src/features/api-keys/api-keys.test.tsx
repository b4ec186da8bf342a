import type { ApolloClient } from '@apollo/client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  ApiKeyCreateDocument,
  ApiKeysDocument,
  type ApiKeyCreateMutation,
  type ApiKeysQuery,
} from '../../generated/graphql';
import { greenGrocer, viewer } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ApiKeysView } from './views/api-keys-view';

const SECRET = 'bz_live_7f3a9c2e4b1d8f6a0c5e9b3d';

const owner = viewer({
  name: 'Olga Owner',
  permissions: [],
  sellerAccess: [
    { seller: greenGrocer, permissions: ['STORES_READ', 'STORES_MANAGE', 'STAFF_READ'] },
  ],
});

const apiKey = (id: string, name: string, prefix: string) => ({
  __typename: 'ApiKey' as const,
  id,
  name,
  prefix,
  permissions: ['STORES_READ' as const],
  createdAt: '2026-03-01T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  seller: { __typename: 'Seller' as const, id: greenGrocer.id, name: greenGrocer.name },
});

describe('API keys', () => {
  it('shows a new key’s secret once, with a copy button, and keeps it out of the cache', async () => {
    let client: ApolloClient | undefined;
    const mocks = [
      {
        request: { query: ApiKeysDocument },
        result: { data: { apiKeys: [apiKey('k1', 'Old ERP', 'bz_live_1a2b')] } as ApiKeysQuery },
      },
      {
        request: {
          query: ApiKeyCreateDocument,
          variables: {
            input: {
              name: 'Warehouse ERP',
              permissions: ['STORES_READ'],
              sellerId: greenGrocer.id,
              expiresAt: null,
            },
          },
        },
        result: {
          data: {
            apiKeyCreate: {
              __typename: 'ApiKeyCreatePayload',
              errors: [],
              secret: SECRET,
              apiKey: apiKey('k2', 'Warehouse ERP', 'bz_live_7f3a'),
            },
          } as ApiKeyCreateMutation,
        },
      },
    ];
    renderScreen(<ApiKeysView />, { viewer: owner, mocks, onClient: (c) => (client = c) });
    await screen.findByText('Old ERP');

    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const form = await screen.findByRole('dialog', { name: 'Create an API key' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Warehouse ERP' } });
    // Platform-wide this owner holds nothing; within the seller, three permissions.
    expect(within(form).queryByRole('checkbox')).toBeNull();
    fireEvent.change(within(form).getByLabelText(/^Seller/), {
      target: { value: greenGrocer.id },
    });
    expect(within(form).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(form).queryByRole('checkbox', { name: /USERS_READ/ })).toBeNull();
    fireEvent.click(within(form).getByRole('checkbox', { name: /^STORES_READ/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your API key now' });
    expect(within(shown).getByText(SECRET)).toBeTruthy();
    expect(within(shown).getByText('Shown only once')).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(JSON.stringify(client?.cache.extract())).not.toContain(SECRET);

    fireEvent.click(within(shown).getByRole('button', { name: 'I have stored the secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText(SECRET)).toBeNull();
    const table = screen.getByRole('table', { name: 'API keys' });
    expect(within(table).getByText('Warehouse ERP')).toBeTruthy();
    expect(within(table).getByText('bz_live_7f3a…')).toBeTruthy();

    // Opening the dialog again starts a new key: the secret is gone for good.
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await screen.findByRole('dialog', { name: 'Create an API key' });
    expect(screen.queryByText(SECRET)).toBeNull();
  });
});
