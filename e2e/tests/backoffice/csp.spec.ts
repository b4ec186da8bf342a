import { recordCspViolations } from '../../fixtures/csp.js';
import { expect, test } from '../../fixtures/index.js';
import { Backoffice } from '../../pages/backoffice.js';

test.describe('back-office under its Content-Security-Policy', () => {
  test('is served with its policy and runs log-in, dashboard and products with nothing blocked', async ({
    page,
  }) => {
    const violations = await recordCspViolations(page);
    const response = await page.goto('./login');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const backoffice = new Backoffice(page);
    await backoffice.logIn('seller@bazaar.test', 'bazaar-demo-pass');
    await backoffice.open('Products');
    await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
