import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusPageDocument } from '../../generated/graphql';
import { networkErrorMock, statusPageMock } from '../../test/mocks';
import { renderView } from '../../test/render';
import { StatusView } from './views/status-view';

function rowValue(term: string): string | null | undefined {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
}

describe('service status page', () => {
  it('shows whether the database is up and which version runs', async () => {
    renderView(<StatusView />, [statusPageMock(true, '2.0.1')]);

    await screen.findByText('Database', { selector: 'dt' });
    expect(rowValue('Database')).toBe('Up');
    expect(rowValue('Version')).toBe('2.0.1');
  });

  it('reports a database that is down', async () => {
    renderView(<StatusView />, [statusPageMock(false)]);

    await screen.findByText('Database', { selector: 'dt' });
    expect(rowValue('Database')).toBe('Down');
  });

  it('shows an error with a retry when the API cannot be reached', async () => {
    renderView(<StatusView />, [networkErrorMock(StatusPageDocument), statusPageMock(true)]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The service is not answering');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    await screen.findByText('Database', { selector: 'dt' });
    expect(rowValue('Database')).toBe('Up');
  });
});
