import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  ShippingMethodCreateDocument,
  type ShippingMethodCreateMutation,
} from '../../generated/graphql';
import { greenGrocer } from '../../test/fixtures';
import type { Mocks } from '../../test/providers';
import { renderScreen } from '../../test/render';
import { errorOf } from '../offers/test-data';
import { ShippingMethodForm } from './components/shipping-method-form';

function renderForm(mocks: Mocks = []) {
  return renderScreen(
    <ShippingMethodForm
      sellerId={greenGrocer.id}
      currency="EUR"
      method={null}
      onDone={() => undefined}
    />,
    { mocks },
  );
}

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('shipping method form', () => {
  it('refuses bad fees, days and country codes before asking the API', () => {
    renderForm();
    type(/^Countries/, 'PT, Spain');
    type(/^Fee/, '4.999');
    type(/^Free over/, 'lots');
    type(/^Fewest days/, '5');
    type(/^Most days/, '2');
    fireEvent.click(screen.getByRole('button', { name: 'Add shipping method' }));
    expect(errorOf(screen.getByLabelText(/^Name/))).toBe('Required.');
    expect(errorOf(screen.getByLabelText(/^Fee/))).toBe('Use at most 2 decimals.');
    expect(errorOf(screen.getByLabelText(/^Free over/))).toMatch(/^Enter the amount as a number/);
    expect(errorOf(screen.getByLabelText(/^Most days/))).toBe('At least the fewest days.');
    expect(errorOf(screen.getByLabelText(/^Fewest days/))).toBeNull();
    expect(errorOf(screen.getByLabelText(/^Countries/))).toBe(
      'Not two-letter country codes: SPAIN.',
    );
  });

  it('asks for a per-kilogram fee only by weight, and sends minor units', async () => {
    let sent: unknown = null;
    const create = {
      request: {
        query: ShippingMethodCreateDocument,
        variables: (vars: Record<string, unknown>) => {
          sent = vars;
          return true;
        },
      },
      result: {
        data: {
          shippingMethodCreate: {
            __typename: 'ShippingMethodCreatePayload',
            shippingMethod: null,
            errors: [
              {
                __typename: 'ShippingMethodCreateError',
                code: 'COUNTRY_INVALID',
                field: 'input.countries.1',
                message: 'XK is not a country we ship to.',
              },
              {
                __typename: 'ShippingMethodCreateError',
                code: 'FEE_INVALID',
                field: 'perKgFee',
                message: 'Too high for a kilogram.',
              },
            ],
          },
        } as ShippingMethodCreateMutation,
      },
    };
    renderForm([create]);
    expect(screen.queryByLabelText(/^Per started kilogram/)).toBeNull();
    fireEvent.click(screen.getByText('By weight'));
    type(/^Name/, 'Courier');
    type(/^Base fee/, '3,5');
    type(/^Per started kilogram/, '99');
    type(/^Free over/, '50');
    type(/^Countries/, 'pt, xk,pt');
    fireEvent.click(screen.getByRole('button', { name: 'Add shipping method' }));

    await waitFor(() =>
      expect(errorOf(screen.getByLabelText(/^Per started kilogram/))).toBe(
        'Too high for a kilogram.',
      ),
    );
    expect(sent).toEqual({
      sellerId: greenGrocer.id,
      input: {
        name: 'Courier',
        kind: 'BY_WEIGHT',
        currency: 'EUR',
        flatFee: 350,
        perKgFee: 9900,
        freeOver: 5000,
        countries: ['PT', 'XK'],
        minDays: 1,
        maxDays: 3,
        active: true,
        position: 0,
      },
    });
    // An error on one code of the list shows on the countries field.
    expect(errorOf(screen.getByLabelText(/^Countries/))).toBe('XK is not a country we ship to.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
