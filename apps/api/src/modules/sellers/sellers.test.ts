import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';

const OPEN = `mutation($input: SellerCreateInput!) { sellerCreate(input: $input) { seller { id slug name } errors { code field } } }`;
const STORE_CREATE = `mutation($s: ID!, $input: StoreInput!) { storeCreate(sellerId: $s, input: $input) { store { id name openingHours { day opens closes } latitude } errors { code field } } }`;
const ADD_STAFF = `mutation($input: StaffMemberAddInput!) { staffMemberAdd(input: $input) { staffMember { user { email } assignments { role { name } store { name } } } errors { code field } } }`;
const store = {
  name: 'Old Town',
  line1: '3 Place',
  city: 'Lyon',
  postalCode: '69005',
  country: 'FR',
};

describe('sellers', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.roleAssignment.deleteMany();
    await db.prisma.seller.deleteMany();
    await db.prisma.user.deleteMany();
    await db.prisma.emailOutbox.deleteMany();
  });

  it('any shopper opens a shop, becomes its owner and gains the back-office', async () => {
    await createUser('ada@example.com');
    const ada = await signIn(api, 'ada@example.com');
    expect(
      (await ada.graphql(OPEN, { input: { name: 'Ada Tea', slug: 'Not A Slug!' } })).data
        ?.sellerCreate.errors,
    ).toEqual([{ code: 'SLUG_INVALID', field: 'slug' }]);
    const opened = (
      await ada.graphql(OPEN, {
        input: { name: 'Ada Tea', slug: 'ada-tea', contactEmail: 'tea@example.com' },
      })
    ).data?.sellerCreate;
    expect(opened).toMatchObject({ errors: [], seller: { slug: 'ada-tea', name: 'Ada Tea' } });
    expect(
      (await ada.graphql(OPEN, { input: { name: 'Copy', slug: 'ADA-TEA' } })).data?.sellerCreate
        .errors,
    ).toEqual([{ code: 'SLUG_TAKEN', field: 'slug' }]);
    const viewer = (
      await ada.graphql(
        '{ viewer { canUseBackoffice sellerAccess { seller { slug } permissions } } }',
      )
    ).data?.viewer;
    expect(viewer.canUseBackoffice).toBe(true);
    expect(viewer.sellerAccess[0].seller.slug).toBe('ada-tea');
    expect(viewer.sellerAccess[0].permissions).toContain('STAFF_MANAGE');
    const page = await api.graphql<any>('{ seller(slug: "ada-tea") { name stores { name } } }');
    expect(page.data.seller).toEqual({ name: 'Ada Tea', stores: [] });
  });

  it('owners manage their stores with validated addresses, coordinates and hours', async () => {
    const { seller, owner } = await createSeller('shop-a');
    const session = await signIn(api, owner.email);
    const bad = await session.graphql(STORE_CREATE, {
      s: seller.id,
      input: {
        ...store,
        latitude: 95,
        longitude: 4.8,
        openingHours: [
          { day: 8, opens: '09:00', closes: '18:00' },
          { day: 1, opens: '18:00', closes: '09:00' },
        ],
      },
    });
    expect(bad.data?.storeCreate.errors).toEqual([
      { code: 'COORDINATES_INVALID', field: 'latitude' },
      { code: 'OPENING_HOURS_INVALID', field: 'openingHours.0' },
      { code: 'OPENING_HOURS_INVALID', field: 'openingHours.1' },
    ]);
    const good = await session.graphql(STORE_CREATE, {
      s: seller.id,
      input: {
        ...store,
        latitude: 45.76,
        longitude: 4.83,
        openingHours: [{ day: 1, opens: '09:00', closes: '18:00' }],
      },
    });
    expect(good.data?.storeCreate).toMatchObject({
      errors: [],
      store: {
        name: 'Old Town',
        latitude: 45.76,
        openingHours: [{ day: 1, opens: '09:00', closes: '18:00' }],
      },
    });
  });

  it("an owner cannot touch another seller's stores", async () => {
    const a = await createSeller('shop-a');
    const b = await createSeller('shop-b');
    const ownerB = await signIn(api, b.owner.email);
    const update = await ownerB.graphql(
      'mutation($id: ID!, $input: StoreInput!) { storeUpdate(id: $id, input: $input) { errors { code } } }',
      { id: a.store.id, input: store },
    );
    expect(update.data?.storeUpdate.errors).toEqual([{ code: 'FORBIDDEN' }]);
    expect((await db.prisma.store.findUniqueOrThrow({ where: { id: a.store.id } })).name).toBe(
      'shop-a store',
    );
  });

  it('owners add staff: new accounts get a set-password e-mail, counters a store, and owners stay', async () => {
    const { seller, store: shopStore, owner } = await createSeller('shop-a');
    const session = await signIn(api, owner.email);
    const counter = await db.prisma.role.findUniqueOrThrow({
      where: { builtInKey: 'store_counter' },
    });
    const admin = await db.prisma.role.findUniqueOrThrow({ where: { builtInKey: 'admin' } });
    const base = { sellerId: seller.id, email: 'till@example.com', name: 'Till' };
    expect(
      (await session.graphql(ADD_STAFF, { input: { ...base, roleId: admin.id } })).data
        ?.staffMemberAdd.errors,
    ).toEqual([{ code: 'ROLE_NOT_ASSIGNABLE', field: 'roleId' }]);
    expect(
      (await session.graphql(ADD_STAFF, { input: { ...base, roleId: counter.id } })).data
        ?.staffMemberAdd.errors,
    ).toEqual([{ code: 'STORE_REQUIRED', field: 'storeId' }]);
    expect(await db.prisma.user.count({ where: { email: 'till@example.com' } })).toBe(0);
    const added = (
      await session.graphql(ADD_STAFF, {
        input: { ...base, roleId: counter.id, storeId: shopStore.id },
      })
    ).data?.staffMemberAdd;
    expect(added).toEqual({
      errors: [],
      staffMember: {
        user: { email: 'till@example.com' },
        assignments: [{ role: { name: 'Store counter' }, store: { name: 'shop-a store' } }],
      },
    });
    expect(
      (await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: 'till@example.com' } })).text,
    ).toMatch(/reset-password\?token=/);
    const staff = (
      await session.graphql('query($s: ID!) { sellerStaff(sellerId: $s) { user { email } } }', {
        s: seller.id,
      })
    ).data?.sellerStaff;
    expect(staff.map((m: { user: { email: string } }) => m.user.email).sort()).toEqual(
      [owner.email, 'till@example.com'].sort(),
    );
    const removeOwner = await session.graphql(
      'mutation($s: ID!, $u: ID!) { staffMemberRemove(sellerId: $s, userId: $u) { errors { code } } }',
      { s: seller.id, u: owner.id },
    );
    expect(removeOwner.data?.staffMemberRemove.errors).toEqual([{ code: 'CANNOT_REMOVE_OWNER' }]);
  });

  it('are listed by name for anyone, searchable and paged', async () => {
    for (const slug of ['cedar', 'birch', 'alder', 'aspen']) await createSeller(slug);
    const page = (args: string) =>
      api.graphql<any>(
        `{ sellers(${args}) { totalCount edges { node { slug } } pageInfo { endCursor hasNextPage } } }`,
      );
    const first = (await page('first: 2')).data.sellers;
    expect(first.edges.map((e: any) => e.node.slug)).toEqual(['alder', 'aspen']);
    const rest = (await page(`first: 2, after: "${first.pageInfo.endCursor}"`)).data.sellers;
    expect(rest.edges.map((e: any) => e.node.slug)).toEqual(['birch', 'cedar']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await page('first: 5, search: "AS"')).data.sellers).toMatchObject({
      totalCount: 1,
      edges: [{ node: { slug: 'aspen' } }],
    });
  });

  it('owners remove a store and a staff member, who loses access at once', async () => {
    const { seller, store: shopStore, owner } = await createSeller('shop-a');
    const clerk = await createUser('clerk@example.com', [
      { role: 'salesperson', sellerId: seller.id },
    ]);
    const session = await signIn(api, owner.email);
    const clerkSession = await signIn(api, 'clerk@example.com');
    const STORES = 'query($s: String!) { seller(slug: $s) { stores { id } } }';
    expect(
      (await clerkSession.graphql('{ viewer { sellerAccess { permissions } } }')).data?.viewer
        .sellerAccess,
    ).toHaveLength(1);
    const removed = await session.graphql(
      'mutation($s: ID!, $u: ID!) { staffMemberRemove(sellerId: $s, userId: $u) { removedUserId errors { code } } }',
      { s: seller.id, u: clerk.id },
    );
    expect(removed.data?.staffMemberRemove).toEqual({ removedUserId: clerk.id, errors: [] });
    expect(
      (await clerkSession.graphql('{ viewer { canUseBackoffice sellerAccess { permissions } } }'))
        .data?.viewer,
    ).toEqual({ canUseBackoffice: false, sellerAccess: [] });
    const deleted = await session.graphql(
      'mutation($id: ID!) { storeDelete(id: $id) { deletedId errors { code } } }',
      { id: shopStore.id },
    );
    expect(deleted.data?.storeDelete).toEqual({ deletedId: shopStore.id, errors: [] });
    expect((await api.graphql<any>(STORES, { s: 'shop-a' })).data.seller.stores).toEqual([]);
  });
});
