import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';

const FIELDS = `id name kind currency flatFee { amount formatted } perKgFee { amount } freeOver { amount } countries minDays maxDays active position`;
const CREATE = `mutation($s: ID!, $input: ShippingMethodInput!) { shippingMethodCreate(sellerId: $s, input: $input) { shippingMethod { ${FIELDS} } errors { code field } } }`;
const UPDATE = `mutation($id: ID!, $input: ShippingMethodInput!) { shippingMethodUpdate(id: $id, input: $input) { shippingMethod { ${FIELDS} } errors { code field } } }`;
const DELETE = `mutation($id: ID!) { shippingMethodDelete(id: $id) { deletedId errors { code field } } }`;
const PAGE = `query($slug: String!) { seller(slug: $slug) { shippingMethods { name active } } }`;
const TAX_SET = `mutation($input: TaxRateInput!) { taxRateSet(input: $input) { taxRate { id categoryId country region rateBp } errors { code field } } }`;
const TAX_DELETE = `mutation($id: ID!) { taxRateDelete(id: $id) { deletedId errors { code field } } }`;

const standard = {
  name: 'Colissimo',
  kind: 'BY_WEIGHT',
  currency: 'eur',
  flatFee: 490,
  perKgFee: 120,
  freeOver: 5000,
  countries: ['fr', 'BE', 'FR'],
  minDays: 2,
  maxDays: 4,
};

