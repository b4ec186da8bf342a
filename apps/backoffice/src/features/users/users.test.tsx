import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  RoleOptionsDocument,
  SellerOptionsDocument,
  UserCreateDocument,
  UsersDocument,
  type RoleOptionsQuery,
  type SellerOptionsQuery,
  type SellerOptionsQueryVariables,
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
  // The field itself: a searchable select's option list is labelled by the same label.
  const input = screen.getAllByLabelText(label).find((el) => el.matches('input, select'));
  if (!input) throw new Error(`No field labelled ${String(label)}`);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ')
    .trim();
}

const shops = [
  {
    __typename: 'Seller' as const,
    id: 's-green',
    name: 'Green Grocer',
    slug: 'green-grocer',
    stores: [
      { __typename: 'Store' as const, id: 'st-baixa', name: 'Baixa', city: 'Lisbon' },
      { __typename: 'Store' as const, id: 'st-alfama', name: 'Alfama', city: 'Lisbon' },
    ],
  },
  {
    __typename: 'Seller' as const,
    id: 's-harbour',
    name: 'Harbour Books',
    slug: 'harbour-books',
    stores: [{ __typename: 'Store' as const, id: 'st-quay', name: 'Quay', city: 'Porto' }],
  },
  {
    __typename: 'Seller' as const,
    id: 's-sams',
    name: 'Sam’s Corner Shop',
    slug: 'sams-corner-shop',
    stores: [],
  },
];

/** The shop directory (Query.sellers): matches part of a name or slug and records each search. */
function sellersApi() {
  const calls: SellerOptionsQueryVariables[] = [];
  const mock = {
    request: {
      query: SellerOptionsDocument,
      variables: (variables: SellerOptionsQueryVariables) => {
        calls.push(variables);
        return true;
      },
    },
    result: (variables: SellerOptionsQueryVariables) => {
      const search = variables.search?.toLowerCase();
      const matches = shops.filter(
        (shop) => !search || shop.name.toLowerCase().includes(search) || shop.slug.includes(search),
      );
      return {
        data: {
          sellers: {
            __typename: 'SellerConnection',
            totalCount: matches.length,
            edges: matches
              .slice(0, variables.first)
              .map((node) => ({ __typename: 'SellerEdge', node })),
          },
        } as SellerOptionsQuery,
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { calls, mock };
}

/** Types into the seller picker as a person would (Mantine ignores changes to an unfocused input). */
function typeSeller(text: string) {
  const input = screen.getByRole('combobox', { name: /^Seller/ });
  act(() => input.focus());
  fireEvent.change(input, { target: { value: text } });
}

/** The picker's options (the Role select's <option>s are left out). */
function sellerOptions(): string[] {
  return screen
    .getAllByRole('option')
    .filter((option) => option.tagName !== 'OPTION')
    .map((option) => option.textContent ?? '');
}

describe('seller picker', () => {
  it('searches the shop directory as one types and offers the chosen seller’s stores', async () => {
    const api = sellersApi();
    renderScreen(<CreateUserForm onCancel={() => undefined} onCreated={() => undefined} />, {
      mocks: [roleOptions, api.mock],
    });
    await screen.findByRole('option', { name: 'Store counter (seller)' });
    fireEvent.change(screen.getByLabelText(/^Role/), { target: { value: 'r-counter' } });

    // Before a seller is chosen there is no store to pick.
    const store = screen.getByRole('combobox', { name: /^Store/ }) as HTMLSelectElement;
    expect(store.disabled).toBe(true);
    await waitFor(() => expect(api.calls).toContainEqual({ search: null, first: 20 }));

    typeSeller('gro');
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ search: 'gro', first: 20 }));
    await waitFor(() => expect(sellerOptions()).toEqual(['Green Grocer (green-grocer)']));

    typeSeller('zzz');
    expect(await screen.findByText('No shop matches “zzz”.', {}, { timeout: 3000 })).toBeTruthy();
    expect(api.calls.at(-1)).toEqual({ search: 'zzz', first: 20 });

    // A slug finds its shop too.
    typeSeller('harbour-b');
    fireEvent.click(
      await screen.findByRole(
        'option',
        { name: 'Harbour Books (harbour-books)' },
        { timeout: 3000 },
      ),
    );
    await waitFor(() => expect(store.disabled).toBe(false));
    expect(
      within(store)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a store', 'Quay — Porto']);
    expect(screen.getByText('1 store')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: /^Seller/ }) as HTMLInputElement).value).toBe(
      'Harbour Books (harbour-books)',
    );
    // Showing the chosen seller's label is not a new search.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.calls.every((call) => !call.search?.includes('('))).toBe(true);
  });
});

describe('create account', () => {
  it('asks for the seller and store of a store counter and shows the API’s errors by their fields', async () => {
    const api = sellersApi();
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
      mocks: [roleOptions, api.mock, refused],
    });

    fireEvent.change(screen.getByLabelText(/E-mail/), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Ana Counter' } });
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'Store counter (seller)' })).toBeTruthy(),
    );
    expect(screen.queryByLabelText(/^Seller/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Role/), { target: { value: 'r-counter' } });

    // The seller comes first: nothing is sent without it.
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Choose the seller this account works for.')).toBeTruthy();

    typeSeller('green');
    fireEvent.click(
      await screen.findByRole('option', { name: 'Green Grocer (green-grocer)' }, { timeout: 3000 }),
    );
    expect(errorOf(/^Seller/)).toBeNull();
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
