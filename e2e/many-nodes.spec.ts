import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startDashboard, tempDir, writeJson, type Dashboard } from './helpers/dashboard-server';

/**
 * A cluster of many nodes (issue 17): 40 served fixture nodes and 2 blind spots
 * (bench/grid-fixture-servers.ts) in a CLUSTERS_FILE, on a dashboard of its own. The grid renders
 * only the node columns in view; the metric names, the cluster column and the blind-spot summary
 * stay on screen while it scrolls, and a blind spot's button brings its column into view.
 */
const BASE = Number(process.env.E2E_PORT ?? 3100);
const FIXTURE_PORT = BASE + 60;
const DASH_PORT = BASE + 61;
const NODES = 40;
const DOWN = 2;

let fixture: ChildProcess | undefined;
let dash: Dashboard | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'bench', 'grid-fixture-servers.ts'), String(NODES), String(FIXTURE_PORT), String(DOWN)], { stdio: ['ignore', 'pipe', 'inherit'] });
  fixture = child;
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\n')) resolve(buf.slice(0, buf.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`the fixture nodes exited (${code})`)));
  });
  const { urls } = JSON.parse(line) as { urls: string[] };
  const dir = tempDir();
  const clusters = writeJson(dir, 'clusters.json', [{ id: 'many', name: 'Many nodes', http_urls: urls }]);
  dash = await startDashboard(DASH_PORT, { CLUSTERS_FILE: clusters, SCRAPE_INTERVAL: '5s', SCRAPE_TIMEOUT: '2s' }, dir);
});

test.afterAll(async () => {
  await dash?.stop();
  fixture?.kill('SIGTERM');
});

test('the grid of 42 nodes keeps the cluster column and the blind-spot summary on screen while it scrolls', async ({ browser }, info) => {
  const ctx = await browser.newContext({ baseURL: dash?.url, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto('/c/many');
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

  const summary = page.getByTestId('grid-blind-spots');
  await expect(summary).toContainText(`${DOWN} of ${NODES + DOWN} nodes not scraped`, { timeout: 30_000 });
  const grid = page.getByTestId('metric-grid');
  const box = page.getByTestId('metric-grid-scroll');
  const cluster = grid.locator('thead th[data-node="cluster"]');
  const firstRow = grid.locator('tr[data-metric="schedules_BACKUP_failed"]');
  // The grid is taller than the window: bring its header row on screen.
  await cluster.scrollIntoViewIfNeeded();

  // Only the columns in view are in the DOM: far fewer than the 42 nodes.
  const headers = grid.locator('thead th[data-node]:not([data-node="cluster"])');
  await expect(headers.first()).toHaveAttribute('data-node', 'n1');
  expect(await headers.count()).toBeLessThan(20);
  const before = await cluster.boundingBox();
  await page.screenshot({ path: info.outputPath('grid-start.png') });

  // Sideways to the far end: the last node is rendered, the first is not, the cluster column stayed put.
  await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect(grid.locator(`thead th[data-node="n${NODES}"]`)).toBeInViewport();
  await expect(grid.locator('thead th[data-node="n1"]')).toHaveCount(0);
  await expect(cluster).toBeInViewport();
  expect((await cluster.boundingBox())?.x).toBeCloseTo(before?.x ?? -1, 0);
  await expect(firstRow.locator('td[data-node="cluster"]')).toBeInViewport();
  await expect(firstRow.locator('th[scope="row"]')).toBeInViewport();
  await expect(summary).toBeInViewport();
  await page.screenshot({ path: info.outputPath('grid-end.png') });

  // Down the page through the grid's rows: the summary sticks to the top.
  await grid.locator('tbody tr').last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 300);
  await expect(summary).toBeInViewport();

  // A blind spot's button scrolls the grid back to its column.
  await box.evaluate((el) => (el.scrollLeft = 0));
  await cluster.scrollIntoViewIfNeeded();
  const blind = summary.getByRole('button').first();
  const label = (await blind.innerText()).trim();
  await blind.click();
  await expect(grid.locator(`thead th[data-node="${label}"][data-state="down"]`)).toBeInViewport();
  await expect(firstRow.locator(`td[data-node="${label}"]`)).toHaveAttribute('data-state', 'no-data');
  await page.screenshot({ path: info.outputPath('grid-blind-spot.png') });

  // The small charts draw the cluster line only past 12 nodes.
  const chart = page.getByRole('article', { name: 'Backup jobs running' });
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.getByTestId('cluster-line-only')).toContainText(`${NODES} nodes`, { timeout: 30_000 });
  await ctx.close();
});
