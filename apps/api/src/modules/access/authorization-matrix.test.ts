// Every sensitive operation, run as every kind of caller: the table says who
// may do it; everyone else must be refused (a thrown UNAUTHENTICATED or
// FORBIDDEN, or a FORBIDDEN payload error) with nothing changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, startApi, type TestClient } from '../../../test/api.js';
import { createSeller, createUser, signIn } from '../../../test/accounts.js';

type Actor =
  | 'anonymous'
  | 'shopper'
  | 'ownerA'
  | 'salespersonA'
  | 'counterA'
  | 'ownerB'
  | 'admin'
  | 'superAdmin'
  | 'keyA';
const ACTORS: Actor[] = [
  'anonymous',
  'shopper',
  'ownerA',
  'salespersonA',
  'counterA',
  'ownerB',
  'admin',
  'superAdmin',
  'keyA',
];

interface Ids {
  sellerA: string;
  storeA: string;
  victim: string;
  n: () => number;
}
interface Operation {
  name: string;
  query: (ids: Ids) => [string, Record<string, unknown>?];
  allowed: Actor[];
}

const OPERATIONS: Operation[] = [
  {
    name: 'list all users',
    query: () => ['{ users(first: 5) { totalCount } }'],
    allowed: ['admin', 'superAdmin'],
  },
  {
    name: 'read the audit log',
    query: () => ['{ auditEvents(first: 5) { edges { node { type } } } }'],
    allowed: ['admin', 'superAdmin'],
  },
  { name: 'list signing keys', query: () => ['{ signingKeys { id } }'], allowed: ['superAdmin'] },
  {
    name: 'create a role',
    query: (ids) => [
      'mutation($n: String!) { roleCreate(input: { name: $n, scope: PLATFORM, permissions: [AUDIT_READ] }) { errors { code } } }',
      { n: `Auditor ${ids.n()}` },
    ],
    allowed: ['admin', 'superAdmin'],
  },
  {
    name: 'disable an account',
    query: (ids) => [
      'mutation($id: ID!) { userDisable(id: $id) { errors { code } } }',
      { id: ids.victim },
    ],
    allowed: ['admin', 'superAdmin'],
  },
  {
    name: "edit seller A's profile",
    query: (ids) => [
      'mutation($id: ID!) { sellerUpdate(id: $id, input: { name: "Shop A" }) { errors { code } } }',
      { id: ids.sellerA },
    ],
    allowed: ['ownerA', 'admin', 'superAdmin'],
  },
  {
    name: 'open a store for seller A',
    query: (ids) => [
      'mutation($id: ID!) { storeCreate(sellerId: $id, input: { name: "Depot", line1: "2 Quai", city: "Lyon", postalCode: "69002", country: "FR" }) { errors { code } } }',
      { id: ids.sellerA },
    ],
    allowed: ['ownerA', 'admin', 'superAdmin'],
  },
  {
    name: "list seller A's staff",
    query: (ids) => [
      'query($id: ID!) { sellerStaff(sellerId: $id) { user { email } } }',
      { id: ids.sellerA },
    ],
    allowed: ['ownerA', 'admin', 'superAdmin'],
  },
  {
    name: 'see your own account',
    query: () => ['{ viewer { user { id } } }'],
    allowed: [
      'shopper',
      'ownerA',
      'salespersonA',
      'counterA',
      'ownerB',
      'admin',
      'superAdmin',
      'keyA',
    ],
  },
  {
    name: 'create an API key',
    query: () => [
      'mutation { apiKeyCreate(input: { name: "k", permissions: [] }) { errors { code } } }',
    ],
    allowed: [
      'shopper',
      'ownerA',
      'salespersonA',
      'counterA',
      'ownerB',
      'admin',
      'superAdmin',
      'keyA',
    ],
  },
];

function outcome(result: {
  data?: unknown;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}): 'allow' | 'deny' {
  const code = result.errors?.[0]?.extensions?.['code'];
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return 'deny';
  if (result.errors?.length) throw new Error(`unexpected error: ${JSON.stringify(result.errors)}`);
  if (JSON.stringify(result.data).includes('"FORBIDDEN"')) return 'deny';
  if (JSON.stringify(result.data) === '{"viewer":null}') return 'deny';
  return 'allow';
}

describe('authorization matrix', async () => {
  const api = await startApi();
  const clients = new Map<Actor, TestClient>();
  let ids: Ids;

  beforeAll(async () => {
    const a = await createSeller('shop-a', 'owner-a@example.com');
    const b = await createSeller('shop-b', 'owner-b@example.com');
    await createUser('shopper@example.com');
    await createUser('sales-a@example.com', [{ role: 'salesperson', sellerId: a.seller.id }]);
    await createUser('counter-a@example.com', [
      { role: 'store_counter', sellerId: a.seller.id, storeId: a.store.id },
    ]);
    await createUser('admin@example.com', [{ role: 'admin' }]);
    await createUser('root@example.com', [{ role: 'super_admin' }]);
    const victim = await createUser('victim@example.com');
    let counter = 0;
    ids = { sellerA: a.seller.id, storeA: a.store.id, victim: victim.id, n: () => ++counter };
    const emails: Partial<Record<Actor, string>> = {
      shopper: 'shopper@example.com',
      ownerA: 'owner-a@example.com',
      salespersonA: 'sales-a@example.com',
      counterA: 'counter-a@example.com',
      ownerB: 'owner-b@example.com',
      admin: 'admin@example.com',
      superAdmin: 'root@example.com',
    };
    for (const [actor, email] of Object.entries(emails))
      clients.set(actor as Actor, await signIn(api, email!));
    clients.set('anonymous', api.client());
    // Owner A's key, narrowed to reading stores.
    const created = await clients
      .get('ownerA')!
      .graphql(
        'mutation($s: ID!) { apiKeyCreate(input: { name: "ERP", permissions: [STORES_READ], sellerId: $s }) { secret errors { code } } }',
        { s: a.seller.id },
      );
    const key = api.client();
    key.token = created.data?.apiKeyCreate.secret;
    clients.set('keyA', key);
    expect(b.seller.id).toBeTruthy();
  });

  for (const operation of OPERATIONS) {
    it(`${operation.name}: only ${operation.allowed.join(', ')}`, async () => {
      const observed: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const actor of ACTORS) {
        const [query, variables] = operation.query(ids);
        observed[actor] = outcome(await clients.get(actor)!.graphql(query, variables));
        expected[actor] = operation.allowed.includes(actor) ? 'allow' : 'deny';
      }
      expect(observed).toEqual(expected);
    });
  }

  it('denied calls change nothing', async () => {
    const victim = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.victim } });
    expect(victim.status).toBe('DISABLED');
    const disabledBy = await db.prisma.auditEvent.findMany({
      where: { type: 'USER_DISABLED' },
      select: { actorId: true },
    });
    const admins = await db.prisma.user.findMany({
      where: { email: { in: ['admin@example.com', 'root@example.com'] } },
    });
    expect(new Set(disabledBy.map((e) => e.actorId))).toEqual(new Set(admins.map((u) => u.id)));
    expect(await db.prisma.store.count({ where: { sellerId: ids.sellerA, name: 'Depot' } })).toBe(
      3,
    );
  });

  it('an API key carries no more than its owner granted it', async () => {
    const key = clients.get('keyA')!;
    const stores = await key.graphql(
      'query { viewer { permissions sellerAccess { seller { slug } permissions } } }',
    );
    expect(stores.data?.viewer).toEqual({
      permissions: [],
      sellerAccess: [{ seller: { slug: 'shop-a' }, permissions: ['STORES_READ'] }],
    });
  });
});
