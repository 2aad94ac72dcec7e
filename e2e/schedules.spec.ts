import { expect, test } from './fixtures';
import { setSqlFault } from './pages/demo-control';
import { SchedulesPage } from './pages/schedules-page';

// The demo cluster's payroll_weekly was paused nine days ago and forgotten (lib/demo/model/scenario.ts).
const STALE = 'payroll_weekly';

test.describe('schedules page', () => {
  test('puts the stale, paused payroll_weekly first, with its reason and both schedules of the pair', async ({ page }) => {
    const s = new SchedulesPage(page);
    await s.goto();
    const first = s.groups.first();
    await expect(first.getByRole('heading', { level: 2 })).toHaveText(STALE);
    await expect(s.groupFreshness(first)).toHaveAttribute('data-status', 'stale');
    // The reason is in the accessible text, not only on hover.
    await expect(s.groupFreshness(first)).toContainText(/last success .* ago/);
    await expect(first.getByTestId('paused-flag').first()).toBeVisible();
    await expect(first.getByTestId('schedule')).toHaveCount(2);
    await expect(first.getByText('FULL', { exact: true })).toBeVisible();
    await expect(first.getByText('INCREMENTAL', { exact: true })).toBeVisible();
    await expect(first).toContainText('PAUSE_SCHED');
    await expect(s.summary).toHaveText(/^\d+ of \d+ backups? needs? attention$/);
    // Healthy ones come after the problems.
    const last = s.groups.last();
    await expect(last).toHaveAttribute('data-problems', '');
    await expect(s.nav().getByRole('link', { name: 'Schedules' })).toHaveAttribute('aria-current', 'page');
    // Read-only by default: no pause/resume without ENABLE_JOB_CONTROL=true.
    await expect(page.getByRole('button', { name: /^(Pause|Resume) schedule/ })).toHaveCount(0);
  });

  test("a square in the run strip opens that run's job", async ({ page }) => {
    const s = new SchedulesPage(page);
    await s.goto();
    const runs = s.runLinks(s.group(STALE));
    await expect(runs.first()).toBeVisible();
    const href = await runs.last().getAttribute('href');
    expect(href).toMatch(/^\/c\/demo\/jobs\/\d{1,19}$/);
    await runs.last().click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByTestId('job-description')).toContainText('payroll');
  });

  test('the schedule page shows the backup statement, options, charts and its jobs', async ({ page }) => {
    const s = new SchedulesPage(page);
    await s.goto();
    await s.detailLink(s.group(STALE)).click();
    await expect(page).toHaveURL(/\/c\/demo\/schedules\/\d{1,19}$/);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(page.getByRole('heading', { level: 1 })).toContainText(STALE);
    // A stale pair links to the schedule whose cadence judges it (the daily incremental); the full is linked from there.
    await expect(page.getByTestId('backup-statement')).toHaveText(/^BACKUP DATABASE payroll INTO LATEST IN '(external:\/\/backup_archive\/payroll)'/);
    await expect(page.getByRole('link', { name: /^payroll_weekly \d+$/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Backup and schedule options' })).toContainText('revision_history');
    // The charts load once scrolled to (components/charts/lazy-charts.tsx).
    await page.getByRole('heading', { name: 'Run durations and outcomes' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('figure', { name: 'Run durations and outcomes' })).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Freshness over time' })).toBeVisible();
    const jobs = page.getByTestId('job-row');
    await expect(jobs.first()).toBeVisible();
    await expect(jobs.first()).toContainText('payroll');
    await jobs.first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/c\/demo\/jobs\/\d{1,19}$/);
  });

  test('a busy schedule lists its newest jobs first and the rest on request', async ({ page, request }) => {
    const api = (await (await request.get('/api/v1/clusters/demo/schedules')).json()) as { groups: { key: string; label: string }[] };
    const key = api.groups.find((g) => g.label === 'movr_frequent')?.key;
    expect(key).toMatch(/^\d{1,19}$/);
    await page.goto(`/c/demo/schedules/${key}`);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    const jobs = page.getByTestId('job-row');
    await expect(jobs).toHaveCount(25);
    const more = page.getByRole('button', { name: /^Show all \d+$/ });
    const total = Number((await more.innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(25);
    await more.click();
    await expect(jobs).toHaveCount(total);
  });

  test('an unknown or malformed schedule id is a 404 page', async ({ page }) => {
    for (const id of ['1', 'not-an-id']) {
      const res = await page.goto(`/c/demo/schedules/${id}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'No such schedule' })).toBeVisible();
    }
  });

  test('the cluster bar leads to every section and hides in kiosk mode', async ({ page }) => {
    const s = new SchedulesPage(page);
    await s.goto();
    await s.nav().getByRole('link', { name: 'Backups' }).click();
    await expect(page).toHaveURL(/\/c\/demo\/backups$/);
    await expect(s.nav().getByRole('link', { name: 'Backups' })).toHaveAttribute('aria-current', 'page');
    await s.nav().getByRole('link', { name: 'Jobs' }).click();
    await expect(page).toHaveURL(/\/c\/demo\/jobs$/);
    await s.goto('demo', '?kiosk=1');
    await expect(s.nav()).toHaveCount(0);
  });

  test('with SQL down the page keeps the last known answer, says since when, and still shows the metric from the nodes', async ({ page }) => {
    const s = new SchedulesPage(page);
    await s.open();
    await expect(s.groups.first()).toBeVisible();
    const before = await s.groups.count();
    // Undone by the fixture however the test ends (e2e/fixtures.ts).
    await setSqlFault({ mode: 'refuse' });
    await s.open();
    await expect(page.getByTestId('last-known')).toContainText(/Last known answer, as of .* \(SQL unreachable since .*\)/);
    await expect(s.groups).toHaveCount(before);
    await expect(page.getByRole('region', { name: /Cluster metric/ }).getByTestId('freshness')).toBeVisible();
  });
});
