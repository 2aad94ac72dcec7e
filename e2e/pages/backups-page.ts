import { expect, type Locator, type Page } from '@playwright/test';

/** The backup inventory (`/c/{cluster}/backups`), located by role, label and test id. */
export class BackupsPage {
  readonly objects: Locator;
  readonly objectRows: Locator;
  readonly validation: Locator;

  constructor(readonly page: Page) {
    this.objects = page.getByTestId('backup-objects');
    this.objectRows = page.getByTestId('backup-object');
    this.validation = page.getByTestId('validation');
  }

  async goto(cluster = 'demo', query = '') {
    await this.page.goto(`/c/${cluster}/backups${query}`);
    await this.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(this.page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
    // A cold first visit reads every collection from storage (and some chains for the size trend):
    // seconds on a busy machine, with the loading state shown meanwhile.
    await expect(this.page.getByTestId('collection').first()).toBeVisible({ timeout: 20_000 });
  }

  collection(uri: string): Locator {
    return this.page.getByRole('region', { name: `Collection ${uri}`, exact: true });
  }

  /** SHOW BACKUPS IN's entries of one collection, newest first. */
  backups(uri: string): Locator {
    return this.collection(uri).getByRole('list', { name: `Backups in ${uri}, newest first` }).getByRole('link');
  }

  /** When SHOW BACKUPS IN ran for a collection ("listed 12 s ago"). */
  listedAt(uri: string): Locator {
    return this.collection(uri).getByTestId('listed-at');
  }

  relist(): Locator {
    return this.page.getByRole('button', { name: /^Re-list/ });
  }

  refreshPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Auto-refresh' });
  }

  validate(): Locator {
    return this.page.getByRole('button', { name: /^Validat/ });
  }
}
