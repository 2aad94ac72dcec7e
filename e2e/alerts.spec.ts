import { expect, test } from './fixtures';
import { AlertsPage } from './pages/alerts-page';
import { PanelPage } from './pages/panel-page';

// The demo's payroll_weekly was paused nine days ago and forgotten (lib/demo/model/scenario.ts):
// backup_schedule_stale (critical, for 0) fires at the first SQL evaluation after start.
const STALE_RULE = 'backup_schedule_stale';
const STALE = /^Backup payroll_weekly is stale/;
// The SQL rules run every ALERTS_SQL_INTERVAL (1 min): the first evaluation can take that long.
const FIRST_EVALUATION = { timeout: 90_000 };

type FiringAnswer = { counts: { firing: { critical: number; warning: number; info: number } } };

test.describe('alerts page', () => {
  test('lists the stale payroll_weekly as a firing critical alert: since when, value against threshold, labels, description, runbook, links', async ({ page }) => {
    const a = new AlertsPage(page);
    await a.goto();
    const card = a.firingAlert(STALE_RULE, STALE);
    await expect(card).toBeVisible(FIRST_EVALUATION);
    // Firing first, critical before warning.
    await expect(page.getByTestId('alert').first()).toHaveAttribute('data-state', 'firing');
    await expect(page.getByTestId('alert').first()).toHaveAttribute('data-severity', 'critical');
    await expect(a.summary).toHaveText(/^\d+ firing: \d+ critical/);
    await expect(card.getByTestId('alert-severity')).toHaveText('critical');
    await expect(card.getByTestId('alert-state')).toHaveText('firing');
    await expect(card.getByText('Firing since')).toBeVisible();
    await expect(card.locator('time').first()).toHaveText(/^\d{2}:\d{2}:\d{2} \((just now|\d+ (s|min|h)( \d+ min)? ago)\)$/);
    // Seconds as durations, never raw numbers.
    await expect(card.getByTestId('alert-value')).toHaveText(/^\d+ d( \d+ h)? · threshold \d+ (d|h)( \d+ (h|min))?$/);
    await expect(card.getByRole('list', { name: 'Labels' })).toContainText('label=payroll_weekly');
    await expect(card).toContainText('the schedule is PAUSED');
    // The runbook is collapsed until asked for.
    const runbook = card.getByText(/RESUME SCHEDULE <id>/);
    await expect(runbook).toBeHidden();
    await a.runbook(card).click();
    await expect(runbook).toBeVisible();
    await expect(a.links(card).first()).toHaveAttribute('href', /^\/c\/demo\/schedules\/\d{1,19}$/);
    // The e2e server configures no receiver: the page says how to add one.
    await expect(a.deliveries.getByTestId('deliveries-none')).toContainText('ALERTMANAGER_URL');
    await expect(a.deliveries.getByTestId('deliveries-none')).toContainText('ALERT_WEBHOOK_URL');
    await expect(a.navLink()).toHaveAttribute('aria-current', 'page');
  });

  test("an alert's links reach the schedule and the failed jobs behind it", async ({ page }) => {
    const a = new AlertsPage(page);
    await a.goto();
    const card = a.firingAlert(STALE_RULE, STALE);
    await expect(card).toBeVisible(FIRST_EVALUATION);
    await a.links(card).filter({ hasText: 'Schedule payroll_weekly (full)' }).click();
    // The schedule page reads SQL before it renders: the URL follows once it has.
    await expect(page).toHaveURL(/\/c\/demo\/schedules\/\d{1,19}$/, { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('payroll_weekly');

    await page.goBack();
    await expect(card).toBeVisible();
    await a.links(card).filter({ hasText: 'Failed scheduled backups (7 d)' }).click();
    await expect(page).toHaveURL(/\/c\/demo\/jobs\?.*status=failed.*scheduled=1/, { timeout: 20_000 });
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'failed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });

  test('the state filter and the window are in the URL and survive a reload; a bad window says why', async ({ page }) => {
    const a = new AlertsPage(page);
    await a.goto();
    await a.stateButton('Pending').click();
    await expect(page).toHaveURL(/[?&]state=firing%2Cresolved(&|$)/);
    await expect(a.stateButton('Pending')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('heading', { level: 2, name: /^Pending/ })).toHaveCount(0);
    await a.windowPreset('7 d').click();
    await expect(page).toHaveURL(/[?&]from=now-7d(&|$)/);
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(a.stateButton('Pending')).toHaveAttribute('aria-pressed', 'false');
    await expect(a.stateButton('Firing')).toHaveAttribute('aria-pressed', 'true');
    await expect(a.windowPreset('7 d')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { level: 2, name: /^Resolved/ })).toBeVisible();
    // Back steps through the filters.
    await page.goBack();
    await expect(page).not.toHaveURL(/from=now-7d/);

    await a.page.goto('/c/demo/alerts?from=now-1h&to=now-2h');
    await expect(a.error).toContainText('must be before');
  });

  test('the nav badge counts the firing alerts (red: one is critical) on every page', async ({ page, request }) => {
    const a = new AlertsPage(page);
    await page.goto('/c/demo/jobs');
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(a.navBadge()).toBeVisible(FIRST_EVALUATION);
    await expect(a.navBadge()).toHaveAttribute('data-tone', 'critical');
    // The badge polls every 15 s: it agrees with the API within a poll.
    await expect(async () => {
      const api = (await (await request.get('/api/v1/clusters/demo/alerts?state=firing')).json()) as FiringAnswer;
      const f = api.counts.firing;
      await expect(a.navBadge()).toHaveAttribute('data-count', String(f.critical + f.warning + f.info), { timeout: 1_000 });
    }).toPass({ timeout: 40_000 });
    await expect(a.navLink()).toHaveAccessibleName(/^Alerts\s*\(\d+ firing: \d+ critical.*\)$/);
    await a.navLink().click();
    await expect(page).toHaveURL(/\/c\/demo\/alerts$/, { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  });

  test('the overview shows the firing alerts at the top, linking to each alert and to the alerts page', async ({ page }) => {
    const a = new AlertsPage(page);
    await page.goto('/c/demo');
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    const strip = a.strip();
    await expect(strip).toBeVisible(FIRST_EVALUATION);
    await expect(strip.getByRole('heading', { level: 2 })).toHaveText(/^\d+ alerts? firing$/);
    await expect(strip.getByTestId('alert-strip-critical')).toHaveText(/^[1-9]\d*$/);
    const item = strip.getByRole('link', { name: STALE });
    await expect(item).toHaveAttribute('href', /^\/c\/demo\/schedules\/\d{1,19}$/);
    await strip.getByRole('link', { name: 'All alerts →' }).click();
    await expect(page).toHaveURL(/\/c\/demo\/alerts$/, { timeout: 20_000 });
    await expect(a.firingAlert(STALE_RULE, STALE)).toBeVisible();
  });

  test("a metric alert shades its window on its metric's panels, and only there", async ({ page }) => {
    // e2e/alerts-settings.yml fires protected_timestamp_too_old at once (no `for`): the demo's paused
    // backup job has held its protected timestamp for two days, its schedules for eleven.
    const a = new AlertsPage(page);
    await a.goto();
    const card = a.firingAlert('protected_timestamp_too_old', /held by backup jobs/);
    await expect(card).toBeVisible(FIRST_EVALUATION);
    await expect(card.getByTestId('alert-severity')).toHaveText('warning');
    await expect(card.getByTestId('alert-value')).toHaveText(/^\d+ d( \d+ h)? · threshold 12 h$/);
    await expect(card.getByRole('list', { name: 'Labels' })).toContainText('metric=jobs_backup_protected_age_sec');
    // The panel link is an absolute range around the alert.
    await a.links(card).filter({ hasText: 'Panel: jobs_backup_protected_age_sec' }).click();
    await expect(page).toHaveURL(/\/c\/demo\/metrics\/jobs_backup_protected_age_sec\?from=\d{4}-.*&to=\d{4}-/, { timeout: 20_000 });

    const panel = new PanelPage(page);
    await expect(panel.chart).toBeVisible({ timeout: 20_000 });
    const area = panel.chart.locator('[data-testid="alert-window"][data-rule="protected_timestamp_too_old"]');
    await expect(area).toHaveCount(1, { timeout: 20_000 });
    await expect(area).toHaveAttribute('data-severity', 'warning');
    await expect(area).toHaveAttribute('data-ongoing', '1');
    await expect(area).toHaveAccessibleName(/^Alert protected_timestamp_too_old \(warning\) fired .*, still firing: The oldest protected timestamp held by backup jobs is/);
    // Named in the caption too: a phone has no hover.
    await expect(panel.chart.getByTestId('alert-windows-note')).toContainText('protected_timestamp_too_old');

    // The rule reads the restore gauge too, but its instance is about the backup gauge: that panel stays clear.
    const alertsRead = page.waitForResponse((r) => r.url().includes('/api/v1/clusters/demo/alerts?from=now-1h&to=now') && r.ok());
    await panel.goto('demo', 'jobs_restore_protected_age_sec');
    await alertsRead;
    await expect(panel.chart.getByTestId('alert-window')).toHaveCount(0);

    // The overview's small chart of the backup gauge is shaded as well.
    await page.goto('/c/demo');
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    const small = page.getByRole('article', { name: 'Oldest PTS · backup jobs' });
    await small.scrollIntoViewIfNeeded();
    await expect(small.locator('[data-testid="alert-window"][data-rule="protected_timestamp_too_old"]')).toHaveCount(1, { timeout: 30_000 });
  });
});
