import { expect, test } from './fixtures';
import { PORTS, startDashboard, type Dashboard } from './helpers/dashboard-server';
import type { BackfillStatus, RangeResponse } from '../lib/api/types/history';

/**
 * Day-one history as a new user meets it: a dashboard with an empty HISTORY_DB in front of the
 * demo cluster, whose nodes serve ten days of their past on /ts/query. The overview shows the
 * progress while the backfill runs; afterwards the 7-day panel is full and says where its points
 * came from.
 */
let dash: Dashboard;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(240_000);
  // TS_BACKFILL explicitly: the run may turn it off for the suite's own server, to spare the CPU.
  dash = await startDashboard(PORTS.backfill, { TS_BACKFILL: '10d' });
});
test.afterAll(async () => dash?.stop());

test('the overview shows the backfill progress, then full 7-day charts from the time-series store', async ({ browser, request }) => {
  test.setTimeout(300_000);
  const page = await (await browser.newContext({ baseURL: dash.url, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto('/c/demo');
  const bar = page.getByTestId('backfill-progress');
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect(bar).toContainText("from CockroachDB's time-series store");
  await expect(bar).toContainText(/\d+%/);
  await page.screenshot({ path: 'test-results/history-backfill-progress.png' });

  await expect
    .poll(async () => ((await (await request.get(`${dash.url}/api/v1/clusters/demo/history/backfill`)).json()) as BackfillStatus).state, { timeout: 240_000, intervals: [2_000] })
    .toBe('done');
  await expect(bar).toBeHidden({ timeout: 60_000 });

  // Seven days, every hour of them, for every node.
  const res = await request.get(`${dash.url}/api/v1/clusters/demo/metrics/jobs_backup_currently_running?from=now-7d&to=now&step=3600&aggregate=0`);
  expect(res.status()).toBe(200);
  const r = (await res.json()) as RangeResponse;
  expect(r.series.map((s) => s.node_id)).toEqual([1, 2, 3]);
  for (const s of r.series) expect(new Set(s.points.map(([t]) => t)).size).toBeGreaterThanOrEqual(7 * 24 - 1);
  expect(r.sources?.[0]?.kind).toBe('tsdb');

  await page.goto('/c/demo/metrics/jobs_backup_currently_running?from=now-7d');
  const chart = page.getByTestId('metric-chart');
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('history-source')).toContainText("from CockroachDB's time-series store until");
  await page.screenshot({ path: 'test-results/history-backfill-7d.png' });
});
