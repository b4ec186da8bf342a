import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createUser, signIn } from '../../../test/accounts.js';

const CREATE = `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { id prefix permissions } secret errors { code field } } }`;

describe('API keys', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.roleAssignment.deleteMany();
    await db.prisma.user.deleteMany();
  });

  it('carry only permissions their owner holds; the secret is shown once and stored hashed', async () => {
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const admin = await signIn(api, 'admin@example.com');
    expect(
      (
        await admin.graphql(CREATE, {
          input: { name: 'ERP', permissions: ['SIGNING_KEYS_MANAGE'] },
        })
      ).data?.apiKeyCreate.errors,
    ).toEqual([{ code: 'PERMISSION_NOT_HELD', field: 'permissions' }]);
    expect(
      (
        await admin.graphql(CREATE, {
          input: { name: 'ERP', permissions: [], expiresAt: '2001-01-01T00:00:00Z' },
        })
      ).data?.apiKeyCreate.errors,
    ).toEqual([{ code: 'EXPIRY_IN_PAST', field: 'expiresAt' }]);
    const created = (
      await admin.graphql(CREATE, { input: { name: 'Reports', permissions: ['USERS_READ'] } })
    ).data?.apiKeyCreate;
    expect(created.secret).toMatch(new RegExp(`^bz_${created.apiKey.prefix}_`));
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(JSON.stringify(stored)).not.toContain(
      created.secret.slice(`bz_${created.apiKey.prefix}_`.length),
    );
    const listed = (await admin.graphql('{ apiKeys { id } }')).data?.apiKeys;
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const key = { authorization: `Bearer ${created.secret}` };
    expect(
      (await api.graphql<any>('{ users(first: 1) { totalCount } }', {}, key)).data?.users
        .totalCount,
    ).toBe(1);
    expect(
      (await api.graphql('{ auditEvents(first: 1) { totalCount } }', {}, key)).errors?.[0]
        ?.extensions?.['code'],
    ).toBe('FORBIDDEN');
    expect(
      (await db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } })).lastUsedAt,
    ).not.toBeNull();
  });

  it('stop working when revoked, expired, or their owner loses the permission', async () => {
    const admin = await createUser('admin@example.com', [{ role: 'admin' }]);
    const session = await signIn(api, 'admin@example.com');
    const make = async () =>
      (await session.graphql(CREATE, { input: { name: 'k', permissions: ['USERS_READ'] } })).data
        ?.apiKeyCreate;
    const call = (secret: string) =>
      api.graphql('{ users(first: 1) { totalCount } }', {}, { authorization: `Bearer ${secret}` });

    const revoked = await make();
    await session.graphql(
      'mutation($id: ID!) { apiKeyRevoke(id: $id) { apiKey { revokedAt } errors { code } } }',
      { id: revoked.apiKey.id },
    );
    expect((await call(revoked.secret)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const expired = await make();
    await db.prisma.apiKey.update({
      where: { id: expired.apiKey.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const other = await startApi();
    expect(
      (
        await other.graphql(
          '{ users(first: 1) { totalCount } }',
          {},
          { authorization: `Bearer ${expired.secret}` },
        )
      ).errors?.[0]?.extensions?.['code'],
    ).toBe('UNAUTHENTICATED');

    const narrowed = await make();
    expect((await call(narrowed.secret)).errors).toBeUndefined();
    await db.prisma.roleAssignment.deleteMany({ where: { userId: admin.id } });
    const fresh = await startApi();
    expect(
      (
        await fresh.graphql(
          '{ users(first: 1) { totalCount } }',
          {},
          { authorization: `Bearer ${narrowed.secret}` },
        )
      ).errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');
    expect((await call(`${narrowed.secret}x`)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
  });
});
