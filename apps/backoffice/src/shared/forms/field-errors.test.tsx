import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Button, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '../../test/render';
import { FormErrors } from './form-errors';
import {
  hasPath,
  mapPayloadErrors,
  payloadErrorsFromGraphQLError,
  type PayloadError,
} from './payload-errors';
import { useFieldErrors } from './use-field-errors';

function SellerForm({ errors, thrown }: { errors?: PayloadError[]; thrown?: unknown }) {
  const form = useForm({ initialValues: { email: '', name: '', lines: [{ quantity: 1 }] } });
  const { formErrors, apply, applyThrown } = useFieldErrors(form, {
    fieldMap: { displayName: 'name' },
  });
  return (
    <form
      onSubmit={form.onSubmit(() => {
        if (thrown) applyThrown(thrown);
        else apply(errors ?? []);
      })}
    >
      <FormErrors errors={formErrors} />
      <TextInput label="E-mail" {...form.getInputProps('email')} />
      <TextInput label="Name" {...form.getInputProps('name')} />
      <TextInput label="Quantity" {...form.getInputProps('lines.0.quantity')} />
      <Button type="submit">Save</Button>
    </form>
  );
}

/** The error text Mantine attached to an input (through aria-describedby). */
function errorOf(label: string): string | null {
  const input = screen.getByLabelText(label);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

describe('useFieldErrors + FormErrors', () => {
  it('puts each payload error next to its field and the rest in a form-level alert', () => {
    renderWithProviders(
      <SellerForm
        errors={[
          { code: 'TAKEN', field: 'email', message: 'This e-mail is already used.' },
          { code: 'TOO_SHORT', field: 'displayName', message: 'At least 2 characters.' },
          { code: 'OUT_OF_STOCK', field: 'input.lines.0.quantity', message: 'Only 3 left.' },
          { code: 'SELLER_SUSPENDED', field: null, message: 'This seller is suspended.' },
          { code: 'WEIRD', field: 'notOnThisForm', message: 'Something about a hidden field.' },
        ]}
      />,
    );
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(errorOf('E-mail')).toBe('This e-mail is already used.');
    expect(errorOf('Name')).toBe('At least 2 characters.');
    expect(errorOf('Quantity')).toBe('Only 3 left.');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('This seller is suspended.')).toBeTruthy();
    expect(within(alert).getByText('Something about a hidden field.')).toBeTruthy();
    expect(within(alert).queryByText('Only 3 left.')).toBeNull();

    // Editing a field clears its error only.
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ana@example.com' } });
    expect(errorOf('E-mail')).toBeNull();
    expect(errorOf('Name')).toBe('At least 2 characters.');
  });

  it('shows nothing when the payload has no errors', () => {
    renderWithProviders(<SellerForm errors={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(errorOf('E-mail')).toBeNull();
  });

  it('maps the API’s BAD_USER_INPUT validation errors onto fields, other failures to the alert', () => {
    const badInput = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Some input is not valid.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'email', message: 'email must be an email' }],
          },
        },
      ],
    });
    const { unmount } = renderWithProviders(<SellerForm thrown={badInput} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(errorOf('E-mail')).toBe('email must be an email');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();

    renderWithProviders(<SellerForm thrown={new TypeError('Failed to fetch')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(within(screen.getByRole('alert')).getByText(/Cannot reach the API/)).toBeTruthy();
  });
});

describe('mapPayloadErrors', () => {
  const values = { email: '', lines: [{ quantity: 1 }] };
  const hasField = (path: string) => hasPath(values, path);

  it('joins several messages for one field', () => {
    const { fieldErrors, formErrors } = mapPayloadErrors(
      [
        { code: 'A', field: 'email', message: 'Too long.' },
        { code: 'B', field: 'email', message: 'Not allowed.' },
      ],
      { hasField },
    );
    expect(fieldErrors).toEqual({ email: 'Too long. Not allowed.' });
    expect(formErrors).toEqual([]);
  });

  it('never drops an error: unknown paths go to the form level', () => {
    const { fieldErrors, formErrors } = mapPayloadErrors(
      [{ code: 'A', field: 'lines.5.quantity', message: 'No such line.' }],
      { hasField },
    );
    expect(fieldErrors).toEqual({});
    expect(formErrors.map((e) => e.message)).toEqual(['No such line.']);
  });

  it('ignores GraphQL errors that are not input errors', () => {
    const forbidden = new CombinedGraphQLErrors({
      errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(payloadErrorsFromGraphQLError(forbidden)).toBeNull();
    expect(payloadErrorsFromGraphQLError(new Error('x'))).toBeNull();
  });
});
