import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// The production build on one origin, against a fresh embedded database with
// demo data: the API serves the storefront at / and the back-office at /admin/.
const PORT = Number(process.env.E2E_PORT ?? 4100);
const BASE = `http://localhost:${PORT}`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Journeys go through several pages, each checked by axe; the two-seller checkout
  // journey takes about a minute on a loaded CI machine, so two leave room.
  timeout: 120_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download cannot run offline.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'storefront', testDir: 'tests/storefront', use: { baseURL: `${BASE}/` } },
    { name: 'backoffice', testDir: 'tests/backoffice', use: { baseURL: `${BASE}/admin/` } },
    // Sellers in the back-office and shoppers on the storefront in one journey.
    { name: 'journeys', testDir: 'tests/journeys', use: { baseURL: `${BASE}/admin/` } },
  ],
  webServer: {
    command: 'node apps/api/dist/main.js',
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/readyz`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      EMBEDDED_DB_DIR: `${ROOT}.data/e2e-postgres`,
      EMBEDDED_DB_FRESH: 'true',
      // Journeys read sign-up and reset e-mails from the development mailbox.
      DEV_MAILBOX: 'true',
      PUBLIC_URL: BASE,
    },
  },
});
