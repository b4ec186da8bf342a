import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  RoleDeleteDocument,
  RolesPageDocument,
  RoleUpdateDocument,
  type Permission,
  type RoleDeleteMutation,
  type RolesPageQuery,
  type RoleUpdateMutation,
} from '../../generated/graphql';
import { renderScreen } from '../../test/render';
import { RolesView } from './views/roles-view';

function role(
  id: string,
  name: string,
  scope: 'PLATFORM' | 'SELLER',
  permissions: Permission[],
  { builtIn = false, assignmentCount = 0 } = {},
) {
  return {
    __typename: 'Role' as const,
    id,
    name,
    description: `${name} role`,
    scope,
    builtIn,
    assignmentCount,
    permissions,
  };
}

const permissionInfo = (permission: Permission, sellerScoped: boolean) => ({
  __typename: 'PermissionInfo' as const,
  permission,
  description: `Allows ${permission.toLowerCase()}`,
  sellerScoped,
});

const rolesPage = {
  request: { query: RolesPageDocument },
  result: {
    data: {
      roles: [
        role('r-admin', 'Admin', 'PLATFORM', ['USERS_READ', 'AUDIT_READ'], {
          builtIn: true,
          assignmentCount: 2,
        }),
        role('r-support', 'Support', 'PLATFORM', ['USERS_READ'], { assignmentCount: 3 }),
        role('r-night', 'Night shift', 'SELLER', ['STORES_READ']),
      ],
      permissions: [
        permissionInfo('USERS_READ', false),
        permissionInfo('AUDIT_READ', false),
        permissionInfo('STORES_READ', true),
      ],
    } as RolesPageQuery,
  },
};

function box(name: string): HTMLInputElement {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

describe('role matrix', () => {
  it('toggles permissions of editable roles and saves them with roleUpdate', async () => {
    const update = {
      request: {
        query: RoleUpdateDocument,
        variables: {
          id: 'r-support',
          input: {
            name: 'Support',
            description: 'Support role',
            scope: 'PLATFORM',
            permissions: ['AUDIT_READ', 'STORES_READ'],
          },
        },
      },
      result: {
        data: {
          roleUpdate: {
            __typename: 'RoleUpdatePayload',
            errors: [],
            role: role('r-support', 'Support', 'PLATFORM', ['AUDIT_READ', 'STORES_READ'], {
              assignmentCount: 3,
            }),
          },
        } as RoleUpdateMutation,
      },
    };
    renderScreen(<RolesView />, { mocks: [rolesPage, update] });
    const matrix = await screen.findByRole('table', { name: 'Permission matrix' });
    expect(within(matrix).getByRole('rowheader', { name: /USERS_READ/ })).toBeTruthy();
    expect(within(matrix).getByText('Allows stores_read')).toBeTruthy();

    // Built-in roles are read-only; seller roles cannot take platform permissions.
    expect(box('Admin: USERS_READ').checked).toBe(true);
    expect(box('Admin: USERS_READ').disabled).toBe(true);
    expect(box('Night shift: AUDIT_READ').disabled).toBe(true);
    expect(box('Night shift: STORES_READ').disabled).toBe(false);

    const save = screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.click(box('Support: AUDIT_READ'));
    fireEvent.click(box('Support: USERS_READ'));
    fireEvent.click(box('Support: STORES_READ'));
    expect(box('Support: AUDIT_READ').checked).toBe(true);
    expect(box('Support: USERS_READ').checked).toBe(false);
    expect(save.disabled).toBe(false);

    // Toggling a box twice is no change.
    fireEvent.click(box('Night shift: STORES_READ'));
    fireEvent.click(box('Night shift: STORES_READ'));
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();

    fireEvent.click(save);
    expect(await screen.findByText('Role saved.')).toBeTruthy();
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement).disabled,
      ).toBe(true),
    );
    expect(box('Support: AUDIT_READ').checked).toBe(true);
    expect(box('Support: USERS_READ').checked).toBe(false);
  });

  it('shows why a role cannot be deleted', async () => {
    const refused = {
      request: { query: RoleDeleteDocument, variables: { id: 'r-support' } },
      result: {
        data: {
          roleDelete: {
            __typename: 'RoleDeletePayload',
            deletedId: null,
            errors: [
              {
                __typename: 'RoleDeleteError',
                code: 'IN_USE',
                field: null,
                message: '3 users hold this role.',
              },
            ],
          },
        } as RoleDeleteMutation,
      },
    };
    renderScreen(<RolesView />, { mocks: [rolesPage, refused] });
    const list = await screen.findByRole('table', { name: 'Roles' });
    expect(within(list).queryByRole('button', { name: 'Delete Admin' })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'Delete Support' }));

    const dialog = await screen.findByRole('dialog', { name: 'Delete Support?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete role' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('3 users hold this role.')).toBeTruthy();
    expect(within(list).getByText('Support')).toBeTruthy();
  });
});
