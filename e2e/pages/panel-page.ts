import { expect, type Locator, type Page } from '@playwright/test';

/** One metric's panel page (`/c/{cluster}/metrics/{metric}`), located by role, label and test id. */
export class PanelPage {
  readonly chart: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly copyAbsolute: Locator;
  readonly copyLink: Locator;
  readonly copied: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('metric-chart');
    this.from = page.getByLabel('From', { exact: true });
    this.to = page.getByLabel('To', { exact: true });
    this.copyAbsolute = page.getByRole('button', { name: 'Copy link (absolute time)' });
    this.copyLink = page.getByRole('button', { name: 'Copy link', exact: true });
    this.copied = page.getByTestId('copy-links');
  }

  async goto(cluster: string, metric: string, query = '') {
    await this.page.goto(`/c/${cluster}/metrics/${metric}${query}`);
    // Act only once React has hydrated (components/layout/hydration-marker.tsx).
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.chart).toBeVisible({ timeout: 20_000 });
  }

  /** The drawn per-node lines (Recharts renders each as a `.recharts-line` group). */
  nodeLines(): Locator {
    return this.chart.locator('.recharts-line.series-node');
  }

  nodeLine(node: number): Locator {
    return this.chart.locator(`.recharts-line.series-n${node}`);
  }

  aggregateLine(): Locator {
    return this.chart.locator('.recharts-line.series-aggregate');
  }

  nodeCheckbox(node: number): Locator {
    return this.page.getByRole('checkbox', { name: `n${node}`, exact: true });
  }

  preset(label: string): Locator {
    return this.page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: label, exact: true });
  }

  /** Job event markers: SVG links named "Failed: BACKUP 123… on n2 at …" (components/charts/job-event-markers.tsx). */
  markers(kind?: 'start' | 'success' | 'failure'): Locator {
    return this.chart.locator(kind ? `a.job-event[data-kind="${kind}"]` : 'a.job-event');
  }

  failureMarkers(): Locator {
    return this.chart.getByRole('link', { name: /^Failed/ });
  }

  eventsMode(label: 'all' | 'failures' | 'off'): Locator {
    return this.page.getByRole('group', { name: 'Job events' }).getByRole('button', { name: label, exact: true });
  }

  get eventCard(): Locator {
    return this.chart.getByTestId('job-event-card');
  }

  /** The last link a copy button produced (also on the clipboard when the browser allows it). */
  async copiedHref(): Promise<string> {
    await expect(this.copied).not.toHaveAttribute('data-copied', '');
    return (await this.copied.getAttribute('data-copied')) ?? '';
  }
}
