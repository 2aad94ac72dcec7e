import { expect, type Locator, type Page } from '@playwright/test';

/** The schedules page (`/c/{cluster}/schedules`) and a schedule's page, located by role, label and test id. */
export class SchedulesPage {
  readonly groups: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.groups = page.getByRole('list', { name: 'Backups, problems first' }).getByRole('article');
    this.summary = page.getByTestId('schedules-summary');
  }

  /** Opens the page and waits for hydration only (the schedules may not come: SQL down). */
  async open(cluster = 'demo', query = '') {
    await this.page.goto(`/c/${cluster}/schedules${query}`);
    // Act only once React has hydrated (components/layout/hydration-marker.tsx).
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.page.getByRole('heading', { level: 1, name: 'Backup schedules' })).toBeVisible();
  }

  async goto(cluster = 'demo', query = '') {
    await this.open(cluster, query);
    await expect(this.groups.first()).toBeVisible();
  }

  /** A group's name is its label (the article is labelled by its heading). */
  group(label: string): Locator {
    return this.page.getByRole('article', { name: label, exact: true });
  }

  /** The group's own badge (the first): each schedule of the pair has its own after it. */
  groupFreshness(group: Locator): Locator {
    return group.getByTestId('freshness').first();
  }

  runLinks(group: Locator): Locator {
    return group.getByRole('list', { name: /^Recent runs of / }).getByRole('link');
  }

  detailLink(group: Locator): Locator {
    return group.getByRole('link', { name: 'Schedule details' });
  }

  nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Cluster', exact: true });
  }
}
