import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The demo's fault-injection API: next to the port unless set, so a run on another E2E_PORT cannot
// drive (or be driven by) another run's demo cluster. Exported for the specs (e2e/pages/demo-control.ts).
const DEMO_CONTROL_PORT = (process.env.E2E_DEMO_CONTROL_PORT ??= String(PORT + 99));

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  // Sized for a busy 2-core machine (load 5-12 beside the suite): a server render, a scrape or a
  // SHOW BACKUPS can take seconds there. Assertions wait on what the user would see, never a sleep.
  timeout: 120_000,
  expect: { timeout: 20_000 },
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
    // TS_BACKFILL=1d: the past day through the demo's /ts/query, as the demo had before ten days could be
    // read; ten days are e2e/history-backfill.spec.ts's own server's (they cost minutes of CPU beside the specs).
    env: { PORT: String(PORT), DEMO_CONTROL_PORT, HISTORY_DB: '.data/e2e-history.sqlite', SCRAPE_INTERVAL: '2s', SCRAPE_TIMEOUT: '2s', ALERTS_FILE: 'e2e/alerts-settings.yml', TS_BACKFILL: process.env.TS_BACKFILL ?? '1d' },
    // Only when asked (E2E_REUSE_SERVER=1): a server already on the port may be another run's, whose
    // specs inject faults into the same demo cluster, or another worktree's build. Otherwise a taken
    // port fails the run at once instead of sharing a cluster.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    // The first run builds (`next build`): minutes on a loaded machine.
    timeout: 600_000,
    stdout: 'pipe',
  },
});
