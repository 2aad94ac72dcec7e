import { expect, test } from '@playwright/test';
import { OverviewPage } from './pages/overview-page';
import { ProtectedTimestampsPage } from './pages/pts-page';

// The demo cluster (lib/demo/model): a manual backup paused with a reason holds a record, backup
// schedule chains hold theirs (payroll_weekly's, paused nine days ago, ages), and one record's job was
// deleted long ago: the orphan, the oldest of all.

test.describe('protected timestamps page', () => {
  test('names every holder and the orphan, oldest first, problems at a glance', async ({ page }) => {
    const p = new ProtectedTimestampsPage(page);
    await p.goto();
    await expect(p.nav().getByRole('link', { name: 'Protected timestamps' })).toHaveAttribute('aria-current', 'page');
    await expect(p.summary).toHaveText(/^\d+ records · 1 orphaned · \d+ needs? attention$/);
    const first = p.records.first();
    await expect(first).toHaveAttribute('data-orphaned', 'true');
    await expect(first).toHaveAttribute('data-severity', 'critical');
    await expect(p.holder(first)).toHaveText(/^orphaned: job \d{18,19} \(gone\)$/);
    await expect(first).toContainText('nothing will release this record');
    // Every other record names its holder with a link to its page.
    const n = await p.records.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 1; i < n; i++) await expect(p.holder(p.records.nth(i)).getByRole('link').first()).toHaveAttribute('href', /^\/c\/demo\/(jobs|schedules)\/\d{1,19}$/);
    const paused = p.records.filter({ has: page.getByTestId('job-status').getByText('paused', { exact: true }) });
    await expect(paused).toHaveCount(1);
    await expect(paused).toContainText('held by a paused job');
    await expect(paused).toContainText('paused by sre_oncall during the movr migration freeze');
    await expect(p.records.filter({ hasText: 'payroll_weekly' })).toHaveAttribute('data-severity', 'critical');
    await expect(page.getByText('FROM system.protected_ts_records', { exact: false }).first()).toBeAttached();
  });

  test('filters by holder from the URL; the paused backup’s job page shows its record and age', async ({ page }) => {
    const p = new ProtectedTimestampsPage(page);
    await p.goto('demo', '?holder=orphaned');
    await expect(p.records).toHaveCount(1);
    await expect(p.filters.getByRole('link', { name: /^Orphaned/ })).toHaveAttribute('aria-current', 'page');
    await p.filters.getByRole('link', { name: /^Backup jobs/ }).click();
    await expect(page).toHaveURL(/\?holder=backup-jobs$/);
    const job = p.records.first();
    await expect(job).toContainText('BACKUP');
    const link = p.holder(job).getByRole('link').first();
    const href = (await link.getAttribute('href')) as string;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    const pts = page.getByTestId('job-pts');
    await expect(pts).toContainText('holds a protected timestamp');
    await expect(pts).toContainText(/\d+ (d|h|min)( \d+ (h|min))? old, since/);
    await expect(pts.getByRole('link', { name: 'every record and holder' })).toHaveAttribute('href', '/c/demo/protected-timestamps');
  });

  test('the overview’s PTS tiles and charts open it', async ({ page }) => {
    const o = new OverviewPage(page);
    await o.goto();
    await expect(page.getByRole('link').filter({ has: o.tile('Oldest PTS · backup schedules') })).toHaveAttribute('href', '/c/demo/protected-timestamps?holder=schedules');
    await page.getByRole('link').filter({ has: o.tile('Oldest PTS · backup jobs') }).click();
    const p = new ProtectedTimestampsPage(page);
    await expect(page).toHaveURL(/\/c\/demo\/protected-timestamps\?holder=backup-jobs$/);
    await expect(p.records.first()).toContainText('BACKUP');
    await o.goto();
    const chart = page.getByRole('article', { name: 'Oldest PTS · restore jobs' });
    await expect(chart.getByRole('link', { name: 'holders' })).toHaveAttribute('href', '/c/demo/protected-timestamps?holder=restore-jobs');
  });

  test('screenshots: light, dark, phone', async ({ browser }, info) => {
    for (const [name, opts] of [
      ['light', { colorScheme: 'light' as const, viewport: { width: 1400, height: 900 } }],
      ['dark', { colorScheme: 'dark' as const, viewport: { width: 1400, height: 900 } }],
      ['phone', { colorScheme: 'light' as const, viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 }],
    ] as const) {
      const ctx = await browser.newContext({ ...opts, baseURL: info.project.use.baseURL });
      const page = await ctx.newPage();
      const p = new ProtectedTimestampsPage(page);
      await p.goto();
      await expect(p.records.first()).toBeVisible();
      await page.screenshot({ path: info.outputPath(`protected-timestamps-${name}.png`), fullPage: true });
      await ctx.close();
    }
  });
});
