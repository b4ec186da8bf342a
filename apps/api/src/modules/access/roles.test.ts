import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';

const ROLE_CREATE = `mutation($input: RoleInput!) { roleCreate(input: $input) { role { id name builtIn scope permissions assignmentCount } errors { code field } } }`;
const ASSIGN = `mutation($input: RoleAssignInput!) { roleAssign(input: $input) { assignment { id role { name } seller { slug } } errors { code field } } }`;

describe('roles', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.roleAssignment.deleteMany();
    await db.prisma.role.deleteMany({ where: { builtInKey: null } });
    await db.prisma.seller.deleteMany();
    await db.prisma.user.deleteMany();
  });

  it('are created, edited and deleted by role managers, built-ins protected', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    const created = (
      await admin.graphql(ROLE_CREATE, {
        input: { name: 'Auditor', scope: 'PLATFORM', permissions: ['AUDIT_READ', 'USERS_READ'] },
      })
    ).data?.roleCreate;
    expect(created).toMatchObject({
      errors: [],
      role: {
        name: 'Auditor',
        builtIn: false,
        permissions: ['AUDIT_READ', 'USERS_READ'],
        assignmentCount: 0,
      },
    });
    expect(
      (
        await admin.graphql(ROLE_CREATE, {
          input: { name: 'auditor', scope: 'PLATFORM', permissions: [] },
        })
      ).data?.roleCreate.errors,
    ).toEqual([{ code: 'NAME_TAKEN', field: 'name' }]);
    expect(
      (
        await admin.graphql(ROLE_CREATE, {
          input: { name: 'Odd', scope: 'SELLER', permissions: ['AUDIT_READ'] },
        })
      ).data?.roleCreate.errors,
    ).toEqual([{ code: 'PERMISSION_NOT_SELLER_SCOPED', field: 'permissions' }]);
    const keys = (await admin.graphql('{ roles { key builtIn } }')).data?.roles;
    expect(keys).toContainEqual({ key: 'store_counter', builtIn: true });
    expect(keys).toContainEqual({ key: null, builtIn: false });
    const builtIn = await db.prisma.role.findUniqueOrThrow({ where: { builtInKey: 'admin' } });
    const edit = await admin.graphql(
      'mutation($id: ID!) { roleUpdate(id: $id, input: { name: "Boss", scope: PLATFORM, permissions: [] }) { errors { code } } }',
      { id: builtIn.id },
    );
    expect(edit.data?.roleUpdate.errors).toEqual([{ code: 'BUILT_IN' }]);
    const removed = await admin.graphql(
      'mutation($id: ID!) { roleDelete(id: $id) { deletedId errors { code } } }',
      { id: created.role.id },
    );
    expect(removed.data?.roleDelete).toEqual({ deletedId: created.role.id, errors: [] });
  });

  it('cannot grant more than the caller holds', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    const escalate = await admin.graphql(ROLE_CREATE, {
      input: { name: 'Keys', scope: 'PLATFORM', permissions: ['SIGNING_KEYS_MANAGE'] },
    });
    expect(escalate.data?.roleCreate.errors).toEqual([{ code: 'FORBIDDEN', field: 'permissions' }]);
    const superAdmin = await db.prisma.role.findUniqueOrThrow({
      where: { builtInKey: 'super_admin' },
    });
    const self = await admin.graphql<any>('{ viewer { user { id } } }');
    const assign = await admin.graphql(ASSIGN, {
      input: { userId: self.data.viewer.user.id, roleId: superAdmin.id },
    });
    expect(assign.data?.roleAssign.errors).toEqual([{ code: 'FORBIDDEN', field: 'roleId' }]);
  });

  it('take effect on the next request when assigned or withdrawn', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const clerk = await createUser('clerk@example.com');
    const admin = await signIn(api, 'admin@example.com');
    const session = await signIn(api, 'clerk@example.com');
    const auditor = (
      await admin.graphql(ROLE_CREATE, {
        input: { name: 'Auditor', scope: 'PLATFORM', permissions: ['AUDIT_READ'] },
      })
    ).data?.roleCreate.role;
    const readAudit = () => session.graphql('{ auditEvents(first: 1) { totalCount } }');
    expect((await readAudit()).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const assigned = (
      await admin.graphql(ASSIGN, { input: { userId: clerk.id, roleId: auditor.id } })
    ).data?.roleAssign.assignment;
    expect((await readAudit()).errors).toBeUndefined();
    expect(
      (await session.graphql('{ viewer { canUseBackoffice } }')).data?.viewer.canUseBackoffice,
    ).toBe(true);
    await admin.graphql(
      'mutation($id: ID!) { roleWithdraw(assignmentId: $id) { withdrawnId errors { code } } }',
      { id: assigned.id },
    );
    expect((await readAudit()).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(
      await db.prisma.auditEvent.count({
        where: { type: { in: ['ROLE_ASSIGNED', 'ROLE_WITHDRAWN'] }, subjectId: clerk.id },
      }),
    ).toBe(2);
  });

  it('scope seller roles to one seller and a counter to one of its stores', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    const a = await createSeller('shop-a');
    const b = await createSeller('shop-b');
    const clerk = await createUser('clerk@example.com');
    const counter = await db.prisma.role.findUniqueOrThrow({
      where: { builtInKey: 'store_counter' },
    });
    const attempt = (input: object) =>
      admin.graphql(ASSIGN, { input: { userId: clerk.id, roleId: counter.id, ...input } });
    expect((await attempt({})).data?.roleAssign.errors).toEqual([
      { code: 'SELLER_REQUIRED', field: 'sellerId' },
    ]);
    expect((await attempt({ sellerId: a.seller.id })).data?.roleAssign.errors).toEqual([
      { code: 'STORE_NOT_FOUND', field: 'storeId' },
    ]);
    expect(
      (await attempt({ sellerId: a.seller.id, storeId: b.store.id })).data?.roleAssign.errors,
    ).toEqual([{ code: 'STORE_NOT_FOUND', field: 'storeId' }]);
    expect(
      (await attempt({ sellerId: a.seller.id, storeId: a.store.id })).data?.roleAssign,
    ).toMatchObject({ errors: [], assignment: { seller: { slug: 'shop-a' } } });
    expect(
      (await attempt({ sellerId: a.seller.id, storeId: a.store.id })).data?.roleAssign.errors,
    ).toEqual([{ code: 'ALREADY_ASSIGNED', field: 'roleId' }]);
    const session = await signIn(api, 'clerk@example.com');
    const access = (
      await session.graphql(
        '{ viewer { sellerAccess { seller { slug } store { name } permissions } } }',
      )
    ).data?.viewer.sellerAccess;
    expect(access).toEqual([
      {
        seller: { slug: 'shop-a' },
        store: { name: 'shop-a store' },
        permissions: [
          'STORES_READ',
          'PRODUCTS_READ',
          'INVENTORY_READ',
          'INVENTORY_MANAGE',
          'ORDERS_READ',
          'ORDERS_PLACE_OFFLINE',
          'PAYMENTS_COLLECT',
        ],
      },
    ]);
  });

  it('keep at least one super admin', async () => {
    const root = await createUser('root@example.com', [{ role: 'super_admin' }]);
    const session = await signIn(api, 'root@example.com');
    const assignment = await db.prisma.roleAssignment.findFirstOrThrow({
      where: { userId: root.id },
    });
    const result = await session.graphql(
      'mutation($id: ID!) { roleWithdraw(assignmentId: $id) { withdrawnId errors { code } } }',
      { id: assignment.id },
    );
    expect(result.data?.roleWithdraw).toEqual({
      withdrawnId: null,
      errors: [{ code: 'LAST_SUPER_ADMIN' }],
    });
  });
});
