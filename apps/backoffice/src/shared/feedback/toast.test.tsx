import { notifications } from '@mantine/notifications';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderWithProviders } from '../../test/render';
import { toast } from './toast';

afterEach(() => {
  act(() => notifications.clean());
});

describe('toast', () => {
  it('shows a success message', async () => {
    renderWithProviders(<p>page</p>);
    act(() => {
      toast.success({ title: 'Saved', message: 'The role was created.' });
    });
    expect(await screen.findByText('The role was created.')).toBeTruthy();
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('turns a thrown error into a readable message', async () => {
    renderWithProviders(<p>page</p>);
    act(() => {
      toast.error({ title: 'Import failed', error: new TypeError('Failed to fetch') });
    });
    expect(await screen.findByText('Import failed')).toBeTruthy();
    expect(
      screen.getByText('Cannot reach the API. Check your connection and try again.'),
    ).toBeTruthy();
  });
});
