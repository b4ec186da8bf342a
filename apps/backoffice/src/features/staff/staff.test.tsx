import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  RoleOptionsDocument,
  SellerStaffDocument,
  StaffMemberAddDocument,
  StaffStoreOptionsDocument,
  type RoleOptionsQuery,
  type SellerStaffQuery,
  type StaffMemberAddMutation,
  type StaffStoreOptionsQuery,
} from '../../generated/graphql';
import { adminViewer, greenGrocer, salespersonViewer } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { StaffView } from './views/staff-view';

const staff = {
  request: { query: SellerStaffDocument, variables: { sellerId: greenGrocer.id } },
  result: {
    data: {
      sellerStaff: [
        {
          __typename: 'StaffMember',
          user: {
            __typename: 'User',
            id: 'u-sam',
            name: 'Sam Sales',
            email: 'sam@green.example',
            status: 'ACTIVE',
          },
          assignments: [
            {
              __typename: 'RoleAssignment',
              id: 'a1',
              createdAt: '2026-02-01T09:00:00.000Z',
              role: { __typename: 'Role', id: 'r-sales', name: 'Salesperson', scope: 'SELLER' },
              seller: { __typename: 'Seller', id: greenGrocer.id, name: greenGrocer.name },
              store: null,
            },
          ],
        },
      ],
    } as SellerStaffQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

describe('staff', () => {
  it('lists the staff read-only for a salesperson', async () => {
    renderScreen(<StaffView sellerId={greenGrocer.id} />, {
      viewer: salespersonViewer,
      mocks: [staff],
    });
    const table = await screen.findByRole('table', { name: 'Staff' });
    expect(within(table).getByText('Sam Sales')).toBeTruthy();
    expect(within(table).getByText('Salesperson')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add staff' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove Sam Sales/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Withdraw/ })).toBeNull();
  });

  it('adds a person with a seller role and shows a missing store next to the store field', async () => {
    const roles = {
      request: { query: RoleOptionsDocument },
      result: {
        data: {
          roles: [
            {
              __typename: 'Role',
              id: 'r-admin',
              name: 'Admin',
              scope: 'PLATFORM',
              builtIn: true,
              key: 'admin',
              description: null,
            },
            {
              __typename: 'Role',
              id: 'r-counter',
              name: 'Store counter',
              scope: 'SELLER',
              builtIn: true,
              key: 'store_counter',
              description: null,
            },
            {
              __typename: 'Role',
              id: 'r-weekend',
              name: 'Weekend counter',
              scope: 'SELLER',
              builtIn: false,
              key: null,
              description: null,
            },
          ],
        } as RoleOptionsQuery,
      },
    };
    const stores = {
      request: { query: StaffStoreOptionsDocument },
      result: {
        data: {
          viewer: {
            __typename: 'Viewer',
            sellerAccess: [
              {
                __typename: 'SellerAccess',
                seller: {
                  __typename: 'Seller',
                  id: greenGrocer.id,
                  name: greenGrocer.name,
                  stores: [{ __typename: 'Store', id: 'st-baixa', name: 'Baixa' }],
                },
              },
            ],
          },
        } as StaffStoreOptionsQuery,
      },
    };
    const refused = {
      request: {
        query: StaffMemberAddDocument,
        variables: {
          input: {
            sellerId: greenGrocer.id,
            email: 'cora@example.com',
            name: 'Cora Counter',
            roleId: 'r-weekend',
            storeId: null,
          },
        },
      },
      result: {
        data: {
          staffMemberAdd: {
            __typename: 'StaffMemberAddPayload',
            staffMember: null,
            errors: [
              {
                __typename: 'StaffMemberAddError',
                code: 'STORE_REQUIRED',
                field: 'storeId',
                message: 'This role works at one store: choose it.',
              },
            ],
          },
        } as StaffMemberAddMutation,
      },
    };
    renderScreen(<StaffView sellerId={greenGrocer.id} />, {
      viewer: adminViewer,
      mocks: [staff, roles, stores, refused],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add staff' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add staff to Green Grocer' });
    await waitFor(() =>
      expect(within(dialog).getByRole('option', { name: 'Weekend counter' })).toBeTruthy(),
    );
    // Only seller roles can be given here.
    expect(within(dialog).queryByRole('option', { name: 'Admin' })).toBeNull();
    expect(within(dialog).getByRole('option', { name: 'Baixa' })).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/E-mail/), {
      target: { value: 'cora@example.com' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Cora Counter' } });
    // The built-in Store counter role needs its store before anything is sent.
    fireEvent.change(within(dialog).getByLabelText(/^Role/), { target: { value: 'r-counter' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add to staff' }));
    expect(await within(dialog).findByText('Choose the store this counter works at.')).toBeTruthy();

    // Other roles leave it to the API, whose error lands on the same field.
    fireEvent.change(within(dialog).getByLabelText(/^Role/), { target: { value: 'r-weekend' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add to staff' }));

    const message = await within(dialog).findByText('This role works at one store: choose it.');
    const storeSelect = within(dialog).getByLabelText(/^Store/);
    expect(storeSelect.getAttribute('aria-invalid')).toBe('true');
    expect(storeSelect.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
