import { expect, test } from './fixtures';

test('/ opens the fleet; the demo cluster keeps its own page at /c/demo', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
  await page.goto('/c/demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Demo cluster' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Demo cluster' })).toContainText('CRDB_SQL_URL');
  const rows = page.getByTestId('node-row');
  await expect(rows).toHaveCount(3);
  for (const n of [1, 2, 3]) await expect(rows.nth(n - 1)).toContainText(`n${n}`);
  await expect(page.getByText('3/3 nodes scraped')).toBeVisible();
});
