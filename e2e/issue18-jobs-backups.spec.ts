import { expect, test } from './fixtures';
import { BackupsPage } from './pages/backups-page';
import { JobsPage } from './pages/jobs-page';

const MOVR = 'gs://acme-crdb-backups/movr?AUTH=implicit';

test.describe('issue 18: jobs explorer, job page, restore points', () => {
  test('q finds jobs by error text, with the total matching, the schedule column and a way back from a pasted page 2', async ({ page, request }) => {
    const api = await (await request.get('/api/v1/clusters/demo/jobs?q=AccessDenied&from=now-14d&limit=5')).json();
    test.skip(api.total.count <= 5, 'the demo has too few AccessDenied failures for two pages');
    const j = new JobsPage(page);
    await j.goto('demo', '?q=AccessDenied&from=now-14d&limit=5');
    await expect(j.rows).toHaveCount(5);
    await expect(page.getByTestId('jobs-total')).toHaveText(new RegExp(`^5 of ${api.total.count} matching jobs$`));
    for (const e of await j.rows.locator('td').last().allInnerTexts()) expect(e).toContain('AccessDenied');
    // Scheduled backups link to their schedule.
    await expect(j.rows.first().getByRole('link', { name: /^(cluster_dr|movr_frequent|rides_snapshot|payroll_weekly)$/ })).toHaveAttribute('href', /\/c\/demo\/schedules\/\d+$/);

    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/cursor=/);
    // The previous page stays on screen until the next one has loaded (keepPreviousData).
    await expect(j.rows.first()).not.toHaveAttribute('data-job-id', api.jobs[0].job_id);
    const page2 = page.url();
    const firstOf2 = await j.rows.first().getAttribute('data-job-id');
    // Pasted into a fresh tab: Previous and First page still work.
    const fresh = await page.context().newPage();
    const j2 = new JobsPage(fresh);
    await fresh.goto(page2);
    await expect(j2.rows.first()).toHaveAttribute('data-job-id', firstOf2 as string);
    await fresh.getByRole('link', { name: '← Previous' }).click();
    await expect(j2.rows.first()).toHaveAttribute('data-job-id', api.jobs[0].job_id);
    await expect(fresh.getByText('← Previous', { exact: true })).toHaveAttribute('aria-disabled', 'true');
    await fresh.goto(page2);
    await fresh.getByRole('link', { name: '⇤ First page' }).click();
    await expect(fresh).not.toHaveURL(/cursor=/);
  });

  test('failures grouped by error text, each group opening the filtered list', async ({ page }) => {
    const j = new JobsPage(page);
    await j.goto('demo', '?from=now-7d');
    await page.getByRole('button', { name: 'Group failures by error' }).click();
    await expect(page).toHaveURL(/group=error/);
    const groups = page.getByTestId('error-group');
    await expect(groups.first()).toBeVisible();
    const count = Number(await groups.first().getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await groups.first().getByRole('link', { name: 'show these jobs' }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get('status') === 'failed,revert-failed' && (u.searchParams.get('q') ?? '').length > 0);
    await expect(page).not.toHaveURL(/group=error/);
    const total = (await page.getByTestId('jobs-total').innerText()).match(/of ([\d,]+)/)?.[1];
    expect(Number(total?.replace(/,/g, ''))).toBeGreaterThanOrEqual(count);
  });

  test('a row expands to its full description', async ({ page }) => {
    const j = new JobsPage(page);
    await j.goto('demo', '?from=now-6h&type=BACKUP');
    const row = j.rows.first();
    await row.getByRole('button', { name: 'full description' }).click();
    // A scheduled backup (INTO '<subdir>' IN '<collection>') or an ad-hoc one (INTO '<uri>'): either way the whole statement.
    await expect(row.getByTestId('job-description-text')).toHaveText(/^BACKUP .* INTO '.*'/);
    await expect(row.getByTestId('job-description-text')).not.toContainText(' … ');
  });

  test('a failed job offers only statements that can apply', async ({ page, request }) => {
    const list = await (await request.get('/api/v1/clusters/demo/jobs?type=BACKUP&status=failed&from=now-7d&scheduled=1&limit=1')).json();
    const id = list.jobs[0].job_id as string;
    await page.goto(`/c/demo/jobs/${id}`);
    const statements = page.getByTestId('job-statements');
    await expect(statements).toContainText(`SHOW JOB ${id};`);
    await expect(statements).toContainText(/ALTER BACKUP SCHEDULE \d+ EXECUTE (FULL )?IMMEDIATELY;/);
    await expect(statements).not.toContainText(/PAUSE JOB|RESUME JOB|CANCEL JOB/);
    await expect(page.getByText('PAUSE, RESUME and CANCEL JOB no longer apply to it')).toBeVisible();
  });

  test('each collection says to when it restores, with the RESTORE to copy; Validate says to when', async ({ page }) => {
    const b = new BackupsPage(page);
    await b.goto();
    const movr = b.collection(MOVR);
    await expect(movr.getByTestId('newest-restorable')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(movr.getByTestId('restore-sql')).toHaveText(`RESTORE DATABASE movr FROM LATEST IN '${MOVR}' WITH detached;`);
    await expect(movr.getByTestId('revision-history')).toHaveText(/^no/);
    await expect(movr.getByTestId('rto')).toHaveText(/^(≈ |no estimate)/);
    await b.backups(MOVR).first().click();
    await b.validate().click();
    await expect(b.validation).toHaveAttribute('data-outcome', /^(ok|missing)$/, { timeout: 30_000 });
    if ((await b.validation.getAttribute('data-outcome')) === 'ok') await expect(page.getByTestId('validation-restorable')).toContainText(/It can be restored to \d{4}-\d{2}-\d{2}/);
  });
});
