import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  RoleOptionsDocument,
  SellerBySlugDocument,
  UserCreateDocument,
  UsersDocument,
  type RoleOptionsQuery,
  type SellerBySlugQuery,
  type UserCreateMutation,
  type UsersQuery,
  type UsersQueryVariables,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { CreateUserForm } from './components/create-user-modal';
import { UsersView } from './views/users-view';

const roleOptions = {
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
          description: null,
        },
        {
          __typename: 'Role',
          id: 'r-counter',
          name: 'Store counter',
          scope: 'SELLER',
          builtIn: true,
          description: 'Sells at one store’s counter.',
        },
      ],
    } as RoleOptionsQuery,
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** 60 users; answers any page of Query.users and records the variables it was asked with. */
function usersApi() {
  const calls: UsersQueryVariables[] = [];
  const mock = {
    request: {
      query: UsersDocument,
      variables: (variables: UsersQueryVariables) => {
        calls.push(variables);
        return true;
      },
    },
    result: (variables: UsersQueryVariables) => {
      const first = variables.first ?? 20;
      const start = variables.after ? Number(variables.after.replace('c', '')) : 0;
      const total = variables.search ? 3 : 60;
      const count = Math.max(0, Math.min(first, total - start));
      const edges = Array.from({ length: count }, (_, i) => {
        const n = start + i + 1;
        return {
          __typename: 'UserEdge' as const,
          cursor: `c${n}`,
          node: {
            __typename: 'User' as const,
            id: `u${n}`,
            name: `${variables.search ? 'Ana' : 'User'} ${n}`,
            email: `user${n}@example.com`,
            status: variables.status ?? 'ACTIVE',
            locked: false,
            createdAt: '2026-01-0' + ((n % 9) + 1) + 'T10:00:00.000Z',
            roleAssignments: [],
          },
        };
      });
      return {
        data: {
          users: {
            __typename: 'UserConnection',
            totalCount: total,
            pageInfo: {
              __typename: 'PageInfo',
              endCursor: edges.at(-1)?.cursor ?? null,
              hasNextPage: start + count < total,
            },
            edges,
          },
        } as UsersQuery,
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { calls, mock };
}

function firstNames(): string[] {
  const table = screen.getByRole('table', { name: 'Users' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

describe('users list', () => {
  it('maps search, filters and pages to the connection’s variables', async () => {
    const api = usersApi();
    renderScreen(<UsersView />, { mocks: [api.mock, roleOptions] });

    await screen.findByText('User 1');
    expect(api.calls.at(-1)).toEqual({
      first: 25,
      after: null,
      search: null,
      status: null,
      roleId: null,
    });
    expect(screen.getByText('1–25 of 60')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('User 26');
    expect(api.calls.at(-1)).toMatchObject({ first: 25, after: 'c25' });
    expect(screen.getByText('26–50 of 60')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('User 51');
    expect(api.calls.at(-1)).toMatchObject({ after: 'c50' });
    expect(firstNames()).toHaveLength(10);
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    // Back to a page seen before: its cursor is remembered and Apollo's cache answers.
    const asked = api.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByText('User 26');
    expect(screen.getByText('26–50 of 60')).toBeTruthy();
    expect(api.calls).toHaveLength(asked);

    // Filters start again from the first page.
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'DISABLED' },
    });
    await waitFor(() =>
      expect(api.calls.at(-1)).toEqual({
        first: 25,
        after: null,
        search: null,
        status: 'DISABLED',
        roleId: null,
      }),
    );

    fireEvent.change(await screen.findByRole('combobox', { name: 'Role' }), {
      target: { value: 'r-counter' },
    });
    await waitFor(() =>
      expect(api.calls.at(-1)).toMatchObject({ roleId: 'r-counter', after: null }),
    );

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter users' }), {
      target: { value: 'ana ' },
    });
    await screen.findByText('Ana 1');
    expect(api.calls.at(-1)).toEqual({
      first: 25,
      after: null,
      search: 'ana',
      status: 'DISABLED',
      roleId: 'r-counter',
    });
    expect(screen.getByText('1–3 of 3')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Rows per page' }), {
      target: { value: '50' },
    });
    await waitFor(() => expect(api.calls.at(-1)).toMatchObject({ first: 50, after: null }));
  });
});

/** The error text Mantine attached to an input (through aria-describedby). */
function errorOf(label: RegExp): string | null {
  const input = screen.getByLabelText(label);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ')
    .trim();
}

describe('create account', () => {
  it('asks for the seller and store of a store counter and shows the API’s errors by their fields', async () => {
    const sellerLookup = {
      request: { query: SellerBySlugDocument, variables: { slug: 'green-grocer' } },
      result: {
        data: {
          seller: {
            __typename: 'Seller',
            id: 's-green',
            name: 'Green Grocer',
            slug: 'green-grocer',
            stores: [{ __typename: 'Store', id: 'st-baixa', name: 'Baixa', city: 'Lisbon' }],
          },
        } as SellerBySlugQuery,
      },
    };
    const refused = {
      request: {
        query: UserCreateDocument,
        variables: {
          input: {
            email: 'ana@example.com',
            name: 'Ana Counter',
            roleId: 'r-counter',
            sellerId: 's-green',
            storeId: 'st-baixa',
          },
        },
      },
      result: {
        data: {
          userCreate: {
            __typename: 'UserCreatePayload',
            user: null,
            errors: [
              {
                __typename: 'UserCreateError',
                code: 'EMAIL_TAKEN',
                field: 'input.email',
                message: 'An account already uses this e-mail.',
              },
              {
                __typename: 'UserCreateError',
                code: 'STORE_NOT_FOUND',
                field: 'storeId',
                message: 'This store does not belong to the seller.',
              },
              {
                __typename: 'UserCreateError',
                code: 'FORBIDDEN',
                field: null,
                message: 'Only a super admin can create admins.',
              },
            ],
          },
        } as UserCreateMutation,
      },
    };
    renderScreen(<CreateUserForm onCancel={() => undefined} onCreated={() => undefined} />, {
      mocks: [roleOptions, sellerLookup, refused],
    });

    fireEvent.change(screen.getByLabelText(/E-mail/), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Ana Counter' } });
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'Store counter (seller)' })).toBeTruthy(),
    );
    expect(screen.queryByLabelText(/^Seller/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Role/), { target: { value: 'r-counter' } });

    fireEvent.change(screen.getByLabelText(/^Seller/), { target: { value: 'green-grocer' } });
    expect(await screen.findByText('Found: Green Grocer')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'Baixa — Lisbon' })).toBeTruthy(),
    );
    fireEvent.change(screen.getByLabelText(/^Store/), { target: { value: 'st-baixa' } });

    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Only a super admin can create admins.')).toBeTruthy();
    expect(within(alert).queryByText('An account already uses this e-mail.')).toBeNull();
    expect(errorOf(/E-mail/)).toBe('An account already uses this e-mail.');
    expect(errorOf(/^Store/)).toBe('This store does not belong to the seller.');
    expect(errorOf(/^Name/)).toBeNull();
  });
});
