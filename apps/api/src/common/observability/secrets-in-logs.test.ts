// The whole log output of real flows that handle secrets (sign-up, login,
// refresh, password reset, API keys, Stripe webhooks), captured at debug level
// and searched for each secret the flows saw. Complements logging.test.ts,
// which checks the redaction paths one by one.
import { describe, expect, it } from 'vitest';
import { PASSWORD, createSeller, createUser } from '../../../test/accounts.js';
import { TEST_MASTER_KEY, db, startApi } from '../../../test/api.js';
import { DOUBLE_WEBHOOK_SECRET } from '../../../test/stripe-double.js';
import { cardPurchase, deliver, stripeSetup } from '../../../test/stripe-flow.js';

const SIGN_UP = `mutation($input: AccountSignUpInput!) {
  accountSignUp(input: $input) { session { accessToken } errors { code } } }`;
const LOGIN = `mutation($email: String!, $password: String!) {
  sessionCreate(input: { email: $email, password: $password }) { session { accessToken } errors { code } } }`;
const REFRESH = 'mutation { sessionRefresh { session { accessToken } errors { code } } }';
const RESET_REQUEST =
  'mutation($email: String!) { passwordResetRequest(input: { email: $email }) { errors { code } } }';
const RESET =
  'mutation($token: String!, $password: String!) { passwordReset(input: { token: $token, newPassword: $password }) { errors { code } } }';
const KEY_CREATE = `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret errors { code } } }`;

/** Everything the process writes to stdout (where pino logs) while `work` runs. */
async function captureStdout(work: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    chunks.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = original;
  }
  return chunks.join('');
}

describe('log output of flows that handle secrets', async () => {
  const { double, env: stripeEnv } = await stripeSetup();

  it('contains none of the passwords, tokens, keys or secrets they saw', async () => {
    const secrets: Record<string, string> = {
      'sign-up password': 'sign-up passphrase 7f3a9c',
      'new password': 'reset passphrase 91bd44e',
      'login password': PASSWORD,
      'wrong password': 'wrong passphrase e0c1d2',
      STRIPE_SECRET_KEY: double.env.STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: DOUBLE_WEBHOOK_SECRET,
      SIGNING_MASTER_KEY: TEST_MASTER_KEY.toString('base64'),
    };
    const text = await captureStdout(async () => {
      const api = await startApi({
        ...double.env,
        LOG_LEVEL: 'debug',
        SIGNING_MASTER_KEY: secrets['SIGNING_MASTER_KEY']!,
      });
      const { seller, store } = await createSeller('logs-shop');
      await createUser('admin@logs.test', [{ role: 'admin' }]);
      const shopper = api.client('10.1.1.1');
      const signedUp = await shopper.graphql(SIGN_UP, {
        input: { email: 'new@logs.test', name: 'New', password: secrets['sign-up password'] },
      });
      expect(signedUp.data?.accountSignUp.errors).toEqual([]);
      secrets['access token (sign-up)'] = shopper.token!;
      secrets['refresh cookie (sign-up)'] = shopper.cookie!.split('=')[1]!;

      const refreshed = await shopper.graphql(REFRESH);
      expect(refreshed.data?.sessionRefresh.errors).toEqual([]);
      secrets['access token (refresh)'] = refreshed.data?.sessionRefresh.session.accessToken;
      secrets['refresh cookie (rotated)'] = shopper.cookie!.split('=')[1]!;

      await api.graphql(RESET_REQUEST, { email: 'new@logs.test' });
      const mail = await db.prisma.emailOutbox.findFirstOrThrow({
        where: { to: 'new@logs.test', text: { contains: '/reset-password' } },
      });
      secrets['reset token'] = /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
      const reset = await api.graphql<any>(RESET, {
        token: secrets['reset token'],
        password: secrets['new password'],
      });
      expect(reset.data.passwordReset.errors).toEqual([]);
      // A spent token and a wrong password: failures are logged too.
      await api.graphql(RESET, {
        token: secrets['reset token'],
        password: secrets['new password'],
      });
      await api.graphql(LOGIN, { email: 'new@logs.test', password: secrets['wrong password'] });

      const admin = api.client('10.1.1.2');
      const login = await admin.graphql(LOGIN, { email: 'admin@logs.test', password: PASSWORD });
      expect(login.data?.sessionCreate.errors).toEqual([]);
      secrets['access token (login)'] = admin.token!;
      const key = await admin.graphql(KEY_CREATE, {
        input: { name: 'ERP', permissions: ['USERS_READ'] },
      });
      expect(key.data?.apiKeyCreate.errors).toEqual([]);
      secrets['API key secret'] = key.data?.apiKeyCreate.secret;
      const withKey = await api.graphql('{ viewer { user { email } } }', undefined, {
        authorization: `Bearer ${secrets['API key secret']}`,
      });
      expect(withKey.errors).toBeUndefined();

      const shopperRow = await db.prisma.user.findUniqueOrThrow({
        where: { email: 'new@logs.test' },
      });
      const paid = await cardPurchase(stripeEnv, shopperRow.id, [
        { sellerId: seller.id, storeId: store.id, total: 2_000 },
      ]);
      secrets['PaymentIntent client secret'] = paid.clientSecret;
      const hook = double.webhook('payment_intent.succeeded', double.succeed(paid.intentId));
      expect(await deliver(api.app, hook)).toBe(200);
      const forged = double.webhook('payment_intent.succeeded', double.succeed(paid.intentId), {
        secret: 'whsec_forged_by_someone',
      });
      expect(await deliver(api.app, forged)).toBe(400);
      await api.app.close();
    });

    // The capture saw the flows: a line per request, the refused webhook among them.
    expect(text).toContain('"msg":"request"');
    expect(text).toContain('"url":"/webhooks/stripe","status":400');
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret, name).toBeTruthy();
      expect(text.includes(secret), `${name} appears in the logs`).toBe(false);
    }
  });
});
