import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { LOGIN, PASSWORD, createUser, signIn } from '../../../test/accounts.js';
import { LOCK_AFTER_FAILURES } from './session.service.js';

const VIEWER = '{ viewer { user { email } } }';
const REFRESH =
  'mutation { sessionRefresh { session { accessToken user { email } } errors { code } } }';
const LOGOUT = 'mutation { sessionRevoke { revoked errors { code } } }';

describe('sessions', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.loginThrottle.deleteMany();
    await db.prisma.user.deleteMany();
  });

  it('log in with the right password, set a hardened refresh cookie and sign requests', async () => {
    await createUser('ada@example.com');
    const client = api.client();
    const result = await client.graphql(LOGIN, { email: 'ADA@example.com', password: PASSWORD });
    expect(result.data?.sessionCreate.errors).toEqual([]);
    const cookie = ([] as string[]).concat(result.headers['set-cookie'] as string)[0]!;
    expect(cookie).toMatch(/^bazaar_refresh=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/graphql/);
    expect((await client.graphql(VIEWER)).data).toEqual({
      viewer: { user: { email: 'ada@example.com' } },
    });
    const stored = await db.prisma.refreshToken.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(cookie.split(/[=;]/)[1]);
  });

  it('answer the same for a wrong password and an unknown e-mail, and record both', async () => {
    await createUser('ada@example.com');
    const wrong = await api.graphql(LOGIN, {
      email: 'ada@example.com',
      password: 'not the password',
    });
    const unknown = await api.graphql(LOGIN, {
      email: 'nobody@example.com',
      password: 'not the password',
    });
    expect(wrong.data).toEqual(unknown.data);
    expect(wrong.data?.['sessionCreate']).toMatchObject({
      session: null,
      errors: [{ code: 'INVALID_CREDENTIALS' }],
    });
    expect(await db.prisma.auditEvent.count({ where: { type: 'LOGIN_FAILED' } })).toBe(2);
  });

  it('slow down repeated failures, then lock the account until a reset', async () => {
    const user = await createUser('ada@example.com');
    const attempt = (password: string) =>
      api.graphql<any>(LOGIN, { email: 'ada@example.com', password });
    for (let i = 0; i < 3; i++)
      expect((await attempt('wrong password')).data.sessionCreate.errors[0].code).toBe(
        'INVALID_CREDENTIALS',
      );
    await createUser('other@example.com');
    await db.prisma.loginThrottle.update({
      where: { key: 'email:ada@example.com' },
      data: { lastFailure: new Date() },
    });
    expect((await attempt(PASSWORD)).data.sessionCreate.errors[0].code).toBe('TOO_MANY_ATTEMPTS');

    for (let i = 3; i < LOCK_AFTER_FAILURES; i++) {
      await db.prisma.loginThrottle.update({
        where: { key: 'email:ada@example.com' },
        data: { lastFailure: new Date(0) },
      });
      await attempt('wrong password');
    }
    await db.prisma.loginThrottle.update({
      where: { key: 'email:ada@example.com' },
      data: { lastFailure: new Date(0) },
    });
    expect(
      (await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedAt,
    ).not.toBeNull();
    expect((await attempt(PASSWORD)).data.sessionCreate.errors[0].code).toBe('ACCOUNT_LOCKED');
    expect((await attempt('wrong password')).data.sessionCreate.errors[0].code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(
      await db.prisma.auditEvent.count({ where: { type: 'ACCOUNT_LOCKED', subjectId: user.id } }),
    ).toBe(1);
  });

  it('refuse an address that failed 100 times within the hour', async () => {
    await createUser('ada@example.com');
    await db.prisma.loginThrottle.create({
      data: { key: 'ip:10.9.9.9', windowStart: new Date(), failures: 100, lastFailure: new Date() },
    });
    const blocked = await api
      .client('10.9.9.9')
      .graphql(LOGIN, { email: 'ada@example.com', password: PASSWORD });
    expect(blocked.data?.sessionCreate.errors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect(
      (
        await api
          .client('10.9.9.8')
          .graphql(LOGIN, { email: 'ada@example.com', password: PASSWORD })
      ).data?.sessionCreate.errors,
    ).toEqual([]);
  });

  it('count failures per client address behind a trusted proxy', async () => {
    await createUser('ada@example.com');
    await db.prisma.loginThrottle.create({
      data: { key: 'ip:10.9.9.9', windowStart: new Date(), failures: 100, lastFailure: new Date() },
    });
    const proxied = await startApi({ TRUST_PROXY: 'true' });
    const login = (forwardedFor: string) =>
      proxied.graphql<any>(
        LOGIN,
        { email: 'ada@example.com', password: PASSWORD },
        { 'x-forwarded-for': forwardedFor },
      );
    expect((await login('10.9.9.9')).data.sessionCreate.errors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login('10.9.9.8')).data.sessionCreate.errors).toEqual([]);
    // Untrusted, the header is ignored: the caller cannot pick its own address.
    expect(
      (
        await api.graphql<any>(
          LOGIN,
          { email: 'ada@example.com', password: PASSWORD },
          { 'x-forwarded-for': '10.9.9.9' },
        )
      ).data.sessionCreate.errors,
    ).toEqual([]);
  });

  it('refuse a disabled account once the password is right', async () => {
    await createUser('ada@example.com', [], { status: 'DISABLED' });
    const result = await api.graphql<any>(LOGIN, { email: 'ada@example.com', password: PASSWORD });
    expect(result.data.sessionCreate.errors[0].code).toBe('ACCOUNT_DISABLED');
  });

  it('allow one login per request: no aliases, no batches', async () => {
    const before = await db.prisma.auditEvent.count();
    const result = await api.graphql(
      `mutation { a: sessionCreate(input: { email: "a@b.co", password: "x" }) { errors { code } } b: sessionCreate(input: { email: "a@b.co", password: "y" }) { errors { code } } }`,
    );
    expect(result.errors?.[0]?.message).toMatch(/sessionCreate may appear only once/);
    expect(await db.prisma.auditEvent.count()).toBe(before);
    const batch = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: [1, 2].map(() => ({ query: LOGIN, variables: { email: 'a@b.co', password: 'x' } })),
    });
    expect(batch.statusCode).toBe(400);
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it('rotate the refresh token and renew the access token with a later expiry', async () => {
    await createUser('ada@example.com');
    const client = await signIn(api, 'ada@example.com');
    const firstCookie = client.cookie;
    const refreshed = await client.graphql(REFRESH);
    expect(refreshed.data?.sessionRefresh).toMatchObject({
      errors: [],
      session: { user: { email: 'ada@example.com' } },
    });
    expect(client.cookie).not.toBe(firstCookie);
    expect((await client.graphql(VIEWER)).data?.viewer.user.email).toBe('ada@example.com');
  });

  it('revoke the whole session when a spent refresh token comes back', async () => {
    await createUser('ada@example.com');
    const client = await signIn(api, 'ada@example.com');
    const stolen = client.cookie;
    await client.graphql(REFRESH);
    // Past the grace period for concurrent tabs.
    await db.prisma.refreshToken.updateMany({
      where: { usedAt: { not: null } },
      data: { usedAt: new Date(Date.now() - 60_000) },
    });
    const thief = api.client();
    thief.cookie = stolen;
    expect((await thief.graphql(REFRESH)).data?.sessionRefresh.errors).toEqual([
      { code: 'SESSION_REVOKED' },
    ]);
    expect((await client.graphql(REFRESH)).data?.sessionRefresh.errors).toEqual([
      { code: 'SESSION_REVOKED' },
    ]);
    const denied = await client.graphql(VIEWER);
    expect(denied.status).toBe(401);
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await db.prisma.auditEvent.count({ where: { type: 'REFRESH_TOKEN_REUSED' } })).toBe(1);
  });

  it('log out: the refresh cookie and the access token stop working at once', async () => {
    await createUser('ada@example.com');
    const client = await signIn(api, 'ada@example.com');
    const cookie = client.cookie;
    expect((await client.graphql(LOGOUT)).data?.sessionRevoke).toEqual({
      revoked: true,
      errors: [],
    });
    expect((await client.graphql(VIEWER)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    const again = api.client();
    again.cookie = cookie;
    expect((await again.graphql(REFRESH)).data?.sessionRefresh.errors).toEqual([
      { code: 'SESSION_REVOKED' },
    ]);
  });

  it('refuse forged, malformed and unknown-key tokens but still let the caller sign in', async () => {
    await createUser('ada@example.com');
    const client = await signIn(api, 'ada@example.com');
    const [header, payload, signature] = client.token!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = [
      header,
      Buffer.from(
        JSON.stringify({ ...claims, sub: '00000000-0000-7000-8000-000000000000' }),
      ).toString('base64url'),
      signature,
    ].join('.');
    const wrongKid = [
      Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'no-such-key' })).toString('base64url'),
      payload,
      signature,
    ].join('.');
    for (const token of [forged, wrongKid, 'not-a-token', `${client.token}x`]) {
      const result = await api.graphql(VIEWER, {}, { authorization: `Bearer ${token}` });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const login = await api.graphql<any>(
      LOGIN,
      { email: 'ada@example.com', password: PASSWORD },
      { authorization: 'Bearer expired.or.bad' },
    );
    expect(login.data.sessionCreate.errors).toEqual([]);
  });

  it('answer viewer with null for an anonymous caller', async () => {
    expect((await api.graphql(VIEWER)).data).toEqual({ viewer: null });
  });
});
