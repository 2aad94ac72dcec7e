import { expect, test } from './fixtures';
import { setSqlFault } from './pages/demo-control';
import { PanelPage } from './pages/panel-page';

// A failed-jobs counter over a day: the demo's 14-day history has failed backups in it.
const METRIC = 'jobs_backup_resume_failed';
/**
 * A fixed day that ended a minute ago, not `now-24h`: a moving window gains and loses events at its
 * edges while the test counts them (and refetches them on every auto-refresh), so two reads of
 * "the same" view could differ. Everything in a past window has already happened.
 */
function pastDay(): string {
  const to = Date.now() - 60_000;
  return `?from=${encodeURIComponent(new Date(to - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
}

test.describe('job event markers on charts', () => {
  test('failure markers show the job on hover and open it, error included', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, pastDay());
    await expect(panel.nodeLines()).toHaveCount(3);
    const failures = panel.failureMarkers();
    await expect(failures.first()).toBeVisible({ timeout: 20_000 });
    // A day of 15-minute backups is dense: without a choice only failures are marked.
    await expect(panel.eventsMode('failures')).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.markers('start')).toHaveCount(0);
    await expect(page.getByTestId('job-events-status')).toContainText('failures only');

    const marker = failures.first();
    const href = (await marker.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/c\/demo\/jobs\/\d{1,19}$/);
    const jobId = href.split('/').pop() ?? '';
    await expect(marker).toHaveAccessibleName(new RegExp(`^Failed.*: BACKUP ${jobId} on n\\d+ at `));

    await marker.hover();
    await expect(panel.eventCard).toBeVisible();
    await expect(panel.eventCard).toContainText(jobId);
    await expect(panel.eventCard).toContainText('BACKUP');
    const shownError = (await panel.eventCard.getByTestId('job-event-error').innerText()).trim();
    expect(shownError.length).toBeGreaterThan(0);

    // A click is the link, not a zoom or a point drill.
    await marker.click();
    await expect(page).toHaveURL(new RegExp(`/c/demo/jobs/${jobId}$`));
    await expect(page.getByTestId('job-error')).toContainText(shownError.replace(/…$/, '').slice(0, 40));
  });

  test('"Job events: all / failures / off" is in the URL and the view follows it', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, pastDay());
    await expect(panel.failureMarkers().first()).toBeVisible({ timeout: 20_000 });
    const failures = await panel.failureMarkers().count();

    await panel.eventsMode('all').click();
    await expect(page).toHaveURL(/events=all/);
    await expect(panel.markers('start').first()).toBeAttached();
    await expect(panel.markers('success').first()).toBeAttached();
    await expect(panel.failureMarkers()).toHaveCount(failures);

    await panel.eventsMode('off').click();
    await expect(page).toHaveURL(/events=off/);
    await expect(panel.markers()).toHaveCount(0);
    await expect(panel.nodeLines()).toHaveCount(3);

    // The link alone brings the same view back.
    await page.goBack();
    await expect(page).toHaveURL(/events=all/);
    await expect(panel.markers('start').first()).toBeAttached();
  });

  test('with some nodes selected, only their jobs are marked', async ({ page }) => {
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, `${pastDay()}&events=all&nodes=2`);
    await expect(panel.markers().first()).toBeAttached({ timeout: 20_000 });
    const names = await panel.markers().evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => / on n2 at /.test(n))).toBe(true);
  });

  test('with SQL down the chart keeps its lines and says job events are unavailable', async ({ page }) => {
    // Undone by the fixture however the test ends (e2e/fixtures.ts).
    await setSqlFault({ mode: 'refuse' });
    const panel = new PanelPage(page);
    await panel.goto('demo', METRIC, pastDay());
    await expect(panel.nodeLines()).toHaveCount(3);
    await expect(panel.chart.getByTestId('job-events-note')).toContainText('job events unavailable', { timeout: 20_000 });
    await expect(panel.markers()).toHaveCount(0);
  });

  test('the overview’s job charts carry markers too', async ({ page }) => {
    await page.goto('/c/demo');
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    const card = page.getByRole('article', { name: 'Backup jobs failed' });
    // Below the fold: its chart (and the chart library) load once it is scrolled to.
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByTestId('job-event-markers')).toBeAttached({ timeout: 20_000 });
    await expect(card.getByTestId('job-event-markers')).toHaveAttribute('data-count', /^\d+$/);
  });
});
