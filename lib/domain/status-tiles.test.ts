import { describe, expect, it } from 'vitest';
import type { CounterWindow, NodeSnapshot } from '../api/types/metrics';
import { nodeColumns } from './node-columns';
import { statusTiles, type TileModel } from './status-tiles';

const NOW = Date.parse('2026-11-25T20:00:00Z');
const HOUR = 3600;

/** Data fixtures: one node as a scrape sees it. */
function up(id: number, metrics: Record<string, number>): NodeSnapshot {
  return { node_id: id, name: `n${id}`, url: `http://n${id}:8080`, up: true, error: null, error_kind: null, latency_ms: 3, bytes: 300_000, metrics, labels: {} };
}
function down(position: number, error = 'connection refused'): NodeSnapshot {
  return { node_id: null, name: `#${position}`, url: `http://n${position}:8080`, up: false, error, error_kind: 'network', latency_ms: 1, bytes: null, metrics: {}, labels: {} };
}
const healthy = {
  schedules_BACKUP_last_completed_time: NOW / 1000 - 42 * 60,
  schedules_BACKUP_failed: 0,
  jobs_backup_resume_retry_error: 0,
  jobs_restore_resume_retry_error: 0,
  jobs_backup_currently_running: 1,
  jobs_backup_currently_paused: 0,
  jobs_restore_currently_running: 0,
  jobs_restore_currently_paused: 0,
  jobs_backup_protected_age_sec: 300,
  jobs_backup_protected_record_count: 1,
  schedules_BACKUP_protected_age_sec: 0,
  schedules_BACKUP_protected_record_count: 0,
  jobs_restore_protected_age_sec: 0,
  jobs_restore_protected_record_count: 0,
};
const tiles = (nodes: NodeSnapshot[], known: Record<string, number> = {}) => Object.fromEntries(statusTiles(nodeColumns(nodes, known), NOW).map((t) => [t.id, t])) as Record<string, TileModel>;

describe('status tiles', () => {
  it('a healthy cluster: everything ok, values with the nodes they come from', () => {
    const t = tiles([up(1, healthy), up(2, { ...healthy, schedules_BACKUP_last_completed_time: 0, jobs_backup_currently_running: 0, jobs_backup_protected_age_sec: 0, jobs_backup_protected_record_count: 0 })]);
    expect(t.nodes).toMatchObject({ tone: 'ok', values: [{ text: '2/2' }], detail: 'every node answered' });
    expect(t['last-backup']).toMatchObject({ tone: 'ok', values: [{ text: '42 min ago' }], detail: 'from n1' });
    expect(t['backup-jobs'].values.map((v) => v.text)).toEqual(['1', '0']);
    expect(t['pts-backup-jobs']).toMatchObject({ tone: 'ok', values: [{ text: '5 min', unit: 'old' }] });
    expect(t['pts-backup-schedules'].values[0].text).toBe('none');
  });

  it.each([
    [30 * 60, 'ok'],
    [2 * HOUR, 'warn'],
    [25 * HOUR, 'critical'],
  ] as const)('an oldest protected timestamp of %i s is %s', (age, tone) => {
    expect(tiles([up(1, { ...healthy, jobs_backup_protected_age_sec: age })])['pts-backup-jobs'].tone).toBe(tone);
  });

  it('every node reading last_completed_time 0 is "unknown" with the caveat, not "56 years ago"', () => {
    const t = tiles([up(1, { ...healthy, schedules_BACKUP_last_completed_time: 0 }), up(2, { ...healthy, schedules_BACKUP_last_completed_time: 0 })]);
    expect(t['last-backup'].values[0].text).toBe('unknown');
    expect(t['last-backup'].detail).toMatch(/updates_cluster_last_backup_time_metric.*restart/);
  });

  it('a backup older than 25 h is amber', () => {
    expect(tiles([up(1, { ...healthy, schedules_BACKUP_last_completed_time: NOW / 1000 - 26 * HOUR })])['last-backup'].tone).toBe('warn');
  });

  it('a blind spot is red, named by its remembered id, and flagged on every tile it may hide values from', () => {
    const t = tiles([up(1, healthy), down(2), up(3, healthy)], { 'http://n2:8080': 2 });
    expect(t.nodes).toMatchObject({ tone: 'critical', values: [{ text: '2/3' }] });
    expect(t.nodes.detail).toBe('n2 blind spot: connection refused');
    expect(t['schedules-failed'].detail).toMatch(/n2 not scraped/);
    // A sum that misses n2 is a lower bound, and says so; zeros are only the scraped nodes'.
    expect(t['backup-jobs'].values[0].text).toBe('≥ 2');
    expect(t['restore-jobs'].detail).toBe('every scraped node reads 0 · n2 not scraped');
  });

  it('a metric no node exports (an older version) is n/a, not 0', () => {
    const { jobs_backup_protected_age_sec: _drop, ...old } = healthy;
    void _drop;
    const t = tiles([up(1, old)]);
    expect(t['pts-backup-jobs']).toMatchObject({ tone: 'unknown', values: [{ text: 'n/a' }] });
    expect(t['pts-backup-jobs'].detail).toMatch(/no node exports it/);
  });

  it('paused jobs and failures turn their tiles amber', () => {
    const t = tiles([up(1, { ...healthy, jobs_backup_currently_paused: 1, schedules_BACKUP_failed: 3, jobs_restore_resume_retry_error: 2 })]);
    expect(t['backup-jobs'].tone).toBe('warn');
    expect(t['schedules-failed']).toMatchObject({ tone: 'warn', values: [{ text: '3' }] });
    expect(t['retry-errors']).toMatchObject({ tone: 'warn', values: [{ text: '2' }], detail: 'since node restarts: backup 0 · restore 2' });
  });
});

