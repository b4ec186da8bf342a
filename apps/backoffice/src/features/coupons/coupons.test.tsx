import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  CouponCreateDocument,
  type CouponCreateMutation,
  type CouponCreateMutationVariables,
} from '../../generated/graphql';
import { greenGrocer } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { errorOf } from '../offers/test-data';
import { CouponForm } from './components/coupon-form';

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('coupon form', () => {
  it('checks the rule before asking the API', () => {
    renderScreen(
      <CouponForm
        sellerId={greenGrocer.id}
        currency="EUR"
        coupon={null}
        onDone={() => undefined}
      />,
    );
    type(/^Code/, 'x');
    type(/^Percent off/, '150');
    type(/^Starts/, '2026-12-10T10:00');
    type(/^Ends/, '2026-12-01T10:00');
    type(/^Uses in total/, 'many');
    fireEvent.click(screen.getByRole('button', { name: 'Create coupon' }));
    expect(errorOf(screen.getByLabelText(/^Code/))).toBe('3 to 40 letters, digits, - or _.');
    expect(errorOf(screen.getByLabelText(/^Percent off/))).toBe('Between 0.01 and 100 %.');
    expect(errorOf(screen.getByLabelText(/^Ends/))).toBe('After the start.');
    expect(errorOf(screen.getByLabelText(/^Uses in total/))).toBe(
      'A whole number, or empty for unlimited.',
    );
  });

  it('sends a fixed seller coupon in minor units and shows the API’s errors on their fields', async () => {
    let sent: CouponCreateMutationVariables | null = null;
    const create = {
      request: {
        query: CouponCreateDocument,
        variables: (vars: CouponCreateMutationVariables) => {
          sent = vars;
          return true;
        },
      },
      result: {
        data: {
          couponCreate: {
            __typename: 'CouponPayload',
            coupon: null,
            errors: [
              {
                __typename: 'CouponError',
                code: 'CODE_TAKEN',
                field: 'input.code',
                message: 'Another coupon has this code.',
              },
            ],
          },
        } as CouponCreateMutation,
      },
    };
    renderScreen(
      <CouponForm
        sellerId={greenGrocer.id}
        currency="EUR"
        coupon={null}
        onDone={() => undefined}
      />,
      { mocks: [create] },
    );
    fireEvent.click(screen.getByText('Fixed amount off'));
    type(/^Code/, 'apples5');
    type(/^Amount off/, '5');
    type(/^Minimum subtotal/, '20,00');
    type(/^Uses per customer/, '1');
    fireEvent.click(screen.getByRole('button', { name: 'Create coupon' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText(/^Code/))).toBe('Another coupon has this code.'),
    );
    expect(sent).toEqual({
      input: {
        sellerId: greenGrocer.id,
        code: 'APPLES5',
        description: null,
        kind: 'FIXED',
        percentBp: null,
        amountOff: 500,
        currency: 'EUR',
        minSubtotal: 2000,
        startsAt: null,
        endsAt: null,
        usageLimit: null,
        perCustomerLimit: 1,
        active: true,
      },
    });
  });
});
