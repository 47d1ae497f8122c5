/*
 * Browser tests: Debian's chromium against the portal on its demo default.
 * Playwright starts the sandbox upstreams, the backend and the frontend dev
 * server itself (or reuses running ones outside CI), so `yarn test:e2e`
 * works on a fresh machine once scripts/bootstrap.sh has run.
 */
import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

const reportDir =
  process.env.ML_TEST_REPORTS ?? 'node_modules/.cache/e2e-reports';

export default defineConfig({
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // One portal serves every test; parallel workers only compete for 2 cores.
  workers: 1,
  webServer: [
    {
      command: 'yarn workspace @internal/ml-platform-sandbox start',
      url: 'http://127.0.0.1:7010/healthz',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'yarn start backend',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: 'yarn start app',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
    },
  ],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['json', { outputFile: `${reportDir}/playwright.json` }],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  use: {
    actionTimeout: 0,
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    // Use the Debian chromium package instead of a Playwright-downloaded browser.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'on-first-retry',
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
  projects: generateProjects(), // Find all packages with e2e-test folders
});
