import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_EXPORTED_NAMES, catalogByExported, isCatalogMetric, METRIC_GROUPS, type CatalogEntry, type ExportedMetric } from './catalog';
import { exportedName } from './prometheus/names';

const entries: readonly CatalogEntry[] = CATALOG;

/** The seed page's table, spelled as the page spells it (seed-backup-restore-monitoring.md). */
const SEED_TABLE = [
  'schedules.BACKUP.failed',
  'schedules.BACKUP.last-completed-time',
  'schedules.BACKUP.protected_age_sec',
  'schedules.BACKUP.protected_record_count',
  'schedules.BACKUP.started',
  'schedules.BACKUP.succeeded',
  'schedules.round.reschedule_skip',
  'schedules.round.reschedule_wait',
  'jobs.backup.currently_paused',
  'jobs.backup.currently_running',
  'jobs.backup.fail_or_cancel_retry_error',
  'jobs.backup.fail_or_cancel_completed',
  'jobs.backup.fail_or_cancel_failed',
  'jobs.backup.protected_age_sec',
  'jobs.backup.protected_record_count',
  'jobs.backup.resume_failed',
  'jobs.backup.resume_retry_error',
  'jobs.restore.currently_paused',
  'jobs.restore.currently_running',
  'jobs.restore.fail_or_cancel_failed',
  'jobs.restore.fail_or_cancel_retry_error',
  'jobs.restore.protected_age_sec',
  'jobs.restore.protected_record_count',
  'jobs.restore.resume_completed',
  'jobs.restore.resume_failed',
  'jobs.restore.resume_retry_error',
] as const;

/** Added beyond the seed table by the brief. */
const EXTRA = [
  'jobs.backup.resume_completed',
  'jobs.restore.fail_or_cancel_completed',
  'jobs.backup.currently_idle',
  'jobs.restore.currently_idle',
  'jobs.backup.expired_pts_records',
  'jobs.restore.expired_pts_records',
  'schedules.round.jobs-started',
  'schedules.error',
  'schedules.malformed',
] as const;

/** `_status/vars` name → TYPE, from reference cockroachdb.md a.2 (the table and "Related scheduler metrics"). */
const REFERENCE_TYPES: Record<string, 'counter' | 'gauge'> = {
  schedules_BACKUP_failed: 'counter',
  schedules_BACKUP_last_completed_time: 'gauge',
  schedules_BACKUP_protected_age_sec: 'gauge',
  schedules_BACKUP_protected_record_count: 'gauge',
  schedules_BACKUP_started: 'counter',
  schedules_BACKUP_succeeded: 'counter',
  schedules_round_reschedule_skip: 'gauge',
  schedules_round_reschedule_wait: 'gauge',
  schedules_round_jobs_started: 'gauge',
  schedules_error: 'gauge',
  schedules_malformed: 'gauge',
  ...Object.fromEntries(
    ['backup', 'restore'].flatMap((t) =>
      Object.entries({
        currently_paused: 'gauge',
        currently_running: 'gauge',
        currently_idle: 'gauge',
        fail_or_cancel_retry_error: 'counter',
        fail_or_cancel_completed: 'counter',
        fail_or_cancel_failed: 'counter',
        protected_age_sec: 'gauge',
        protected_record_count: 'gauge',
        resume_completed: 'counter',
        resume_failed: 'counter',
        resume_retry_error: 'counter',
        expired_pts_records: 'counter',
      }).map(([k, v]) => [`jobs_${t}_${k}`, v]),
    ),
  ),
};

const matches = (spelling: string) => entries.filter((e) => e.name === spelling || e.aliases?.includes(spelling));

describe('catalog coverage', () => {
  it.each(SEED_TABLE)('seed metric %s is in the catalog exactly once, marked seed', (seedName) => {
    const found = matches(seedName);
    expect(found).toHaveLength(1);
    expect(found[0].seed).toBe(true);
  });

  it.each(EXTRA)('extra metric %s is in the catalog exactly once', (name) => {
    expect(matches(name)).toHaveLength(1);
  });

  it('holds nothing else, and no name twice', () => {
    expect(entries).toHaveLength(SEED_TABLE.length + EXTRA.length);
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    expect(CATALOG_EXPORTED_NAMES.size).toBe(entries.length);
    expect(entries.filter((e) => e.seed)).toHaveLength(SEED_TABLE.length);
  });
});

describe.each(entries.map((e) => [e.exported, e] as const))('%s', (_, e) => {
  it('exported name is the CRDB conversion of the internal name (and of every alias)', () => {
    expect(e.exported).toBe(exportedName(e.name));
    for (const a of e.aliases ?? []) expect(exportedName(a)).toBe(e.exported);
  });

  it("TYPE matches the reference's TYPE column", () => {
    expect(e.promType).toBe(REFERENCE_TYPES[e.exported]);
    expect(e.kind === 'counter').toBe(e.promType === 'counter');
  });

  it('aggregates ages and timestamps with max, everything else with sum', () => {
    expect(e.aggregate).toBe(e.kind === 'age' || e.kind === 'timestamp' ? 'max' : 'sum');
  });

  it('has a unit that fits its kind', () => {
    const unit = { counter: 'count', gauge: 'count', age: 'seconds', timestamp: 'unix_seconds' }[e.kind];
    expect(e.unit).toBe(unit);
  });

  it('has a group matching its name, a description, HELP and a version', () => {
    const group = e.name.startsWith('schedules.BACKUP.')
      ? 'backup_schedules'
      : e.name.startsWith('schedules.')
        ? 'scheduler_rounds'
        : e.name.startsWith('jobs.backup.')
          ? 'backup_jobs'
          : 'restore_jobs';
    expect(METRIC_GROUPS).toContain(e.group);
    expect(e.group).toBe(group);
    expect(e.description.length).toBeGreaterThan(10);
    expect(e.help.length).toBeGreaterThan(10);
    expect(e.since).toMatch(/^v\d+\.\d+$/);
  });
});

