/**
 * What the status tiles say, computed from one snapshot: pure, no React. Every tile names the
 * node(s) its value comes from, and says so when a blind spot (a node not scraped) may hide part
 * of it: an unreachable node's counters are missing, never 0.
 */
import { catalogByExported } from '../catalog';
import { formatDuration, formatSince } from '../format/duration';
import { formatCount, formatFraction } from '../format/number';
import { labelList, type NodeColumn } from './node-columns';
import type { CounterWindow } from '../api/types/metrics';

export type Tone = 'ok' | 'neutral' | 'warn' | 'critical' | 'unknown';

export interface TileValue {
  text: string;
  /** Small word after the number: "running", "paused". */
  unit?: string;
  tone?: Tone;
}

export interface TileModel {
  id: string;
  label: string;
  values: TileValue[];
  /** One line under the value: where it comes from. */
  detail: string;
  tone: Tone;
  /** The hover text: what it means, thresholds, caveats. */
  explain: string;
}

const HOUR = 3_600;
const DAY = 86_400;
// A daily full backup plus an hour of slack: older than this, no scheduled backup finished in a day.
const LAST_BACKUP_WARN_S = 25 * HOUR;

interface Reading {
  /** Aggregate over the nodes that answered and export it; undefined when none does. */
  value: number | undefined;
  /** Nodes whose value is not 0 (sum), or the node holding the max. */
  from: NodeColumn[];
  /** Per-node values of the nodes in `from`. */
  byNode: { col: NodeColumn; value: number }[];
}

function read(cols: NodeColumn[], metric: string, how: 'sum' | 'max'): Reading {
  const present = cols.filter((c) => c.node.up && c.node.metrics[metric] !== undefined).map((col) => ({ col, value: col.node.metrics[metric] }));
  if (present.length === 0) return { value: undefined, from: [], byNode: [] };
  if (how === 'max') {
    const top = present.reduce((a, b) => (b.value > a.value ? b : a));
    return top.value === 0 ? { value: 0, from: [], byNode: [] } : { value: top.value, from: [top.col], byNode: [top] };
  }
  const nonZero = present.filter((p) => p.value !== 0);
  return { value: present.reduce((s, p) => s + p.value, 0), from: nonZero.map((p) => p.col), byNode: nonZero };
}

function blindNote(cols: NodeColumn[]): string {
  const down = cols.filter((c) => !c.node.up);
  return down.length === 0 ? '' : ` · ${labelList(down)} not scraped`;
}

/** "every node reads 0", unless a node was not scraped: then only the scraped ones are known to. */
function allZero(cols: NodeColumn[]): string {
  return cols.some((c) => !c.node.up) ? 'every scraped node reads 0' : 'every node reads 0';
}

function breakdown(r: Reading, cols: NodeColumn[]): string {
  if (r.value === undefined) return `no node exports it${blindNote(cols)}`;
  const parts = r.byNode.length === 0 ? allZero(cols) : r.byNode.map((b) => `${b.col.label} ${formatCount(b.value)}`).join(' · ');
  return parts + blindNote(cols);
}

function fromNote(r: Reading, cols: NodeColumn[]): string {
  if (r.value === undefined) return `no node exports it${blindNote(cols)}`;
  return (r.from.length === 0 ? allZero(cols) : `from ${labelList(r.from)}`) + blindNote(cols);
}

/** A sum that misses a node is a lower bound, and says so: "≥ 101". */
function sumText(value: number | undefined, cols: NodeColumn[]): string {
  if (value === undefined) return 'n/a';
  return cols.some((c) => !c.node.up) ? `≥ ${formatCount(value)}` : formatCount(value);
}

const WINDOW_LABEL: Record<number, string> = { 3_600: 'last 1 h', 86_400: '24 h' };

/**
 * A counter's growth per window, from history: the headline. Partial (a node down now, or history
 * younger than the window) reads as "≥ n". Undefined when history has none of it.
 */
function windowValues(windows: CounterWindow[] | undefined, cols: NodeColumn[]): TileValue[] | undefined {
  if (!windows || windows.every((w) => w.value === null)) return undefined;
  const down = cols.some((c) => !c.node.up);
  return windows.map((w) => ({
    text: w.value === null ? 'n/a' : `${down || w.covered_from ? '≥ ' : ''}${formatCount(w.value)}`,
    unit: WINDOW_LABEL[w.window_s] ?? formatDuration(w.window_s),
    tone: (w.value ?? 0) > 0 ? 'warn' : undefined,
  }));
}

