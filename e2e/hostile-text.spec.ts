import { expect, test } from './fixtures';
import { injectFailedJob } from './pages/demo-control';

/**
 * Text from the cluster is data (issue 14): a job whose description and error are markup shows
 * them as text, and nothing in them runs. The job is an IMPORT from 10 days ago, outside every
 * other spec's default filters (BACKUP/RESTORE, last 24 h).
 */
const DESCRIPTION = `IMPORT INTO t CSV DATA ('s3://b/x.csv') <img src=x onerror="window.__xss='description'">`;
const ERROR = `<script>window.__xss='error'</script><b id="injected">bold?</b> =HYPERLINK("http://evil.example")`;

declare global {
  interface Window {
    __xss?: string;
  }
}

test.describe('cluster text is data, never markup', () => {
  test('a job with markup in its description and error shows it as text, on the job page and in the explorer', async ({ page }) => {
    const id = await injectFailedJob({ description: DESCRIPTION, error: ERROR, job_type: 'IMPORT', days_ago: 10 });

    await page.goto(`/c/demo/jobs/${id}`);
    await expect(page.getByTestId('job-error')).toContainText(ERROR);
    await expect(page.getByText(DESCRIPTION).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('#injected')).toHaveCount(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    await page.screenshot({ path: 'test-results/hostile-job.png', fullPage: true });

    await page.goto('/c/demo/jobs?type=IMPORT&status=failed&from=now-14d');
    const row = page.locator(`[data-job-id="${id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText('<img src=x onerror=');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  });
});
