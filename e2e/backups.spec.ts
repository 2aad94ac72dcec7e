import { expect, test } from './fixtures';
import { BackupsPage } from './pages/backups-page';
import { SchedulesPage } from './pages/schedules-page';

const MOVR = 'gs://acme-crdb-backups/movr?AUTH=implicit';

test.describe('backups page', () => {
  test("choosing a collection's newest backup lists its tables with sizes, and Validate reports on its files", async ({ page, request }) => {
    const b = new BackupsPage(page);
    await b.goto();
    const newest = b.backups(MOVR).first();
    const path = (await newest.innerText()).trim();
    expect(path).toMatch(/^\/?\d{4}\/\d{2}\/\d{2}-\d{6}\.\d{2}$/);
    await newest.click();
    // The choice is in the URL: a link to paste.
    await expect(page).toHaveURL((u) => u.searchParams.get('collection') === MOVR && u.searchParams.get('backup') === path);
    await expect(newest).toHaveAttribute('aria-current', 'true');

    const rides = b.objectRows.filter({ hasText: 'vehicle_location_histories' }).first();
    await expect(rides).toBeVisible();
    await expect(rides).toContainText('movr');
    await expect(rides.locator('td').nth(7)).toHaveText(/^\d+(\.\d)? (KiB|MiB|GiB|TiB)$/);
    await expect(b.objects.getByRole('rowheader', { name: /^Full backup/ })).toBeVisible();
    await expect(page.getByTestId('backup-total-size')).toHaveText(/^\d+(\.\d)? (KiB|MiB|GiB|TiB)$/);

    await b.validate().click();
    await expect(b.validation).toHaveAttribute('data-outcome', /^(ok|missing)$/, { timeout: 30_000 });
    // The page says what CockroachDB said: the same check through the API decides what we expect.
    const api = await request.post(`/api/v1/clusters/demo/backups/validate?collection=${encodeURIComponent(MOVR)}&backup=${encodeURIComponent(path)}`);
    expect(api.ok()).toBe(true);
    const result = (await api.json()) as { ok: boolean; missing_files: string[] };
    if (result.ok) {
      await expect(b.validation).toHaveAttribute('data-outcome', 'ok');
      await expect(b.validation).toContainText('All files present');
    } else {
      await expect(b.validation).toHaveAttribute('data-outcome', 'missing');
      await expect(b.validation.getByRole('list', { name: 'Missing files' }).getByRole('listitem')).toHaveCount(result.missing_files.length);
    }
  });

  test('no auto-refresh unless the link asks; each collection says how old its listing is; Re-list reads storage again', async ({ page }) => {
    const b = new BackupsPage(page);
    await b.goto();
    await expect(b.refreshPicker()).toHaveValue('off');
    await expect(b.refreshPicker().locator('option:checked')).toHaveText('Off (default here)');
    await expect(b.listedAt(MOVR)).toHaveText(/^listed (just now|\d+ s ago|\d+ min( \d+ s)? ago)$/);
    const before = await b.listedAt(MOVR).locator('time').getAttribute('datetime');
    const fresh = page.waitForResponse((r) => r.url().includes('/backups?') && r.url().includes('fresh=1') && r.ok());
    await b.relist().click();
    await fresh;
    await expect(b.listedAt(MOVR).locator('time')).not.toHaveAttribute('datetime', before ?? '');
    // An explicit refresh= still works, and choosing 10 s on this page keeps it in the link.
    await b.refreshPicker().selectOption('10s');
    await expect(page).toHaveURL((u) => u.searchParams.get('refresh') === '10s');
    await b.goto('demo', '?refresh=30s');
    await expect(b.refreshPicker()).toHaveValue('30s');
  });

  test('trends show the success rate over 7 and 30 days per schedule', async ({ page }) => {
    const b = new BackupsPage(page);
    await b.goto();
    const rates = page.getByTestId('success-rates');
    await expect(rates.getByRole('row', { name: /movr_frequent/ }).first()).toContainText('%');
    // The charts load once scrolled to (components/charts/lazy-charts.tsx).
    await page.getByRole('region', { name: /^Trends of cluster_dr/ }).first().scrollIntoViewIfNeeded();
    await expect(page.getByRole('figure', { name: 'Durations of cluster_dr' }).first()).toBeVisible();
  });

  test("a schedule's backups link opens the inventory with its collection marked", async ({ page }) => {
    const s = new SchedulesPage(page);
    await s.goto();
    await s.group('movr_frequent').getByRole('link', { name: 'Its backups' }).click();
    await expect(page).toHaveURL((u) => u.pathname === '/c/demo/backups' && u.searchParams.get('collection') === MOVR);
    const b = new BackupsPage(page);
    await expect(b.collection(MOVR)).toHaveAttribute('aria-current', 'true');
    await expect(b.collection('external://backup_archive/rides')).not.toHaveAttribute('aria-current', 'true');
  });
});
