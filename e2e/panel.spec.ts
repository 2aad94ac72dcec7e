import { expect, test } from './fixtures';
import { PanelPage } from './pages/panel-page';

const METRIC = 'jobs_backup_protected_age_sec';

test.describe('the panel page', () => {
  test('a copied absolute link shows the same range, nodes and lines in a fresh browser', async ({ page, browser, baseURL }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, '?from=now-15m');
    // The recorder has been scraping since the server started: one line per node, plus the aggregate.
    await expect(panel.nodeLines()).toHaveCount(3);
    await expect(panel.aggregateLine()).toHaveCount(1);

    // Controlled by the URL: the box changes once the navigation lands, so click rather than uncheck().
    await panel.nodeCheckbox(2).click();
    await expect(page).toHaveURL(/nodes=1%2C3/);
    await expect(panel.nodeLines()).toHaveCount(2);

    await panel.copyAbsolute.click();
    const href = await panel.copiedHref();
    const url = new URL(href);
    expect(url.origin).toBe(new URL(baseURL ?? '').origin);
    expect(url.pathname).toBe(`/c/demo/metrics/${METRIC}`);
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? '';
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(to) - Date.parse(from)).toBe(15 * 60_000);
    expect(url.searchParams.get('refresh')).toBe('off');
    expect(url.searchParams.get('nodes')).toBe('1,3');

    const fresh = await browser.newContext();
    try {
      const other = new PanelPage(await fresh.newPage());
      await other.page.goto(href);
      await expect(other.chart).toBeVisible({ timeout: 20_000 });
      await expect(other.from).toHaveValue(from);
      await expect(other.to).toHaveValue(to);
      await expect(other.nodeCheckbox(1)).toBeChecked();
      await expect(other.nodeCheckbox(2)).not.toBeChecked();
      await expect(other.nodeCheckbox(3)).toBeChecked();
      await expect(other.nodeLines()).toHaveCount(2);
      await expect(other.nodeLine(1)).toHaveCount(1);
      await expect(other.nodeLine(3)).toHaveCount(1);
      await expect(other.page.getByRole('combobox', { name: 'Auto-refresh' })).toHaveValue('off');
    } finally {
      await fresh.close();
    }
  });

  test('every setting is in the URL, so back and forward step through views', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, '?from=now-15m');
    await panel.preset('6 h').click();
    await expect(page).toHaveURL(/from=now-6h/);
    await expect(panel.preset('6 h')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('checkbox', { name: 'cluster (max)' }).click();
    await expect(page).toHaveURL(/agg=0/);
    await expect(panel.aggregateLine()).toHaveCount(0);
    await page.goBack();
    await expect(page).not.toHaveURL(/agg=0/);
    await page.goBack();
    await expect(page).toHaveURL(/from=now-15m/);
    await expect(panel.from).toHaveValue('now-15m');
    await page.goForward();
    await expect(panel.from).toHaveValue('now-6h');
  });

  test('dragging across the chart zooms in, and the URL follows', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, '?from=now-15m');
    await expect(panel.nodeLines()).toHaveCount(3);
    const box = await panel.chart.locator('.recharts-surface').boundingBox();
    if (!box) throw new Error('no chart surface');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.6, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.95, y, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{4}-/);
    const url = new URL(page.url());
    const span = Date.parse(url.searchParams.get('to') ?? '') - Date.parse(url.searchParams.get('from') ?? '');
    expect(span).toBeGreaterThan(0);
    expect(span).toBeLessThan(15 * 60_000);
  });

  test('clicking a point offers the jobs behind it, as links to the filtered explorer', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', 'jobs_backup_resume_completed', '?from=now-15m');
    await expect(panel.nodeLines()).toHaveCount(3);
    const box = await panel.chart.locator('.recharts-surface').boundingBox();
    if (!box) throw new Error('no chart surface');
    // As a user does: hover until the tooltip names the point, then click it.
    const x = box.x + box.width * 0.9;
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 20, y);
    await page.mouse.move(x, y, { steps: 4 });
    await expect(panel.chart.locator('.recharts-tooltip-wrapper')).toBeVisible();
    await page.mouse.down();
    await page.mouse.up();
    const drill = page.getByTestId('point-drill');
    await expect(drill).toBeVisible();
    const all = drill.getByRole('link', { name: 'all nodes' });
    const href = new URL((await all.getAttribute('href')) ?? '', 'http://x');
    expect(href.pathname).toBe('/c/demo/jobs');
    expect(href.searchParams.get('type')).toBe('BACKUP');
    expect(href.searchParams.get('status')).toBe('succeeded');
    const span = Date.parse(href.searchParams.get('to') ?? '') - Date.parse(href.searchParams.get('from') ?? '');
    expect(span).toBe(20 * 60_000);
    // Counters grow on the coordinator: each node's link filters by it.
    expect(new URL((await drill.getByRole('link', { name: 'n2' }).getAttribute('href')) ?? '', 'http://x').searchParams.get('node')).toBe('2');
    await all.click();
    await expect(page).toHaveURL(/\/c\/demo\/jobs\?/);
  });

  test('kiosk=1 shows the chart alone', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, '?kiosk=1&from=now-15m');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    await expect(panel.copyAbsolute).toHaveCount(0);
    await expect(panel.nodeLines()).toHaveCount(3);
  });

  test('an unknown metric is a 404 page', async ({ page }) => {
    const res = await page.goto('/c/demo/metrics/not_a_metric');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'No such metric' })).toBeVisible();
  });
});

test.describe('the history API', () => {
  const base = `/api/v1/clusters/demo/metrics`;

  test('answers a range with one series per node and the aggregate', async ({ request }) => {
    const res = await request.get(`${base}/${METRIC}?from=now-15m`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { metric: string; step_s: number; fn: string; series: { node_id: number; points: [number, number][] }[]; aggregate: { how: string; points: unknown[] } };
    expect(body).toMatchObject({ metric: METRIC, fn: 'raw', aggregate: { how: 'max' } });
    expect(body.series.map((s) => s.node_id)).toEqual([1, 2, 3]);
    for (const s of body.series) expect(s.points.length).toBeLessThanOrEqual(1000);
  });

  test('counters default to increase per step; an empty range is an empty answer', async ({ request }) => {
    const res = await request.get(`${base}/schedules_BACKUP_started?from=now-15m&nodes=1`);
    expect(await res.json()).toMatchObject({ fn: 'increase', series: [{ node_id: 1 }] });
    const empty = await request.get(`${base}/schedules_BACKUP_started?from=2001-01-01T00:00:00Z&to=2001-01-01T01:00:00Z`);
    expect(empty.status()).toBe(200);
    expect(await empty.json()).toMatchObject({ series: [] });
  });

  for (const [query, message] of [
    [`${METRIC}?from=yesterday`, /from must be/],
    [`${METRIC}?to=now-2h&from=now-1h`, /before/],
    [`${METRIC}?step=0`, /step/],
    [`${METRIC}?fn=rate`, /needs a counter/],
    [`${METRIC}?fn=avg`, /fn must be/],
    [`${METRIC}?nodes=one`, /nodes/],
    [`schedules_BACKUP_started?from=now-7d&step=1s`, /too fine/],
    ['no_such_metric', /not a metric/],
  ] as const) {
    test(`400 for ${query}`, async ({ request }) => {
      const res = await request.get(`${base}/${query}`);
      expect(res.status()).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(message) } });
    });
  }

  test('404 for an unknown cluster', async ({ request }) => {
    const res = await request.get(`/api/v1/clusters/nope/metrics/${METRIC}`);
    expect(res.status()).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'unknown_cluster' } });
  });
});