function coverageNote(windows: CounterWindow[] | undefined): string {
  const from = windows?.map((w) => w.covered_from).find((c) => c !== null);
  return from ? ` · history since ${from.slice(11, 16)} UTC` : '';
}

function caveats(metric: string): string {
  const e = catalogByExported(metric);
  return e ? `\n\n${metric}: ${e.description}\n${e.caveats.map((c) => `• ${c}`).join('\n')}` : '';
}


function nodesTile(cols: NodeColumn[]): TileModel {
  const down = cols.filter((c) => !c.node.up);
  const up = cols.length - down.length;
  return {
    id: 'nodes',
    label: 'Nodes scraped',
    values: [{ text: formatFraction(up, cols.length) }],
    tone: down.length > 0 || cols.length === 0 ? 'critical' : 'ok',
    detail: cols.length === 0 ? 'no node is configured' : down.length === 0 ? 'every node answered' : down.map((c) => `${c.label} blind spot: ${c.node.error ?? 'down'}`).join(' · '),
    explain:
      'Nodes whose /_status/vars answered in the last scrape. A node that cannot be scraped is a blind spot: its counters and gauges are missing from every cluster value (never counted as 0). Red when any node is a blind spot.',
  };
}

function lastBackupTile(cols: NodeColumn[], now: number): TileModel {
  const m = 'schedules_BACKUP_last_completed_time';
  const r = read(cols, m, 'max');
  const base = {
    id: 'last-backup',
    label: 'Last scheduled backup',
    explain: `Completion time of the most recent scheduled backup: the max of ${m} over the nodes. Amber when older than 25 h (no scheduled backup finished in a day) or unknown; compare with the schedules' own cadence.${caveats(m)}`,
  };
  if (r.value === undefined) return { ...base, values: [{ text: 'n/a' }], tone: 'unknown', detail: fromNote(r, cols) };
  if (r.value === 0)
    return {
      ...base,
      values: [{ text: 'unknown' }],
      tone: 'warn',
      detail: `every node reads 0: needs a schedule with updates_cluster_last_backup_time_metric; 0 after a node restart${blindNote(cols)}`,
    };
  const age = now / 1000 - r.value;
  return { ...base, values: [{ text: formatSince(r.value, now) }], tone: age > LAST_BACKUP_WARN_S ? 'warn' : 'ok', detail: fromNote(r, cols) };
}

function failedTile(cols: NodeColumn[], windows?: CounterWindow[]): TileModel {
  const m = 'schedules_BACKUP_failed';
  const r = read(cols, m, 'sum');
  const recent = windowValues(windows, cols);
  const explain = `Scheduled backup jobs that failed, summed over the nodes: how many in the last hour and day (from history, reset-aware like PromQL's increase()), and below the counters' totals since each node last restarted. A stuck job does not increment it. "≥" when a node is not scraped (its share is unknown). Amber when > 0.${caveats(m)}`;
  if (recent) {
    const anyRecent = recent.some((v) => v.tone === 'warn');
    return { id: 'schedules-failed', label: 'Backup schedules failed', values: recent, tone: anyRecent ? 'warn' : 'ok', detail: `since node restarts ${sumText(r.value, cols)} · ${breakdown(r, cols)}${coverageNote(windows)}`, explain };
  }
  return {
    id: 'schedules-failed',
    label: 'Backup schedules failed',
    values: [{ text: sumText(r.value, cols) }],
    tone: r.value === undefined ? 'unknown' : r.value > 0 ? 'warn' : 'ok',
    detail: `since node restarts (no history yet) · ${breakdown(r, cols)}`,
    explain,
  };
}

/** Two counters' windows added window by window (backup + restore retries). */
function addWindows(a: CounterWindow[] | undefined, b: CounterWindow[] | undefined): CounterWindow[] | undefined {
  if (!a || !b) return a ?? b;
  return a.map((w, i) => {
    const o = b[i];
    const value = w.value === null && o?.value == null ? null : (w.value ?? 0) + (o?.value ?? 0);
    return { window_s: w.window_s, value, covered_from: w.covered_from ?? o?.covered_from ?? null, nodes: [...new Set([...w.nodes, ...(o?.nodes ?? [])])] };
  });
}

