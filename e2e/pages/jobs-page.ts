import { expect, type Locator, type Page } from '@playwright/test';

/** The jobs explorer (`/c/{cluster}/jobs`) and the job page, located by role, label and test id. */
export class JobsPage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('jobs-table');
    this.rows = page.getByTestId('job-row');
  }

  async goto(cluster = 'demo', query = '') {
    await this.page.goto(`/c/${cluster}/jobs${query}`);
    // Act only once React has hydrated (components/layout/hydration-marker.tsx).
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  }

  statusFilter(status: string): Locator {
    return this.page.getByRole('group', { name: 'Status' }).getByRole('button', { name: status, exact: true });
  }

  windowPreset(label: string): Locator {
    return this.page.getByRole('group', { name: 'Time window' }).getByRole('button', { name: label, exact: true });
  }

  /** The type column of every row. */
  types(): Locator {
    return this.rows.locator('td:nth-child(2)');
  }

  jobLink(row: Locator): Locator {
    return row.locator('td').first().getByRole('link');
  }
}
