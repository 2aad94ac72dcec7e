import { describe, expect, it } from 'vitest';
import { switchClusterHref } from './cluster-switch';

describe('switchClusterHref', () => {
  it.each([
    ['/c/prod-eu', '', '/c/staging'],
    ['/c/prod-eu/jobs', 'status=failed&from=now-7d', '/c/staging/jobs?status=failed&from=now-7d'],
    ['/c/prod-eu/jobs', 'status=failed&cursor=abc', '/c/staging/jobs?status=failed'],
    ['/c/prod-eu/jobs/1089234751234567890', 'refresh=30s', '/c/staging/jobs?refresh=30s'],
    ['/c/prod-eu/schedules/982347', '', '/c/staging/schedules'],
    ['/c/prod-eu/metrics/jobs_backup_currently_running', 'from=now-6h&nodes=1,3', '/c/staging/metrics/jobs_backup_currently_running?from=now-6h&nodes=1%2C3'],
    ['/c/prod-eu/backups', 'collection=s3%3A%2F%2Fb&backup=%2F2026', '/c/staging/backups'],
    ['/c/prod-eu/alerts/', 'kiosk=1', '/c/staging/alerts?kiosk=1'],
    ['/c/prod-eu/protected-timestamps', 'holder=orphaned', '/c/staging/protected-timestamps?holder=orphaned'],
  ])('%s?%s → %s', (path, search, href) => {
    expect(switchClusterHref(path, search, 'staging')).toBe(href);
  });
});