function retryTile(cols: NodeColumn[], windows?: Record<string, CounterWindow[]>): TileModel {
  const b = read(cols, 'jobs_backup_resume_retry_error', 'sum');
  const r = read(cols, 'jobs_restore_resume_retry_error', 'sum');
  const total = b.value === undefined && r.value === undefined ? undefined : (b.value ?? 0) + (r.value ?? 0);
  const both = addWindows(windows?.jobs_backup_resume_retry_error, windows?.jobs_restore_resume_retry_error);
  const recent = windowValues(both, cols);
  const since = `since node restarts: backup ${sumText(b.value, cols)} · restore ${sumText(r.value, cols)}${blindNote(cols)}`;
  return {
    id: 'retry-errors',
    label: 'Retry errors',
    values: recent ?? [{ text: sumText(total, cols) }],
    tone: recent ? (recent.some((v) => v.tone === 'warn') ? 'warn' : 'ok') : total === undefined ? 'unknown' : total > 0 ? 'warn' : 'ok',
    detail: recent ? `${since}${coverageNote(both)}` : since,
    explain:
      'Backup and restore jobs that hit a retryable error (jobs_backup_resume_retry_error + jobs_restore_resume_retry_error), summed over the nodes: in the last hour and day from history, and since the nodes restarted below. A growing count means a job keeps retrying: look for a stuck job. Amber when > 0.' +
      caveats('jobs_backup_resume_retry_error'),
  };
}

function jobsTile(cols: NodeColumn[], kind: 'backup' | 'restore'): TileModel {
  const running = read(cols, `jobs_${kind}_currently_running`, 'sum');
  const paused = read(cols, `jobs_${kind}_currently_paused`, 'sum');
  const from = [...new Set([...running.from, ...paused.from])];
  return {
    id: `${kind}-jobs`,
    label: kind === 'backup' ? 'Backup jobs' : 'Restore jobs',
    values: [
      { text: sumText(running.value, cols), unit: 'running' },
      { text: sumText(paused.value, cols), unit: 'paused', tone: (paused.value ?? 0) > 0 ? 'warn' : undefined },
    ],
    tone: (paused.value ?? 0) > 0 ? 'warn' : 'neutral',
    detail: (from.length === 0 ? allZero(cols) : `from ${labelList(from)}`) + blindNote(cols),
    explain: `${kind === 'backup' ? 'Backup' : 'Restore'} jobs running now (each node counts the jobs it coordinates) and paused (counted by the one node running the job-stats poller). A paused job keeps its protected timestamp: amber when any is paused.${caveats(`jobs_${kind}_currently_paused`)}`,
  };
}

function ptsTile(cols: NodeColumn[], id: string, holder: string, ageMetric: string, countMetric: string): TileModel {
  const age = read(cols, ageMetric, 'max');
  const count = read(cols, countMetric, 'sum');
  const records = count.value === undefined ? '' : `${formatCount(count.value)} record${count.value === 1 ? '' : 's'} · `;
  const tone: Tone = age.value === undefined ? 'unknown' : age.value > DAY ? 'critical' : age.value > HOUR ? 'warn' : 'ok';
  return {
    id,
    label: `Oldest PTS · ${holder}`,
    values: [{ text: age.value === undefined ? 'n/a' : age.value === 0 ? 'none' : formatDuration(age.value), unit: age.value ? 'old' : undefined }],
    tone,
    detail: records + fromNote(age, cols),
    explain: `Age of the oldest protected timestamp record held by ${holder} (max of ${ageMetric}). While it is held, garbage collection cannot remove older row versions. Amber above 1 h, red above 24 h.${caveats(ageMetric)}`,
  };
}

/** `windows`: the counters' increase per window from history (the snapshot's), when there is any. */
export function statusTiles(cols: NodeColumn[], now: number, windows?: Record<string, CounterWindow[]>): TileModel[] {
  return [
    nodesTile(cols),
    lastBackupTile(cols, now),
    failedTile(cols, windows?.schedules_BACKUP_failed),
    retryTile(cols, windows),
    jobsTile(cols, 'backup'),
    jobsTile(cols, 'restore'),
    ptsTile(cols, 'pts-backup-jobs', 'backup jobs', 'jobs_backup_protected_age_sec', 'jobs_backup_protected_record_count'),
    ptsTile(cols, 'pts-backup-schedules', 'backup schedules', 'schedules_BACKUP_protected_age_sec', 'schedules_BACKUP_protected_record_count'),
    ptsTile(cols, 'pts-restore-jobs', 'restore jobs', 'jobs_restore_protected_age_sec', 'jobs_restore_protected_record_count'),
  ];
}
