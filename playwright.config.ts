import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's chromium: Playwright's own browser download is not reachable from these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // The production build, as a user runs it (`npm start` builds when needed), against the demo cluster.
    command: `node scripts/start.mjs`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    // A 2 s scrape so a fault shows within seconds; the timeout may not exceed the interval.
    // ALERTS_FILE: a metric alert that fires at once (e2e/alerts.spec.ts shades its window).
    env: { PORT: String(PORT), DEMO_CONTROL_PORT: process.env.E2E_DEMO_CONTROL_PORT ?? '3199', HISTORY_DB: '.data/e2e-history.sqlite', SCRAPE_INTERVAL: '2s', SCRAPE_TIMEOUT: '2s', ALERTS_FILE: 'e2e/fixtures/alerts.yml' },
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
  },
});
