import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setClusterSqlFault } from './pages/demo-control';

// The default `npm start`: three demo clusters. prod-eu is healthy; demo has its forgotten paused
// schedule (payroll_weekly, stale); staging has node 3 down and cluster_dr failing since 6 h (stale).
interface FleetLine {
  id: string;
  rank: number;
  nodes_up: number;
  nodes_total: number;
  version: string | null;
  freshness: { worst: string | null; label: string | null; schedule_ids: string[] } | null;
  alerts: { critical: number; warning: number } | null;
  sql_reachable: boolean | null;
  problems: string[];
}

async function fleetLines(page: Page): Promise<FleetLine[]> {
  const res = await page.request.get('/api/v1/fleet');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { clusters: FleetLine[] }).clusters;
}

const rows = (page: Page) => page.getByTestId('fleet-row');

test('the fleet API and page put the troubled clusters first', async ({ page }) => {
  // Right after start-up (the demo's past still being written) the first scrapes may time out: wait for the served ones.
  await expect.poll(async () => (await fleetLines(page)).map((c) => `${c.id}:${c.nodes_up}/${c.nodes_total}`), { timeout: 90_000 }).toEqual(expect.arrayContaining(['staging:2/3', 'demo:3/3', 'prod-eu:3/3']));
  const lines = await fleetLines(page);
  expect(lines.at(-1)).toMatchObject({ id: 'prod-eu', rank: 2, problems: [] });
  expect(lines.find((c) => c.id === 'demo')?.freshness).toMatchObject({ worst: 'stale', label: 'payroll_weekly' });
  expect(lines.find((c) => c.id === 'staging')).toMatchObject({ rank: 0, version: 'v24.3.8', freshness: { worst: 'stale', label: 'cluster_dr' } });

  await page.goto('/');
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).last()).toHaveAttribute('data-cluster', 'prod-eu');
  await expect(rows(page).last()).toContainText('healthy');
  await expect(page.getByTestId('fleet-summary')).toContainText('2 need attention');
  const staging = rows(page).and(page.locator('[data-cluster="staging"]'));
  await expect(staging.getByRole('link', { name: '2/3' })).toBeVisible();

  // A click reaches the stale schedule.
  await rows(page).and(page.locator('[data-cluster="demo"]')).getByTestId('fleet-freshness-link').click();
  await expect(page).toHaveURL(/\/c\/demo\/schedules\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('payroll_weekly');
});

test('sorting and filtering live in the URL; kiosk hides the controls', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('columnheader', { name: 'Cluster' }).getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(rows(page).first()).toHaveAttribute('data-cluster', 'demo');
  await expect(page.getByRole('columnheader', { name: /Cluster/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('columnheader', { name: /Cluster/ }).getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=-name/);
  await expect(rows(page).first()).toHaveAttribute('data-cluster', 'staging');

  await page.getByRole('searchbox', { name: 'Filter' }).fill('prod');
  await expect(page).toHaveURL(/[?&]q=prod/);
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveValue('prod');
  await page.goto('/?q=nothing-matches');
  await expect(page.getByText('No cluster matches')).toBeVisible();

  await page.goto('/?kiosk=1&refresh=30s');
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Auto-refresh' })).toHaveCount(0);
});

test('one cluster without SQL is one line saying so; the others keep their data', async ({ page }) => {
  await setClusterSqlFault('staging', { mode: 'refuse' });
  // The alert engine reads SQL every minute (ALERTS_SQL_INTERVAL): the fleet follows its next read.
  await expect.poll(async () => (await fleetLines(page)).find((c) => c.id === 'staging')?.sql_reachable, { timeout: 90_000 }).toBe(false);
  await page.goto('/');
  const staging = rows(page).and(page.locator('[data-cluster="staging"]'));
  await expect(staging).toContainText('SQL unreachable');
  await expect(rows(page).and(page.locator('[data-cluster="prod-eu"]'))).toContainText('cluster_dr');
});

test('the cluster switcher keeps the view', async ({ page }) => {
  await page.goto('/c/demo/jobs?status=failed&from=now-7d');
  const switcher = page.getByRole('navigation', { name: 'Cluster', exact: true }).getByRole('combobox', { name: 'Cluster' });
  await expect(switcher).toBeEnabled();
  await switcher.selectOption('staging');
  await expect(page).toHaveURL(/\/c\/staging\/jobs\?status=failed&from=now-7d$/);
  await expect(switcher).toHaveValue('staging');
  await switcher.selectOption({ label: 'All clusters (fleet)' });
  await expect(page).toHaveURL(/\/$/);
  await expect(rows(page)).toHaveCount(3);
});

test('screenshots: light, dark, phone', async ({ page }, info) => {
  for (const [name, size, scheme] of [
    ['fleet-light', { width: 1280, height: 800 }, 'light'],
    ['fleet-dark', { width: 1280, height: 800 }, 'dark'],
    ['fleet-phone', { width: 390, height: 844 }, 'light'],
  ] as const) {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
    await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/c/staging/jobs');
  await page.screenshot({ path: info.outputPath('switcher-phone.png') });
});
