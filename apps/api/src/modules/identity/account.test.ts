import { beforeEach, describe, expect, it } from 'vitest';
import { db, startApi } from '../../../test/api.js';
import { LOGIN, PASSWORD, createUser, signIn } from '../../../test/accounts.js';

const SIGN_UP = `mutation SignUp($input: AccountSignUpInput!) {
  accountSignUp(input: $input) { session { accessToken user { email name emailVerified } } errors { code field } }
}`;
const RESET_REQUEST =
  'mutation($email: String!) { passwordResetRequest(input: { email: $email }) { requested errors { code } } }';
const RESET =
  'mutation($token: String!, $password: String!) { passwordReset(input: { token: $token, newPassword: $password }) { user { email locked } errors { code field } } }';
const VERIFY =
  'mutation($token: String!) { emailVerify(input: { token: $token }) { user { emailVerified } errors { code } } }';

/** The token in the newest e-mail to an address. */
async function tokenMailedTo(email: string, path: string): Promise<string> {
  const mail = await db.prisma.emailOutbox.findFirstOrThrow({
    where: { to: email, text: { contains: path } },
    orderBy: { createdAt: 'desc' },
  });
  return new RegExp(`${path}\\?token=([\\w-]+)`).exec(mail.text)![1]!;
}

describe('accounts', async () => {
  const api = await startApi();
  beforeEach(async () => {
    await db.prisma.user.deleteMany();
    await db.prisma.emailOutbox.deleteMany();
    await db.prisma.loginThrottle.deleteMany();
  });

  describe('sign-up', () => {
    it('refuses bad input field by field and creates nothing', async () => {
      for (const [input, expected] of [
        [
          { email: 'not-an-email', password: PASSWORD, name: 'Ada' },
          [{ code: 'EMAIL_INVALID', field: 'email' }],
        ],
        [
          { email: 'ada@example.com', password: 'short', name: 'Ada' },
          [{ code: 'PASSWORD_TOO_SHORT', field: 'password' }],
        ],
        [
          { email: 'ada@example.com', password: 'password123', name: 'Ada' },
          [{ code: 'PASSWORD_TOO_COMMON', field: 'password' }],
        ],
        [
          { email: 'ada@example.com', password: PASSWORD, name: '   ' },
          [{ code: 'NAME_REQUIRED', field: 'name' }],
        ],
      ] as const) {
        const result = await api.graphql<any>(SIGN_UP, { input });
        expect(result.data.accountSignUp).toEqual({ session: null, errors: expected });
      }
      expect(await db.prisma.user.count()).toBe(0);
      expect(await db.prisma.emailOutbox.count()).toBe(0);
    });

    it('refuses an e-mail already taken in any letter case', async () => {
      await createUser('ada@example.com');
      const result = await api.graphql<any>(SIGN_UP, {
        input: { email: 'Ada@Example.com', password: PASSWORD, name: 'Ada' },
      });
      expect(result.data.accountSignUp.errors).toEqual([{ code: 'EMAIL_TAKEN', field: 'email' }]);
    });

    it('signs the new user in and e-mails a verification link that works once', async () => {
      const client = api.client();
      const result = await client.graphql(SIGN_UP, {
        input: { email: 'ada@example.com', password: PASSWORD, name: '  Ada   Lovelace ' },
      });
      expect(result.data?.accountSignUp.session.user).toEqual({
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        emailVerified: false,
      });
      expect(
        (await client.graphql('{ viewer { user { email } canUseBackoffice } }')).data?.viewer,
      ).toEqual({ user: { email: 'ada@example.com' }, canUseBackoffice: false });
      const token = await tokenMailedTo('ada@example.com', '/verify-email');
      expect((await api.graphql<any>(VERIFY, { token })).data.emailVerify).toEqual({
        user: { emailVerified: true },
        errors: [],
      });
      expect((await api.graphql<any>(VERIFY, { token })).data.emailVerify.errors).toEqual([
        { code: 'TOKEN_INVALID' },
      ]);
    });
  });

  describe('password reset', () => {
    it('answers the same whether or not the address has an account, and mails only real ones', async () => {
      await createUser('ada@example.com');
      const known = await api.graphql(RESET_REQUEST, { email: 'ada@example.com' });
      const unknown = await api.graphql(RESET_REQUEST, { email: 'nobody@example.com' });
      expect(known.data).toEqual(unknown.data);
      expect(await db.prisma.emailOutbox.findMany({ select: { to: true } })).toEqual([
        { to: 'ada@example.com' },
      ]);
    });

    it('sets the new password once, unlocks the account and ends its sessions', async () => {
      const user = await createUser('ada@example.com');
      const session = await signIn(api, 'ada@example.com');
      await db.prisma.user.update({
        where: { id: user.id },
        data: { lockedAt: new Date(), failedLogins: 10 },
      });
      await api.graphql(RESET_REQUEST, { email: 'ada@example.com' });
      const token = await tokenMailedTo('ada@example.com', '/reset-password');

      expect(
        (await api.graphql<any>(RESET, { token, password: 'password' })).data.passwordReset.errors,
      ).toEqual([{ code: 'PASSWORD_TOO_SHORT', field: 'newPassword' }]);
      expect(
        (await api.graphql<any>(RESET, { token, password: 'a new long passphrase' })).data
          .passwordReset,
      ).toEqual({ user: { email: 'ada@example.com', locked: false }, errors: [] });
      expect(
        (await api.graphql<any>(RESET, { token, password: 'another long passphrase' })).data
          .passwordReset.errors,
      ).toEqual([{ code: 'TOKEN_INVALID', field: 'token' }]);
      expect(
        (await session.graphql('{ viewer { user { email } } }')).errors?.[0]?.extensions?.['code'],
      ).toBe('UNAUTHENTICATED');
      expect(
        (
          await api.graphql<any>(LOGIN, {
            email: 'ada@example.com',
            password: 'a new long passphrase',
          })
        ).data.sessionCreate.errors,
      ).toEqual([]);
    });

    it('refuses an expired link', async () => {
      await createUser('ada@example.com');
      await api.graphql(RESET_REQUEST, { email: 'ada@example.com' });
      const token = await tokenMailedTo('ada@example.com', '/reset-password');
      await db.prisma.userToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
      expect(
        (await api.graphql<any>(RESET, { token, password: 'a new long passphrase' })).data
          .passwordReset.errors,
      ).toEqual([{ code: 'TOKEN_EXPIRED', field: 'token' }]);
    });
  });

  describe('profile', () => {
    it('changes the password only with the current one, keeping this session', async () => {
      await createUser('ada@example.com');
      const client = await signIn(api, 'ada@example.com');
      const other = await signIn(api, 'ada@example.com');
      const change = (currentPassword: string, newPassword: string) =>
        client.graphql(
          'mutation($c: String!, $n: String!) { passwordChange(input: { currentPassword: $c, newPassword: $n }) { errors { code field } } }',
          { c: currentPassword, n: newPassword },
        );
      expect(
        (await change('wrong one here', 'a new long passphrase')).data?.passwordChange.errors,
      ).toEqual([{ code: 'WRONG_PASSWORD', field: 'currentPassword' }]);
      expect((await change(PASSWORD, 'a new long passphrase')).data?.passwordChange.errors).toEqual(
        [],
      );
      expect((await client.graphql('{ viewer { user { email } } }')).data?.viewer.user.email).toBe(
        'ada@example.com',
      );
      expect(
        (await other.graphql('{ viewer { user { email } } }')).errors?.[0]?.extensions?.['code'],
      ).toBe('UNAUTHENTICATED');
    });

    it('updates the name and avatar, refusing a non-web avatar address', async () => {
      await createUser('ada@example.com');
      const client = await signIn(api, 'ada@example.com');
      const update = (name: string, avatarUrl: string | null) =>
        client.graphql(
          'mutation($n: String!, $a: String) { profileUpdate(input: { name: $n, avatarUrl: $a }) { user { name avatarUrl } errors { code field } } }',
          { n: name, a: avatarUrl },
        );
      expect((await update('Ada', 'javascript:alert(1)')).data?.profileUpdate.errors).toEqual([
        { code: 'AVATAR_URL_INVALID', field: 'avatarUrl' },
      ]);
      expect((await update('Ada L.', 'https://example.com/a.png')).data?.profileUpdate).toEqual({
        user: { name: 'Ada L.', avatarUrl: 'https://example.com/a.png' },
        errors: [],
      });
    });

    it('keeps an address book with one default address, private to its owner', async () => {
      await createUser('ada@example.com');
      await createUser('eve@example.com');
      const ada = await signIn(api, 'ada@example.com');
      const eve = await signIn(api, 'eve@example.com');
      const address = {
        recipient: 'Ada',
        line1: '1 Rue de la Paix',
        city: 'Paris',
        postalCode: '75002',
        country: 'fr',
      };
      const create = (input: object) =>
        ada.graphql(
          'mutation($i: AddressInput!) { addressCreate(input: $i) { address { id isDefault country } errors { code field } } }',
          { i: input },
        );
      expect((await create({ ...address, country: 'XX' })).data?.addressCreate.errors).toEqual([
        { code: 'COUNTRY_INVALID', field: 'country' },
      ]);
      const first = (await create(address)).data?.addressCreate.address;
      expect(first).toMatchObject({ isDefault: true, country: 'FR' });
      const second = (await create({ ...address, line1: '2 Rue', isDefault: true })).data
        ?.addressCreate.address;
      const book = (await ada.graphql('{ viewer { addresses { id isDefault } } }')).data?.viewer
        .addresses;
      expect(book).toEqual([
        { id: second.id, isDefault: true },
        { id: first.id, isDefault: false },
      ]);
      const stolen = await eve.graphql(
        'mutation($id: ID!) { addressDelete(id: $id) { deletedId errors { code } } }',
        { id: first.id },
      );
      expect(stolen.data?.addressDelete).toEqual({
        deletedId: null,
        errors: [{ code: 'NOT_FOUND' }],
      });
      expect(await db.prisma.address.count()).toBe(2);
    });

    it('shows a public profile without private data', async () => {
      const user = await createUser('ada@example.com');
      const result = await api.graphql<any>(
        'query($id: ID!) { publicProfile(id: $id) { name memberSince sellers { slug } } }',
        { id: user.id },
      );
      expect(result.data.publicProfile).toMatchObject({ name: 'ada', sellers: [] });
      expect(JSON.stringify(result)).not.toContain('ada@example.com');
      expect(
        (await api.graphql<any>('{ publicProfile(id: "nope") { name } }')).data.publicProfile,
      ).toBeNull();
    });
  });

  describe('e-mail verification', () => {
    it('resends a link until the address is confirmed, then says it is done', async () => {
      await createUser('ada@example.com');
      const client = await signIn(api, 'ada@example.com');
      const SEND = 'mutation { emailVerificationSend { sent errors { code } } }';
      expect((await client.graphql(SEND)).data?.emailVerificationSend).toEqual({
        sent: true,
        errors: [],
      });
      const token = await tokenMailedTo('ada@example.com', '/verify-email');
      expect((await api.graphql<any>(VERIFY, { token })).data.emailVerify.errors).toEqual([]);
      expect((await client.graphql(SEND)).data?.emailVerificationSend).toEqual({
        sent: null,
        errors: [{ code: 'ALREADY_VERIFIED' }],
      });
      expect((await api.graphql(SEND)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });
  });

  it('edits an address and can make it the default', async () => {
    await createUser('ada@example.com');
    const ada = await signIn(api, 'ada@example.com');
    const address = {
      recipient: 'Ada',
      line1: '1 Rue',
      city: 'Paris',
      postalCode: '75002',
      country: 'FR',
    };
    const create = (input: object) =>
      ada.graphql('mutation($i: AddressInput!) { addressCreate(input: $i) { address { id } } }', {
        i: input,
      });
    const first = (await create(address)).data?.addressCreate.address.id;
    const second = (await create({ ...address, line1: '2 Rue' })).data?.addressCreate.address.id;
    const update = (id: string, input: object) =>
      ada.graphql(
        'mutation($id: ID!, $i: AddressInput!) { addressUpdate(id: $id, input: $i) { address { line1 isDefault } errors { code field } } }',
        { id, i: input },
      );
    expect((await update(second, { ...address, city: ' ' })).data?.addressUpdate.errors).toEqual([
      { code: 'FIELD_REQUIRED', field: 'city' },
    ]);
    expect(
      (await update(second, { ...address, line1: '3 Rue', isDefault: true })).data?.addressUpdate,
    ).toEqual({ address: { line1: '3 Rue', isDefault: true }, errors: [] });
    const book = (await ada.graphql('{ viewer { addresses { id isDefault } } }')).data?.viewer
      .addresses;
    expect(book).toEqual([
      { id: second, isDefault: true },
      { id: first, isDefault: false },
    ]);
  });
});
