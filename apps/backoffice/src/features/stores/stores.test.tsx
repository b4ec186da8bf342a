import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { StoreCreateDocument, type StoreCreateMutation } from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { StoreForm } from './components/store-form-modal';

/** The error text Mantine attached to an input (through aria-describedby). */
function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}

describe('store form', () => {
  it('edits opening hours per weekday and coordinates, and shows the API’s errors on them', async () => {
    const hours = (day: number) => ({ day, opens: '08:30', closes: '19:00' });
    const create = {
      request: {
        query: StoreCreateDocument,
        variables: {
          sellerId: 's-green',
          input: {
            name: 'Baixa',
            line1: 'Rua Augusta 10',
            line2: null,
            postalCode: '1100-053',
            city: 'Lisbon',
            region: null,
            country: 'PT',
            latitude: 38.7101,
            longitude: -9.1366,
            openingHours: [1, 2, 3, 4, 5].map(hours),
          },
        },
      },
      result: {
        data: {
          storeCreate: {
            __typename: 'StoreCreatePayload',
            store: null,
            errors: [
              {
                __typename: 'StoreCreateError',
                code: 'OPENING_HOURS_INVALID',
                field: 'input.openingHours.1.closes',
                message: 'Overlaps another range that day.',
              },
              {
                __typename: 'StoreCreateError',
                code: 'COORDINATES_INVALID',
                field: 'latitude',
                message: 'This point is in the sea.',
              },
            ],
          },
        } as StoreCreateMutation,
      },
    };
    renderScreen(<StoreForm sellerId="s-green" store={null} onDone={() => undefined} />, {
      mocks: [create],
    });

    const type = (label: RegExp, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type(/^Name/, 'Baixa');
    type(/^Address \*/, 'Rua Augusta 10');
    type(/^Postal code/, '1100-053');
    type(/^City/, 'Lisbon');
    type(/^Country/, 'pt');
    type(/^Latitude/, '38.7101');
    type(/^Longitude/, '-9,1366');

    const hoursTable = screen.getByRole('table', { name: 'Opening hours' });
    expect(within(hoursTable).getAllByText('Closed')).toHaveLength(7);
    fireEvent.click(screen.getByRole('button', { name: 'Add Monday hours' }));
    fireEvent.change(screen.getByLabelText('Monday opens'), { target: { value: '08:30' } });
    fireEvent.change(screen.getByLabelText('Monday closes'), { target: { value: '19:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }));
    expect((screen.getByLabelText('Friday opens') as HTMLInputElement).value).toBe('08:30');
    expect(within(hoursTable).getAllByText('Closed')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Add store' }));

    expect(await screen.findByText('Overlaps another range that day.')).toBeTruthy();
    expect(errorOf(screen.getByLabelText('Tuesday closes'))).toBe(
      'Overlaps another range that day.',
    );
    expect(errorOf(screen.getByLabelText('Monday closes'))).toBeNull();
    expect(errorOf(screen.getByLabelText(/^Latitude/))).toBe('This point is in the sea.');
  });

  it('refuses half a coordinate pair before asking the API', () => {
    renderScreen(<StoreForm sellerId="s-green" store={null} onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText(/^Latitude/), { target: { value: '38.7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add store' }));
    expect(errorOf(screen.getByLabelText(/^Longitude/))).toBe('Give both coordinates, or neither.');
    expect(errorOf(screen.getByLabelText(/^Country/))).toBe('Two letters (ISO 3166-1), e.g. PT.');
  });
});
