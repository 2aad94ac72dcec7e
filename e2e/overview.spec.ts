import { everyNodeUp, expect, nextScrape, test } from './fixtures';
import { CATALOG } from '../lib/catalog';
import { advanceClock, setNodeFault, setScheduleFault, setSqlFault } from './pages/demo-control';
import { OverviewPage } from './pages/overview-page';

// The demo cluster: 3 nodes, CockroachDB 26.2 (no fail_or_cancel_failed since 25.4), a paused schedule and a
// paused backup holding protected timestamps, 14 days of counters. SCRAPE_INTERVAL is 2s here.

test.describe('cluster overview', () => {
  test('shows the status tiles and every catalog metric by node with real values', async ({ page, request }) => {
    const o = new OverviewPage(page);
    await o.goto();
    await expect(o.heading()).toHaveText('Demo cluster');

    await expect(o.tile('Nodes scraped')).toContainText('3/3');
    await expect(o.tile('Nodes scraped')).toHaveAttribute('data-tone', 'ok');
    await expect(o.tile('Last scheduled backup')).toContainText(/(\d+ (s|min|h|d).* ago|just now)/);
    await expect(o.tile('Backup schedules failed')).toContainText(/\d/);
    await expect(o.tile('Retry errors')).toContainText(/backup \d+ · restore \d+/);
    await expect(o.tile('Backup jobs')).toContainText(/\d+\s*running\s*\d+\s*paused/);
    await expect(o.tile('Restore jobs')).toContainText(/\d+\s*running\s*\d+\s*paused/);
    // The schedule paused nine days ago still holds its protected timestamp: past the 24 h line.
    await expect(o.tile('Oldest PTS · backup schedules')).toContainText(/\d+ d/);
    await expect(o.tile('Oldest PTS · backup schedules')).toHaveAttribute('data-tone', 'critical');
    await expect(o.tile('Oldest PTS · backup schedules')).toHaveAttribute('title', /Amber above 1 h, red above 24 h/);

    // One row per catalog metric, one column per node plus the cluster.
    await expect(o.grid.locator('tbody tr[data-metric]')).toHaveCount(CATALOG.length);
    for (const n of ['n1', 'n2', 'n3']) await expect(o.columnHeader(n)).toHaveAttribute('data-state', 'up');
    await expect(o.columnHeader('cluster')).toHaveAttribute('data-state', 'complete');

    // Counters grew over 14 days of history, so the cluster value is a real number.
    await expect(o.cell('schedules_BACKUP_started', 'cluster')).toHaveText(/^[1-9][\d,]*$/);
    await expect(o.cell('schedules_BACKUP_started', 'n1')).toHaveAttribute('data-state', 'value');
    // Gone since 25.4: absent on every node, not 0.
    await expect(o.cell('jobs_backup_fail_or_cancel_failed', 'n1')).toHaveText('n/a');
    await expect(o.cell('jobs_backup_fail_or_cancel_failed', 'n1')).toHaveAttribute('data-state', 'absent');

    const link = o.row('schedules_BACKUP_failed').getByRole('link', { name: 'schedules_BACKUP_failed' });
    await expect(link).toHaveAttribute('href', '/c/demo/metrics/schedules_BACKUP_failed');
    await expect(link).toHaveAttribute('title', /stuck scheduled job/);

    await expect(o.nodeRows).toHaveCount(3);
    const vars = o.nodeRows.nth(1).getByRole('link', { name: /raw \/_status\/vars/ });
    await expect(vars).toHaveAttribute('href', '/api/v1/clusters/demo/nodes/2/vars');
    const res = await request.get((await vars.getAttribute('href')) ?? '');
    expect(res.ok()).toBe(true);
    expect(await res.text()).toContain('schedules_BACKUP_failed');
  });

  test('the backup freshness strip puts the stale, paused payroll_weekly first and links to its schedule', async ({ page }) => {
    const o = new OverviewPage(page);
    await o.goto('demo', '?kiosk=1');
    // A wall screen keeps the strip (only the section bar hides).
    await expect(o.freshness).toBeVisible();
    const first = o.freshnessChips.first();
    await expect(first).toHaveAttribute('data-label', 'payroll_weekly');
    await expect(first.getByTestId('freshness')).toHaveAttribute('data-status', 'stale');
    await expect(first.getByTestId('paused-flag')).toBeVisible();
    await expect(first).toContainText(/last success \d+ (s|min|h|d)\b.* ago/);
    // The exact time is on hover.
    await expect(first.locator('time')).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T.*\(UTC\)$/);
    await expect(o.freshness.getByTestId('freshness-summary')).toHaveText(/^\d+ of \d+ needs? attention$/);
    await expect(o.freshness.getByRole('link', { name: 'All schedules →' })).toHaveAttribute('href', '/c/demo/schedules?kiosk=1');
    // It opens the schedule that made it red: payroll's daily incremental sets its cadence.
    const key = await first.getAttribute('data-focus');
    expect(key).toMatch(/^\d{1,19}$/);
    expect(key).not.toBe(await first.getAttribute('data-key'));
    await expect(first.getByRole('link').first()).toHaveAttribute('href', `/c/demo/schedules/${key}?kiosk=1`);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/c/demo/schedules/${key}\\?kiosk=1$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('payroll_weekly');
  });

  test('with SQL refused the strip keeps the last known verdicts, marked with their time, and the node grid still renders', async ({ page }) => {
    const o = new OverviewPage(page);
    await o.goto();
    await expect(o.freshnessChips.first()).toHaveAttribute('data-label', 'payroll_weekly');
    const labels = await o.freshnessChips.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
    // Undone by the fixture however the test ends (e2e/fixtures.ts).
    await setSqlFault({ mode: 'refuse' });
    await o.goto();
    await expect(o.freshness.getByTestId('last-known')).toHaveText(/^as of \d{2}:\d{2}(:\d{2})? \(SQL unreachable since \d{2}:\d{2}(:\d{2})?\)$/);
    expect(await o.freshnessChips.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual(labels);
    // The cluster metric comes from the nodes: it stays.
    await expect(o.freshness.getByTestId('freshness-metric')).toBeVisible();
    await expect(o.grid.locator('tbody tr[data-metric]')).toHaveCount(CATALOG.length);
    await expect(o.nodeRows).toHaveCount(3);
    await expect(o.tile('Nodes scraped')).toContainText('3/3');
  });

  test('a failing backup says FAILING with its error, opens the failing schedule, and links the failed job', async ({ page }) => {
    // rides_snapshot runs every 20 min (SKIP while a run is still going): its next run fails early,
    // while the backup is still fresh by age. The clock moves 20 min at a time until one has.
    await setScheduleFault('rides_snapshot', { mode: 'fail' });
    const o = new OverviewPage(page);
    const chip = o.freshnessChips.filter({ has: page.getByTestId('failing-flag') }).filter({ hasText: 'rides_snapshot' });
    await expect
      .poll(
        async () => {
          await advanceClock(20 * 60);
          await o.goto('demo', '?refresh=5s');
          return chip.count();
        },
        { timeout: 90_000, intervals: [3_000] },
      )
      .toBe(1);
    await expect(chip.getByTestId('failing-flag')).toHaveAttribute('title', /AccessDenied/);
    const job = chip.getByTestId('failing-job');
    await expect(job).toContainText(/failed .* ago: failed to write to external storage: s3: AccessDenied/);
    await expect(job).toHaveAttribute('href', /^\/c\/demo\/jobs\/\d+$/);
    await job.click();
    await expect(page).toHaveURL(/\/c\/demo\/jobs\/\d+$/);
    await expect(page.getByText(/AccessDenied/).first()).toBeVisible();
  });

  // Node 2 comes back in the test; if the test ends early, the fixture (e2e/fixtures.ts) brings it back.
  test.describe('with node 2 down', () => {
    test('shows n2 as a blind spot, never as zeros', async ({ page, request }) => {
      const o = new OverviewPage(page);
      await o.goto('demo', '?refresh=5s');
      await expect(o.scrapedSummary()).toHaveText('3/3 nodes scraped');

      await setNodeFault(2, { mode: 'down' });
      // The server's next scrape sees it; the page shows it at its next refresh (5 s).
      await nextScrape(request, (s) => s.nodes.some((n) => n.node_id === 2 && !n.up));

      const nodes = o.tile('Nodes scraped');
      await expect(nodes).toHaveAttribute('data-tone', 'critical');
      await expect(nodes).toContainText('2/3');
      await expect(nodes).toContainText('n2 blind spot');
      await expect(page.getByText('2/3 nodes scraped')).toBeVisible();

      await expect(o.columnHeader('n2')).toHaveAttribute('data-state', 'down');
      await expect(o.columnHeader('n2')).toHaveAttribute('title', /down: /);
      await expect(o.nodeCells('n2')).toHaveCount(CATALOG.length);
      await expect(o.grid.locator('tbody td[data-node="n2"]:not([data-state="no-data"])')).toHaveCount(0);
      await expect(o.cell('schedules_BACKUP_started', 'n2')).toContainText('no data');
      await expect(o.cell('schedules_BACKUP_started', 'n2')).not.toContainText('0');
      // The other nodes still report, and the cluster value says it is missing a node.
      await expect(o.cell('schedules_BACKUP_started', 'n1')).toHaveText(/^[1-9][\d,]*$/);
      await expect(o.columnHeader('cluster')).toHaveAttribute('data-state', 'partial');
      await expect(o.cell('schedules_BACKUP_started', 'cluster')).toHaveText(/^[1-9][\d,]*$/);
      await expect(o.nodeRows.nth(1)).toContainText('blind spot');

      await setNodeFault(2, { mode: 'ok' });
      await nextScrape(request, everyNodeUp);
      await expect(o.scrapedSummary()).toHaveText('3/3 nodes scraped');
      await expect(o.cell('schedules_BACKUP_started', 'n2')).toHaveAttribute('data-state', 'value');
    });
  });

  test('keeps the last data with a stale note when a refresh fails', async ({ page }) => {
    const o = new OverviewPage(page);
    await o.goto('demo', '?refresh=off');
    // The dashboard's own API failing (not a node): simulated in the browser, the server is fine.
    await page.route('**/api/v1/clusters/demo/metrics', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'the dashboard is restarting' } }) }),
    );
    await page.getByRole('button', { name: 'Refresh now' }).click();
    const note = page.getByRole('alert', { name: 'Stale: refresh failed' });
    await expect(note).toContainText('Stale: refresh failed');
    await expect(note).toContainText('HTTP 503');
    await expect(note).toContainText('the dashboard is restarting');
    await expect(o.cell('schedules_BACKUP_started', 'cluster')).toHaveText(/^[1-9][\d,]*$/);

    await page.unroute('**/api/v1/clusters/demo/metrics');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(note).toHaveCount(0);
  });

  test('the refresh picker writes refresh= into the URL and keeps other parameters', async ({ page }) => {
    const o = new OverviewPage(page);
    await o.goto('demo', '?from=now-6h&refresh=bogus');
    const picker = page.getByLabel('Auto-refresh');
    await expect(picker).toHaveValue('10s');
    await picker.selectOption('30s');
    await expect(page).toHaveURL(/[?&]refresh=30s/);
    await expect(page).toHaveURL(/[?&]from=now-6h/);
    await picker.selectOption('10s');
    await expect(page).not.toHaveURL(/refresh=/);
    await expect(page).toHaveURL(/[?&]from=now-6h/);
  });

  test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
    const o = new OverviewPage(page);
    await o.goto();
    const html = page.locator('html');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    // A new document: a click before React attaches its handlers would be lost.
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
  });

  test('an unknown cluster id is a 404 that lists the clusters there are', async ({ page }) => {
    const res = await page.goto('/c/no-such-cluster');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'No such cluster' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Demo cluster' })).toHaveAttribute('href', '/c/demo');
  });
});