describe('caveats and hints the dashboard relies on', () => {
  const caveatsOf = (n: string) => catalogByExported(n)?.caveats.join(' ') ?? '';

  it.each([
    ['schedules_BACKUP_failed', /stuck scheduled job does not increment/],
    ['schedules_BACKUP_last_completed_time', /updates_cluster_last_backup_time_metric/],
    ['schedules_BACKUP_last_completed_time', /Reads 0 on a node after it restarts/],
    ['schedules_BACKUP_last_completed_time', /cluster-wide opt-in gauge/],
    ['jobs_backup_fail_or_cancel_failed', /v25\.4/],
    ['jobs_restore_fail_or_cancel_failed', /v25\.4/],
    ['schedules_round_reschedule_skip', /reset every scheduler round/],
    ['schedules_round_reschedule_wait', /reset every scheduler round/],
    ['jobs_backup_currently_paused', /job-stats poller/],
    ['jobs_restore_protected_age_sec', /job-stats poller/],
    ['schedules_BACKUP_protected_record_count', /job-stats poller/],
    ['jobs_backup_resume_retry_error', /node that coordinated/],
  ])('%s: %s', (name, re) => {
    expect(caveatsOf(name)).toMatch(re);
  });

  it('hints reschedule > 0 and a stale last-completed-time', () => {
    expect(catalogByExported('schedules_round_reschedule_skip')?.threshold).toMatchObject({ when: 'above', value: 0 });
    expect(catalogByExported('schedules_round_reschedule_wait')?.threshold).toMatchObject({ when: 'above', value: 0 });
    expect(catalogByExported('schedules_BACKUP_last_completed_time')?.threshold).toMatchObject({ when: 'stale' });
  });

  it('marks fail_or_cancel_failed as removed in v25.4 and nothing else', () => {
    expect(entries.filter((e) => e.removedIn).map((e) => e.exported).sort()).toEqual([
      'jobs_backup_fail_or_cancel_failed',
      'jobs_restore_fail_or_cancel_failed',
    ]);
  });
});

describe('derived types', () => {
  it('ExportedMetric is the union of the table\'s exported names (checked by tsc)', () => {
    const ok: ExportedMetric = 'schedules_BACKUP_last_completed_time';
    // @ts-expect-error not a catalog metric
    const bad: ExportedMetric = 'schedules_backup_last_completed_time';
    expect([ok, bad].every((n) => typeof n === 'string')).toBe(true);
  });
});

describe('lookups', () => {
  it.each([
    ['schedules_BACKUP_last_completed_time', 'schedules.BACKUP.last-completed-time'],
    ['schedules.BACKUP.last-completed-time', 'schedules.BACKUP.last-completed-time'], // internal name
    ['schedules.round.reschedule_skip', 'schedules.round.reschedule-skip'], // the seed's spelling
    ['jobs_restore_resume_retry_error', 'jobs.restore.resume_retry_error'],
  ])('catalogByExported(%j) → %s', (input, name) => {
    expect(catalogByExported(input)?.name).toBe(name);
  });

  it.each(['sys_cgocalls', 'schedules_backup_failed', '', 'jobs_backup'])('%j is not a catalog metric', (n) => {
    expect(catalogByExported(n)).toBeUndefined();
    expect(isCatalogMetric(n)).toBe(false);
  });
});

// Cross-checks against the shared reference copies when this checkout has them.
const REF = '/work/shared/reference';
describe.skipIf(!existsSync(REF))('agrees with the reference files', () => {
  it('HELP, exported name and TYPE match the docs metrics.yaml extract (newest version listing each)', () => {
    const csv = readFileSync(`${REF}/crdb-docs/metrics-catalog/backup-restore-metrics-from-metrics.yaml-v25.3-v26.3.csv`, 'utf8');
    const rows = new Map<string, { exported: string; type: string; description: string }>();
    for (const line of csv.split(/\r?\n/).slice(1)) {
      // docs_version,layer,category,name,exported_name,labeled_name,type,unit,description (labeled_name may be quoted)
      const m = /^[^,]*,[^,]*,[^,]*,([^,]*),([^,]*),(?:"[^"]*"|[^,]*),([^,]*),[^,]*,(.*)$/.exec(line);
      if (m) rows.set(m[1], { exported: m[2], type: m[3].toLowerCase(), description: m[4] });
    }
    for (const e of entries) {
      const row = rows.get(e.name);
      expect(row, e.name).toBeDefined();
      expect(row).toEqual({ exported: e.exported, type: e.promType, description: e.help });
    }
  });

  it("descriptions of seed metrics are the seed page's wording", () => {
    const page = readFileSync(`${REF}/seed-backup-restore-monitoring.md`, 'utf8');
    for (const line of page.split('\n')) {
      const m = /^`([^`]+)` \| (.*)$/.exec(line);
      if (!m) continue;
      const plain = m[2]
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/\*\*Note:\*\* /g, '')
        .replace(/`/g, '');
      expect(matches(m[1])[0]?.description, m[1]).toBe(plain);
    }
  });
});
