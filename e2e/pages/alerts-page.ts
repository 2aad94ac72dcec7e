import { expect, type Locator, type Page } from '@playwright/test';

/** The alerts page (`/c/{cluster}/alerts`), the nav badge and the overview's alert strip, located by role, label and test id. */
export class AlertsPage {
  readonly summary: Locator;
  readonly firing: Locator;
  readonly pending: Locator;
  readonly resolved: Locator;
  readonly deliveries: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('alerts-summary');
    this.firing = page.getByRole('list', { name: 'Firing alerts' }).getByRole('article');
    this.pending = page.getByRole('list', { name: 'Pending alerts' }).getByRole('article');
    this.resolved = page.getByRole('list', { name: 'Resolved alerts' }).getByRole('article');
    this.deliveries = page.getByRole('region', { name: 'Notification deliveries' });
    this.error = page.getByTestId('alerts-error');
  }

  async goto(cluster = 'demo', query = '') {
    await this.page.goto(`/c/${cluster}/alerts${query}`);
    // Act only once React has hydrated (components/layout/hydration-marker.tsx).
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expect(this.summary).toBeVisible({ timeout: 20_000 });
  }

  /** A firing alert of `rule`, optionally the one whose summary matches (the card is named by its summary). */
  firingAlert(rule: string, summary?: RegExp): Locator {
    const cards = this.firing.filter({ has: this.page.getByTestId('alert-rule').getByText(rule, { exact: true }) });
    return summary ? cards.filter({ has: this.page.getByRole('heading', { name: summary }) }) : cards;
  }

  links(card: Locator): Locator {
    return card.getByRole('list', { name: /^Links for / }).getByRole('link');
  }

  runbook(card: Locator): Locator {
    return card.getByText('Runbook', { exact: true });
  }

  stateButton(label: 'Firing' | 'Pending' | 'Resolved'): Locator {
    return this.page.getByRole('group', { name: 'Alert states' }).getByRole('button', { name: label, exact: true });
  }

  windowPreset(label: '1 h' | '6 h' | '24 h' | '7 d'): Locator {
    return this.page.getByRole('group', { name: 'Resolved within' }).getByRole('button', { name: label, exact: true });
  }

  /** The "Alerts" link of the cluster nav, and its firing count. */
  navLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Cluster', exact: true }).getByRole('link', { name: /^Alerts/ });
  }

  navBadge(): Locator {
    return this.navLink().getByTestId('nav-alerts-badge');
  }

  /** The overview's strip of firing alerts. */
  strip(): Locator {
    return this.page.getByTestId('alert-strip');
  }
}
