import { expect, type Locator, type Page } from '@playwright/test';

/** The protected-timestamps page (`/c/{cluster}/protected-timestamps`), located by role, label and test id. */
export class ProtectedTimestampsPage {
  readonly summary: Locator;
  /** The records as shown at this width (a table on a laptop, cards on a phone), oldest first. */
  readonly records: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('pts-summary');
    this.records = page.getByTestId('pts-record').filter({ visible: true });
    this.filters = page.getByRole('navigation', { name: 'Holders' });
  }

  async goto(cluster = 'demo', query = '') {
    await this.page.goto(`/c/${cluster}/protected-timestamps${query}`);
    // Act only once React has hydrated (components/layout/hydration-marker.tsx).
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.page.getByRole('heading', { level: 1, name: 'Protected timestamps' })).toBeVisible();
    await expect(this.summary).toBeVisible();
  }

  holder(record: Locator): Locator {
    return record.getByTestId('pts-holder');
  }

  nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Cluster', exact: true });
  }
}
