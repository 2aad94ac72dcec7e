import { expect, type Locator, type Page } from '@playwright/test';

/** The cluster overview (`/c/{cluster}`), located by role, label and test id. */
export class OverviewPage {
  readonly grid: Locator;
  readonly nodeRows: Locator;
  /** "Backup freshness": one chip per backup schedule group, problems first. */
  readonly freshness: Locator;
  readonly freshnessChips: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('metric-grid');
    this.nodeRows = page.getByTestId('node-row');
    this.freshness = page.getByRole('region', { name: 'Backup freshness' });
    this.freshnessChips = this.freshness.getByRole('list', { name: 'Backups by freshness, problems first' }).getByTestId('freshness-chip');
  }

  async goto(cluster = 'demo', query = '') {
    await this.page.goto(`/c/${cluster}${query}`);
    // Act only once React has hydrated (components/layout/hydration-marker.tsx).
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.grid).toBeVisible();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  tile(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  columnHeader(node: string): Locator {
    return this.grid.locator(`thead th[data-node="${node}"]`);
  }

  row(metric: string): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: metric, exact: true }) });
  }

  cell(metric: string, node: string): Locator {
    return this.row(metric).locator(`td[data-node="${node}"]`);
  }

  /** Every value cell of one node's column. */
  nodeCells(node: string): Locator {
    return this.grid.locator(`tbody td[data-node="${node}"]`);
  }

  scrapedSummary(): Locator {
    return this.page.getByText(/^\d+\/\d+ nodes scraped$/);
  }
}