describe('status tiles: counters over a window, from history', () => {
  const w = (h1: number | null, d1: number | null, covered_from: string | null = null): CounterWindow[] => [
    { window_s: 3_600, value: h1, covered_from, nodes: [1, 2] },
    { window_s: 86_400, value: d1, covered_from, nodes: [1, 2] },
  ];
  const withWindows = (nodes: NodeSnapshot[], windows: Record<string, CounterWindow[]>) =>
    Object.fromEntries(statusTiles(nodeColumns(nodes, { 'http://n2:8080': 2 }), NOW, windows).map((t) => [t.id, t])) as Record<string, TileModel>;

  it('the headline is the last hour and day; the lifetime total moves to the detail line', () => {
    const t = withWindows([up(1, { ...healthy, schedules_BACKUP_failed: 110 }), up(2, healthy)], { schedules_BACKUP_failed: w(2, 9) });
    expect(t['schedules-failed']).toMatchObject({ tone: 'warn', values: [{ text: '2', unit: 'last 1 h' }, { text: '9', unit: '24 h' }] });
    expect(t['schedules-failed'].detail).toBe('since node restarts 110 · n1 110');
  });

  it('a node down now, or history younger than the window, makes the headline a lower bound', () => {
    const t = withWindows([up(1, { ...healthy, schedules_BACKUP_failed: 101 }), down(2)], { schedules_BACKUP_failed: w(0, 4) });
    expect(t['schedules-failed'].values.map((v) => v.text)).toEqual(['≥ 0', '≥ 4']);
    expect(t['schedules-failed'].detail).toBe('since node restarts ≥ 101 · n1 101 · n2 not scraped');
    const young = withWindows([up(1, healthy), up(2, healthy)], { schedules_BACKUP_failed: w(1, 1, '2026-11-25T19:40:00.000Z') });
    expect(young['schedules-failed'].values.map((v) => v.text)).toEqual(['≥ 1', '≥ 1']);
    expect(young['schedules-failed'].detail).toMatch(/history since 19:40 UTC$/);
  });

  it('retries add backup and restore per window; no history keeps the totals', () => {
    const t = withWindows([up(1, healthy), up(2, healthy)], { jobs_backup_resume_retry_error: w(1, 3), jobs_restore_resume_retry_error: w(0, 2) });
    expect(t['retry-errors'].values.map((v) => v.text)).toEqual(['1', '5']);
    const none = withWindows([up(1, { ...healthy, schedules_BACKUP_failed: 5 })], { schedules_BACKUP_failed: w(null, null) });
    expect(none['schedules-failed']).toMatchObject({ values: [{ text: '5' }], detail: 'since node restarts (no history yet) · n1 5' });
  });
});