describe('delivery', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.taxRate.deleteMany();
    await db.prisma.category.deleteMany();
    await db.prisma.roleAssignment.deleteMany();
    await db.prisma.seller.deleteMany();
    await db.prisma.user.deleteMany();
  });

  it('a seller manages its shipping methods; shoppers see the active ones', async () => {
    const { seller } = await createSeller('shop-a');
    const owner = await signIn(api, 'owner@shop-a.test');
    const created = (await owner.graphql(CREATE, { s: seller.id, input: standard })).data
      ?.shippingMethodCreate;
    expect(created.errors).toEqual([]);
    expect(created.shippingMethod).toMatchObject({
      name: 'Colissimo',
      kind: 'BY_WEIGHT',
      currency: 'EUR',
      flatFee: { amount: 490 },
      perKgFee: { amount: 120 },
      freeOver: { amount: 5000 },
      countries: ['FR', 'BE'],
      active: true,
    });
    const id = created.shippingMethod.id;
    const hidden = (
      await owner.graphql(CREATE, {
        s: seller.id,
        input: { ...standard, name: 'Courier', kind: 'FLAT', active: false, position: 1 },
      })
    ).data?.shippingMethodCreate;
    // A FLAT method keeps no per-kg fee.
    expect(hidden.shippingMethod).toMatchObject({ perKgFee: { amount: 0 }, active: false });

    expect((await api.graphql<any>(PAGE, { slug: 'shop-a' })).data?.seller.shippingMethods).toEqual(
      [{ name: 'Colissimo', active: true }],
    );
    expect((await owner.graphql(PAGE, { slug: 'shop-a' })).data?.seller.shippingMethods).toEqual([
      { name: 'Colissimo', active: true },
      { name: 'Courier', active: false },
    ]);

    const updated = (
      await owner.graphql(UPDATE, {
        id,
        input: { ...standard, kind: 'FLAT', freeOver: null, countries: [], minDays: 0, maxDays: 0 },
      })
    ).data?.shippingMethodUpdate;
    expect(updated.errors).toEqual([]);
    expect(updated.shippingMethod).toMatchObject({ kind: 'FLAT', freeOver: null, countries: [] });

    expect((await owner.graphql(DELETE, { id })).data?.shippingMethodDelete).toEqual({
      deletedId: id,
      errors: [],
    });
    expect((await owner.graphql(DELETE, { id })).data?.shippingMethodDelete.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id' },
    ]);
    expect(await db.prisma.shippingMethod.count()).toBe(1);
  });

  it('refuses bad input and changes nothing', async () => {
    const { seller } = await createSeller('shop-a');
    const owner = await signIn(api, 'owner@shop-a.test');
    const bad = (
      await owner.graphql(CREATE, {
        s: seller.id,
        input: {
          ...standard,
          name: '   ',
          currency: 'EURO',
          flatFee: -1,
          perKgFee: 1_000_000_001,
          freeOver: -5,
          countries: ['FR', 'XX', 'france'],
          minDays: 5,
          maxDays: 3,
        },
      })
    ).data?.shippingMethodCreate;
    expect(bad.shippingMethod).toBeNull();
    expect(bad.errors).toEqual([
      { code: 'NAME_REQUIRED', field: 'name' },
      { code: 'CURRENCY_INVALID', field: 'currency' },
      { code: 'FEE_INVALID', field: 'flatFee' },
      { code: 'FEE_INVALID', field: 'perKgFee' },
      { code: 'FEE_INVALID', field: 'freeOver' },
      { code: 'COUNTRY_INVALID', field: 'countries.1' },
      { code: 'COUNTRY_INVALID', field: 'countries.2' },
      { code: 'DAYS_INVALID', field: 'maxDays' },
    ]);
    expect(await db.prisma.shippingMethod.count()).toBe(0);

    const id: string = (await owner.graphql(CREATE, { s: seller.id, input: standard })).data
      ?.shippingMethodCreate.shippingMethod.id;
    const before = await db.prisma.shippingMethod.findUniqueOrThrow({ where: { id } });
    const refused = (
      await owner.graphql(UPDATE, { id, input: { ...standard, name: 'New', minDays: -1 } })
    ).data?.shippingMethodUpdate;
    expect(refused.errors).toEqual([{ code: 'DAYS_INVALID', field: 'minDays' }]);
    expect(await db.prisma.shippingMethod.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(
      (await owner.graphql(CREATE, { s: 'not-a-uuid', input: standard })).data?.shippingMethodCreate
        .errors,
    ).toEqual([{ code: 'FORBIDDEN', field: 'sellerId' }]);
  });

  it("seller B cannot touch seller A's methods; anonymous callers are refused", async () => {
    const { seller: a } = await createSeller('shop-a');
    const { seller: b } = await createSeller('shop-b');
    const ownerA = await signIn(api, 'owner@shop-a.test');
    const ownerB = await signIn(api, 'owner@shop-b.test');
    const id: string = (await ownerA.graphql(CREATE, { s: a.id, input: standard })).data
      ?.shippingMethodCreate.shippingMethod.id;
    const before = await db.prisma.shippingMethod.findUniqueOrThrow({ where: { id } });

    expect(
      (await ownerB.graphql(CREATE, { s: a.id, input: standard })).data?.shippingMethodCreate
        .errors,
    ).toEqual([{ code: 'FORBIDDEN', field: 'sellerId' }]);
    expect(
      (await ownerB.graphql(UPDATE, { id, input: { ...standard, name: 'Mine' } })).data
        ?.shippingMethodUpdate.errors,
    ).toEqual([{ code: 'FORBIDDEN', field: 'id' }]);
    expect((await ownerB.graphql(DELETE, { id })).data?.shippingMethodDelete.errors).toEqual([
      { code: 'FORBIDDEN', field: 'id' },
    ]);
    const anonymous = await api.graphql<any>(DELETE, { id });
    expect(anonymous.data?.shippingMethodDelete ?? null).toBeNull();
    expect(anonymous.errors?.length).toBeGreaterThan(0);
    expect(await db.prisma.shippingMethod.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.prisma.shippingMethod.count({ where: { sellerId: b.id } })).toBe(0);
    // B's own view of A's page shows only A's active methods, like any shopper.
    expect((await ownerB.graphql(PAGE, { slug: 'shop-a' })).data?.seller.shippingMethods).toEqual([
      { name: 'Colissimo', active: true },
    ]);

    // Platform admins manage any seller's delivery.
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    expect(
      (await admin.graphql(UPDATE, { id, input: { ...standard, name: 'Fixed' } })).data
        ?.shippingMethodUpdate.shippingMethod.name,
    ).toBe('Fixed');
  });

  it('platform admins set tax rates, one per category, country and region', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    const { seller } = await createSeller('shop-a');
    const owner = await signIn(api, 'owner@shop-a.test');
    const category = await db.prisma.category.create({
      data: { slug: 'books', name: { en: 'Books' } },
    });

    const set = async (input: Record<string, unknown>, who = admin) =>
      (await who.graphql(TAX_SET, { input })).data?.taxRateSet;
    const general = await set({ country: 'fr', rateBp: 2000 });
    expect(general).toMatchObject({
      errors: [],
      taxRate: { categoryId: null, country: 'FR', region: null, rateBp: 2000 },
    });
    // The same scope again replaces the rate rather than adding a row.
    const again = await set({ country: 'FR', region: null, rateBp: 1960 });
    expect(again.taxRate).toMatchObject({ id: general.taxRate.id, rateBp: 1960 });
    await set({ country: 'FR', categoryId: category.id, rateBp: 550 });
    await set({ country: 'US', region: 'ca', rateBp: 725 });
    const caAgain = await set({ country: 'US', region: 'CA', rateBp: 750 });
    expect(caAgain.taxRate).toMatchObject({ region: 'CA', rateBp: 750 });
    expect(await db.prisma.taxRate.count()).toBe(3);

    expect(
      (
        await set({
          country: 'XX',
          rateBp: 10_001,
          categoryId: '00000000-0000-7000-8000-000000000000',
        })
      ).errors,
    ).toEqual([
      { code: 'NOT_FOUND', field: 'categoryId' },
      { code: 'COUNTRY_INVALID', field: 'country' },
      { code: 'RATE_INVALID', field: 'rateBp' },
    ]);
    // Shop owners hold no SETTINGS_MANAGE: the field itself is refused.
    const refused = await owner.graphql(TAX_SET, { input: { country: 'FR', rateBp: 0 } });
    expect(refused.data?.taxRateSet ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(await db.prisma.taxRate.count()).toBe(3);

    const list = (await admin.graphql('{ taxRates(country: "fr") { rateBp categoryId } }')).data
      ?.taxRates;
    expect(list).toHaveLength(2);
    const denied = await owner.graphql('{ taxRates { id } }');
    expect(denied.data?.taxRates ?? null).toBeNull();

    expect(
      (await admin.graphql(TAX_DELETE, { id: general.taxRate.id })).data?.taxRateDelete,
    ).toEqual({ deletedId: general.taxRate.id, errors: [] });
    expect(
      (await admin.graphql(TAX_DELETE, { id: general.taxRate.id })).data?.taxRateDelete.errors,
    ).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    expect(await db.prisma.taxRate.count()).toBe(2);
    void seller;
  });
});
