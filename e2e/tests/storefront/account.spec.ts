import { expect, test } from '../../fixtures/index.js';

test('a shopper signs up, confirms the e-mail, logs out and in, and edits the profile', async ({
  page,
  account,
  mailbox,
}) => {
  const email = `shopper-${Date.now()}@example.com`;
  const password = 'a long and private passphrase';

  await account.signUp('Grace Hopper', email, password);
  await expect(account.accountLink('Grace Hopper')).toBeVisible();

  await mailbox.openLink(email, '/verify-email');
  await expect(page.getByText('your e-mail address is confirmed')).toBeVisible();

  await page.goto('./');
  await account.logOut();
  await expect(account.header.getByRole('link', { name: 'Log in' })).toBeVisible();

  await account.logIn(email, 'a wrong passphrase entirely');
  await expect(
    page.getByRole('alert').filter({ hasText: 'do not match an account' }),
  ).toBeVisible();
  await account.logIn(email, password);
  await expect(account.accountLink('Grace Hopper')).toBeVisible();

  await account.saveProfileName('Grace B. Hopper');
  await expect(account.accountLink('Grace B. Hopper')).toBeVisible();
  // The session survives a reload: the refresh cookie brings a new access token.
  await page.reload();
  await expect(account.accountLink('Grace B. Hopper')).toBeVisible();

  await account.logOut();
  await expect(account.header.getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.goto('./account');
  await expect(page).toHaveURL(/\/log-in\?next=%2Faccount|\/log-in\?next=\/account/);
});
