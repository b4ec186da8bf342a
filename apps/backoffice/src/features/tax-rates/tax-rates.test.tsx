import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  TaxRateSetDocument,
  type TaxRateSetMutation,
  type TaxRateSetMutationVariables,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { errorOf } from '../offers/test-data';
import { TaxRateForm } from './components/tax-rate-form';

describe('tax rate form', () => {
  it('sends the percentage in basis points and shows the API’s rate error on the rate field', async () => {
    let sent: TaxRateSetMutationVariables | null = null;
    const set = {
      request: {
        query: TaxRateSetDocument,
        variables: (vars: TaxRateSetMutationVariables) => {
          sent = vars;
          return true;
        },
      },
      result: {
        data: {
          taxRateSet: {
            __typename: 'TaxRateSetPayload',
            taxRate: null,
            errors: [
              {
                __typename: 'TaxRateSetError',
                code: 'RATE_INVALID',
                field: 'input.rateBp',
                message: 'Above the legal maximum.',
              },
            ],
          },
        } as TaxRateSetMutation,
      },
    };
    renderScreen(
      <TaxRateForm
        rate={null}
        categoryOptions={[{ value: 'c-food', label: 'Food' }]}
        onDone={() => undefined}
      />,
      { mocks: [set] },
    );
    const rate = screen.getByLabelText(/^Rate/);
    fireEvent.change(screen.getByLabelText(/^Country/), { target: { value: 'Portugal' } });
    fireEvent.change(rate, { target: { value: '6.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tax rate' }));
    expect(errorOf(screen.getByLabelText(/^Country/))).toBe('Two letters (ISO 3166-1), e.g. PT.');

    fireEvent.change(screen.getByLabelText(/^Country/), { target: { value: 'pt' } });
    fireEvent.change(screen.getByLabelText(/^Region/), { target: { value: ' 30 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tax rate' }));
    await waitFor(() => expect(errorOf(rate)).toBe('Above the legal maximum.'));
    expect(sent).toEqual({
      input: { country: 'PT', region: '30', categoryId: null, rateBp: 650 },
    });
  });
});
