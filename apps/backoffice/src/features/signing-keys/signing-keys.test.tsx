import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  SigningKeyRotateDocument,
  SigningKeysDocument,
  type SigningKeyRotateMutation,
  type SigningKeysQuery,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { SigningKeysView } from './views/signing-keys-view';

const key = (id: string, current: boolean, retiresAt: string | null = null) => ({
  __typename: 'SigningKey' as const,
  id,
  algorithm: 'EdDSA',
  createdAt: '2026-03-01T10:00:00.000Z',
  current,
  retiresAt,
});

describe('signing keys', () => {
  it('rotates the key only after a confirmation that says sessions keep working', async () => {
    let rotations = 0;
    const mocks = [
      {
        request: { query: SigningKeysDocument },
        result: { data: { signingKeys: [key('kid-2026-03', true)] } as SigningKeysQuery },
      },
      {
        request: { query: SigningKeyRotateDocument },
        result: () => {
          rotations += 1;
          return {
            data: {
              signingKeyRotate: {
                __typename: 'SigningKeyRotatePayload',
                errors: [],
                signingKey: key('kid-2026-04', true),
              },
            } as SigningKeyRotateMutation,
          };
        },
      },
      {
        request: { query: SigningKeysDocument },
        result: {
          data: {
            signingKeys: [
              key('kid-2026-03', false, '2026-04-01T10:15:00.000Z'),
              key('kid-2026-04', true),
            ],
          } as SigningKeysQuery,
        },
      },
    ];
    renderScreen(<SigningKeysView />, { mocks });
    const table = await screen.findByRole('table', { name: 'Signing keys' });
    expect(within(table).getByText('kid-2026-03')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    let dialog = await screen.findByRole('dialog', { name: 'Rotate the signing key?' });
    expect(within(dialog).getByText(/Existing sessions keep working/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rotations).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    dialog = await screen.findByRole('dialog', { name: 'Rotate the signing key?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate key' }));

    expect(await screen.findByText('New tokens are signed with kid-2026-04.')).toBeTruthy();
    expect(rotations).toBe(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const rows = within(screen.getByRole('table', { name: 'Signing keys' })).getAllByRole('row');
    expect(within(rows[1]!).getByText('kid-2026-04')).toBeTruthy();
    expect(within(rows[1]!).getByText('Current')).toBeTruthy();
    expect(within(rows[2]!).getByText('kid-2026-03')).toBeTruthy();
    expect(within(rows[2]!).getByText('Verifies only')).toBeTruthy();
  });
});
