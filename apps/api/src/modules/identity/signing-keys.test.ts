import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { createUser, signIn } from '../../../test/accounts.js';

describe('signing keys', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.user.deleteMany();
  });

  it('publish the public keys with their kid, never the private ones', async () => {
    await createUser('ada@example.com');
    const client = await signIn(api, 'ada@example.com');
    const kid = JSON.parse(Buffer.from(client.token!.split('.')[0]!, 'base64url').toString()).kid;
    const jwks = (await api.app.inject('/.well-known/jwks.json')).json();
    expect(jwks.keys).toContainEqual(
      expect.objectContaining({ kid, kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' }),
    );
    expect(jwks.keys.every((key: { d?: string }) => key.d === undefined)).toBe(true);
    const stored = await db.prisma.signingKey.findFirstOrThrow();
    expect(stored.privateKeyEncrypted).not.toContain('"d"');
  });

  it('rotate for a super admin only: new tokens use the new key, existing sessions keep working', async () => {
    await createUser('root@example.com', [{ role: 'super_admin' }]);
    await createUser('admin@example.com', [{ role: 'admin' }]);
    const root = await signIn(api, 'root@example.com');
    const admin = await signIn(api, 'admin@example.com');
    const ROTATE = 'mutation { signingKeyRotate { signingKey { id current } errors { code } } }';
    expect((await admin.graphql(ROTATE)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const oldKid = JSON.parse(Buffer.from(root.token!.split('.')[0]!, 'base64url').toString()).kid;
    const rotated = (await root.graphql(ROTATE)).data?.signingKeyRotate.signingKey;
    expect(rotated).toMatchObject({ current: true });
    expect(rotated.id).not.toBe(oldKid);
    // The old token still verifies; a refresh brings a token signed by the new key.
    expect((await admin.graphql('{ viewer { user { email } } }')).data?.viewer.user.email).toBe(
      'admin@example.com',
    );
    await admin.graphql('mutation { sessionRefresh { session { accessToken } errors { code } } }');
    expect(JSON.parse(Buffer.from(admin.token!.split('.')[0]!, 'base64url').toString()).kid).toBe(
      rotated.id,
    );
    const keys = (await root.graphql('{ signingKeys { id current retiresAt } }')).data?.signingKeys;
    expect(keys.slice(0, 2)).toEqual([
      { id: rotated.id, current: true, retiresAt: null },
      { id: oldKid, current: false, retiresAt: expect.any(String) },
    ]);
    expect(await db.prisma.auditEvent.count({ where: { type: 'SIGNING_KEY_ROTATED' } })).toBe(1);
  });

  it('stop verifying a retired key', async () => {
    await createUser('ada@example.com');
    const client = await signIn(api, 'ada@example.com');
    await db.prisma.signingKey.updateMany({
      data: { rotatedAt: new Date(Date.now() - 3_600_000) },
    });
    const other = await startApi();
    const result = await other.graphql(
      '{ viewer { user { email } } }',
      {},
      { authorization: `Bearer ${client.token}` },
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
