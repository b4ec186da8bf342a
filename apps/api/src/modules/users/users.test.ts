import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { LOGIN, PASSWORD, createSeller, createUser, signIn } from '../../../test/accounts.js';

const USERS = `query($first: Int!, $after: String, $search: String, $status: UserStatus) {
  users(first: $first, after: $after, search: $search, status: $status) { totalCount edges { node { email status } } pageInfo { hasNextPage endCursor } }
}`;

describe('account administration', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.roleAssignment.deleteMany();
    await db.prisma.seller.deleteMany();
    await db.prisma.user.deleteMany();
    await db.prisma.emailOutbox.deleteMany();
  });

  it('lists accounts newest first, searchable, filterable and paged', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    for (let i = 0; i < 5; i++) await createUser(`shopper${i}@example.com`);
    await createUser('gone@example.com', [], { status: 'DISABLED' });
    const admin = await signIn(api, 'admin@example.com');
    const first = (await admin.graphql(USERS, { first: 4 })).data?.users;
    expect(first.totalCount).toBe(7);
    expect(first.edges.map((e: { node: { email: string } }) => e.node.email)).toEqual([
      'gone@example.com',
      'shopper4@example.com',
      'shopper3@example.com',
      'shopper2@example.com',
    ]);
    const second = (await admin.graphql(USERS, { first: 4, after: first.pageInfo.endCursor })).data
      ?.users;
    expect(second.edges.map((e: { node: { email: string } }) => e.node.email)).toEqual([
      'shopper1@example.com',
      'shopper0@example.com',
      'admin@example.com',
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(
      (await admin.graphql(USERS, { first: 10, search: 'SHOPPER3' })).data?.users.totalCount,
    ).toBe(1);
    expect(
      (await admin.graphql(USERS, { first: 10, status: 'DISABLED' })).data?.users.edges,
    ).toEqual([{ node: { email: 'gone@example.com', status: 'DISABLED' } }]);
  });

  it('creates a salesperson for a seller who sets a password from the e-mail', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const { seller } = await createSeller('shop-a');
    const admin = await signIn(api, 'admin@example.com');
    const salesperson = await db.prisma.role.findUniqueOrThrow({
      where: { builtInKey: 'salesperson' },
    });
    const create = (input: object) =>
      admin.graphql(
        'mutation($input: UserCreateInput!) { userCreate(input: $input) { user { email passwordResetRequired } errors { code field } } }',
        { input },
      );
    expect(
      (await create({ email: 'sam@example.com', name: 'Sam', roleId: salesperson.id })).data
        ?.userCreate.errors,
    ).toEqual([{ code: 'SELLER_REQUIRED', field: 'sellerId' }]);
    expect(await db.prisma.user.count({ where: { email: 'sam@example.com' } })).toBe(0);
    const created = (
      await create({
        email: 'sam@example.com',
        name: 'Sam',
        roleId: salesperson.id,
        sellerId: seller.id,
      })
    ).data?.userCreate;
    expect(created).toEqual({
      errors: [],
      user: { email: 'sam@example.com', passwordResetRequired: true },
    });
    expect(
      (await api.graphql<any>(LOGIN, { email: 'sam@example.com', password: PASSWORD })).data
        .sessionCreate.errors[0].code,
    ).toBe('INVALID_CREDENTIALS');
    expect(await db.prisma.emailOutbox.count({ where: { to: 'sam@example.com' } })).toBe(1);
  });

  it('disables (ending sessions), enables and resets accounts', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const target = await createUser('eve@example.com');
    const admin = await signIn(api, 'admin@example.com');
    const eve = await signIn(api, 'eve@example.com');
    const act = (verb: string, id: string) =>
      admin.graphql(
        `mutation($id: ID!) { user${verb}(id: $id) { user { status locked } errors { code } } }`,
        { id },
      );
    expect((await act('Disable', target.id)).data?.userDisable).toEqual({
      user: { status: 'DISABLED', locked: false },
      errors: [],
    });
    expect(
      (await eve.graphql('{ viewer { user { email } } }')).errors?.[0]?.extensions?.['code'],
    ).toBe('UNAUTHENTICATED');
    expect(
      (await api.graphql<any>(LOGIN, { email: 'eve@example.com', password: PASSWORD })).data
        .sessionCreate.errors[0].code,
    ).toBe('ACCOUNT_DISABLED');
    expect((await act('Enable', target.id)).data?.userEnable.errors).toEqual([]);
    await db.prisma.user.update({ where: { id: target.id }, data: { lockedAt: new Date() } });
    expect((await act('Reset', target.id)).data?.userReset).toEqual({
      user: { status: 'ACTIVE', locked: false },
      errors: [],
    });
    expect(
      (await api.graphql<any>(LOGIN, { email: 'eve@example.com', password: PASSWORD })).data
        .sessionCreate.errors[0].code,
    ).toBe('INVALID_CREDENTIALS');
    expect(
      (await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: 'eve@example.com' } })).subject,
    ).toMatch(/Reset/);
    const self = (await admin.graphql<any>('{ viewer { user { id } } }')).data.viewer.user.id;
    expect((await act('Disable', self)).data?.userDisable.errors).toEqual([
      { code: 'CANNOT_DISABLE_SELF' },
    ]);
  });
});
