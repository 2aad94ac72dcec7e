import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { parseJobsQuery } from '../jobs/filter';
import { DRILL, drillHref, jobEventsScope, NO_DRILL, tileDrillHref } from './drill';

const query = (href: string) => new URL(href, 'http://x').searchParams;

describe('metric → jobs drill', () => {
  it.each([
    // metric, node, expected filter
    ['jobs_backup_resume_failed', 2, { types: ['BACKUP'], statuses: ['failed'], node: 2, from: { kind: 'relative', agoS: 14 * 86_400 } }],
    ['jobs_backup_currently_paused', 2, { types: ['BACKUP'], statuses: ['paused', 'pause-requested'], node: undefined, from: { agoS: 86_400 } }],
    ['jobs_restore_currently_running', 1, { types: ['RESTORE'], statuses: ['running', 'retry-running', 'reverting', 'retry-reverting', 'pause-requested', 'cancel-requested'], node: 1 }],
    ['jobs_backup_resume_retry_error', 3, { types: ['BACKUP'], statuses: [], retried: true, node: 3 }],
    ['jobs_backup_protected_age_sec', undefined, { types: ['BACKUP'], sort: 'created', node: undefined }],
    ['jobs_restore_fail_or_cancel_failed', 1, { types: ['RESTORE'], statuses: ['revert-failed'], node: 1 }],
    ['schedules_BACKUP_failed', 2, { types: ['BACKUP'], statuses: ['failed'], scheduled: true, node: undefined }],
    ['schedules_BACKUP_last_completed_time', undefined, { statuses: ['succeeded'], scheduled: true, sort: '-finished' }],
    ['schedules_round_jobs_started', undefined, { types: [], scheduled: true }],
  ] as const)('%s (node %s)', (metric, node, expected) => {
    const href = drillHref('demo', metric, { node });
    expect(href).toMatch(/^\/c\/demo\/jobs/);
    const r = parseJobsQuery(query(href as string));
    expect(r.success).toBe(true);
    expect(r.success && r.data).toMatchObject(expected);
  });

  it('puts a point in time at ± the window (the issue example: node 2 at 14:05 → 13:55–14:15)', () => {
    const href = drillHref('demo', 'jobs_backup_resume_failed', { node: 2, at: Date.parse('2026-11-25T14:05:00Z') }) as string;
    expect(href).toBe('/c/demo/jobs?type=BACKUP&status=failed&node=2&from=2026-11-25T13%3A55%3A00Z&to=2026-11-25T14%3A15%3A00Z');
    const wide = query(drillHref('demo', 'jobs_backup_resume_failed', { at: Date.parse('2026-11-25T14:05:00Z'), windowMin: 60 }) as string);
    expect([wide.get('from'), wide.get('to')]).toEqual(['2026-11-25T13:05:00Z', '2026-11-25T15:05:00Z']);
  });

  it('every rule parses, and only the schedule-level error gauges have no drill', () => {
    for (const metric of Object.keys(DRILL)) expect(parseJobsQuery(query(drillHref('c', metric, { node: 1, at: Date.now() }) as string)).success).toBe(true);
    expect(NO_DRILL.sort()).toEqual(['schedules_error', 'schedules_malformed']);
    expect(drillHref('demo', 'schedules_error')).toBeNull();
    expect(Object.keys(DRILL).every((m) => CATALOG.some((c) => c.exported === m))).toBe(true);
  });
});

describe('status tile → jobs', () => {
  it.each([
    ['nodes', null],
    ['last-backup', '/c/demo/jobs?status=succeeded&scheduled=1&sort=-finished&type=BACKUP'],
    ['retry-errors', '/c/demo/jobs?retried=1&from=now-14d'],
    ['backup-jobs', '/c/demo/jobs?type=BACKUP&status=running%2Cretry-running%2Cpaused%2Cpause-requested%2Creverting%2Cretry-reverting%2Ccancel-requested'],
    ['pts-backup-schedules', '/c/demo/protected-timestamps?holder=schedules'],
    ['pts-restore-jobs', '/c/demo/protected-timestamps?holder=restore-jobs'],
  ])('%s → %s', (tile, href) => {
    const got = tileDrillHref('demo', tile);
    if (href === null) return expect(got).toBeNull();
    expect(Object.fromEntries(query(got as string))).toEqual(Object.fromEntries(query(href)));
    if (got?.includes('/jobs')) expect(parseJobsQuery(query(got)).success).toBe(true);
    else expect(new URL(got as string, 'http://x').pathname).toBe(new URL(href, 'http://x').pathname);
  });
});

describe('metric → job events on its chart', () => {
  it.each([
    ['jobs_backup_resume_failed', { type: ['BACKUP'], scheduled: false, perNode: true }],
    ['jobs_restore_currently_running', { type: ['RESTORE'], scheduled: false, perNode: true }],
    ['jobs_backup_protected_age_sec', { type: ['BACKUP'], scheduled: false, perNode: false }],
    ['schedules_BACKUP_failed', { type: ['BACKUP'], scheduled: true, perNode: false }],
    ['schedules_round_jobs_started', { type: [], scheduled: true, perNode: false }],
    ['schedules_error', null],
    ['no_such_metric', null],
  ])('%s', (metric, want) => {
    expect(jobEventsScope(metric)).toEqual(want);
  });
});
