/**
 * The realistic non-backup body of a node's `/_status/vars`: ~700 real CockroachDB families
 * (v19.2.2 capture + modern 23.x families + per-job-type and per-schedule-executor families),
 * each with a deterministic value model (value-model.ts). Payloads are ~200 KB like a real node's.
 */
import { exportedName } from '../../prometheus/names';
import { hasFailOrCancelFailed, VERSION_STRINGS, type CrdbVersion } from '../types';
import { BACKUP_FAMILY_NAMES, type MetricType } from './backup-families';
import { MODERN_FAMILIES, OTHER_JOB_TYPES, OTHER_SCHEDULE_EXECUTORS } from './filler-data-modern';
import { V19_FAMILIES } from './filler-data-v19';
import type { FillerRow } from './filler-types';
import { BUCKET_LAYOUTS, type BucketLayout } from './histogram-buckets';
import { logUniform, makeCurve, makeHist, rngFor, type HistSpec, type ValueSpec } from './value-model';

export interface FillerFamily {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  /** n → node registry labels `{node_id}`; s → store registry `{store,node_id}`. */
  readonly scope: 'n' | 's';
  /** The metric's own labels, printed after the registry labels (CRDB ScrapeRegistry order). */
  readonly labels: readonly (readonly [string, string])[];
  readonly value?: ValueSpec;
  readonly hist?: { readonly layout: BucketLayout; readonly spec: HistSpec };
}

/**
 * Per-job-type families, CRDB pkg/jobs/metrics.go `makeMetaCurrentlyRunning(typeStr)` etc.
 * HELP derived from that source pattern with `%s` = the type string; the same templates yield the
 * exact catalog strings for backup/restore (checked by a test), and match the real 23.x lines for
 * other types (DataDog jobs_metrics.txt, e.g. "Number of changefeed jobs currently considered Paused").
 */
export const JOB_FAMILY_TEMPLATES = [
  { suffix: 'currently_running', type: 'gauge', help: 'Number of %s jobs currently running in Resume or OnFailOrCancel state' },
  { suffix: 'currently_paused', type: 'gauge', help: 'Number of %s jobs currently considered Paused' },
  { suffix: 'currently_idle', type: 'gauge', help: 'Number of %s jobs currently considered Idle and can be freely shut down' },
  { suffix: 'resume_completed', type: 'counter', help: 'Number of %s jobs which successfully resumed to completion' },
  { suffix: 'resume_failed', type: 'counter', help: 'Number of %s jobs which failed with a non-retriable error' },
  { suffix: 'resume_retry_error', type: 'counter', help: 'Number of %s jobs which failed with a retriable error' },
  {
    suffix: 'fail_or_cancel_completed',
    type: 'counter',
    help: 'Number of %s jobs which successfully completed their failure or cancelation process',
  },
  {
    suffix: 'fail_or_cancel_failed',
    type: 'counter',
    help: 'Number of %s jobs which failed with a non-retriable error on their failure or cancelation process',
  },
  {
    suffix: 'fail_or_cancel_retry_error',
    type: 'counter',
    help: 'Number of %s jobs which failed with a retriable error on their failure or cancelation process',
  },
  { suffix: 'protected_age_sec', type: 'gauge', help: 'The age of the oldest PTS record protected by %s jobs' },
  { suffix: 'protected_record_count', type: 'gauge', help: 'Number of protected timestamp records held by %s jobs' },
  { suffix: 'expired_pts_records', type: 'counter', help: 'Number of expired protected timestamp records owned by %s jobs' },
] as const;

/** Automatic jobs that run continuously and report themselves idle (DataDog jobs_metrics.txt: idle 1). */
export const IDLE_CAPABLE: ReadonlySet<string> = new Set<string>(['poll_jobs_stats', 'auto_config_runner']);
/** Job types that complete regularly on a healthy cluster, so their resume_completed grows. */
const PERIODIC = new Set<string>([
  'auto_create_stats',
  'auto_sql_stats_compaction',
  'auto_update_sql_activity',
  'auto_schema_telemetry',
  'mvcc_statistics_update',
  'schema_change_gc',
  'create_stats',
  'row_level_ttl',
]);


function jobTypeFamilies(version: CrdbVersion, seed: number, nodeId: number): FillerFamily[] {
  const out: FillerFamily[] = [];
  for (const jt of OTHER_JOB_TYPES) {
    for (const t of JOB_FAMILY_TEMPLATES) {
      if (t.suffix === 'fail_or_cancel_failed' && !hasFailOrCancelFailed(version)) continue;
      const name = `jobs_${jt}_${t.suffix}`;
      const r = rngFor(seed, nodeId, name);
      let value: ValueSpec = { k: 'const', v: 0 };
      if (t.suffix === 'currently_running') value = { k: 'jobs', jobType: jt, what: 'running' };
      else if (t.suffix === 'currently_paused') value = { k: 'jobs', jobType: jt, what: 'paused' };
      else if (t.suffix === 'currently_idle' && IDLE_CAPABLE.has(jt)) value = { k: 'jobs', jobType: jt, what: 'idle' };
      else if (t.suffix === 'resume_completed' && PERIODIC.has(jt)) value = { k: 'counter', curve: makeCurve(r, logUniform(r, 1 / 3600, 1 / 120)) };
      else if (t.suffix === 'resume_retry_error' && PERIODIC.has(jt) && r() < 0.25) {
        value = { k: 'counter', curve: makeCurve(r, logUniform(r, 1 / 86400, 1 / 7200)) };
      }
      out.push({ name, type: t.type, help: t.help.replace('%s', jt), scope: 'n', labels: [], value });
    }
  }
  // pkg/jobs/schedule_metrics.go: `fmt.Sprintf("Number of %s jobs started", name)` per executor.
  for (const ex of OTHER_SCHEDULE_EXECUTORS) {
    for (const what of ['started', 'succeeded', 'failed'] as const) {
      const name = exportedName(`schedules.${ex}.${what}`);
      const r = rngFor(seed, nodeId, name);
      // Executors fire on whichever node picks the schedule up: some nodes see none.
      const rate = what === 'failed' || r() < 0.4 ? 0 : logUniform(r, 1 / 7200, 1 / 900);
      const value: ValueSpec = rate ? { k: 'counter', curve: makeCurve(r, rate) } : { k: 'const', v: 0 };
      out.push({ name, type: 'counter', help: `Number of ${ex} jobs ${what}`, scope: 'n', labels: [], value });
    }
  }
  return out;
}

const ERRORISH = /err|fail|drop|abort|restart|retr|timeout|backoff|reject|panic|corrupt|slow|invalid|conflict|discard|giveup|unavailable|overload/;

/** A plausible value model from the family's name (units are in CockroachDB's names). */
function specForRow(row: FillerRow, r: () => number, version: CrdbVersion): Pick<FillerFamily, 'value' | 'hist' | 'labels'> {
  const [name, kind, , , layout] = row;
  if (kind === 'h') {
    const lay = layout ?? 'io';
    const bounds = BUCKET_LAYOUTS[lay].map(Number);
    const rate = r() < 0.3 ? 0 : logUniform(r, 0.05, 30);
    const center = lay === 'io' ? 8 + r() * 22 : lay === 'mem' ? 3 + r() * 7 : lay === 'count' ? r() * 2 : 3 + r() * 20;
    const spread = lay === 'count' ? 0.4 + r() : 1 + r() * 4;
    return { labels: [], hist: { layout: lay, spec: makeHist(makeCurve(r, rate), bounds, center, spread) } };
  }
  if (kind === 'c') {
    if (ERRORISH.test(name)) {
      if (r() < 0.85) return { labels: [], value: { k: 'const', v: 0 } };
      return { labels: [], value: { k: 'counter', curve: makeCurve(r, logUniform(r, 1e-4, 5e-3)) } };
    }
    if (r() < 0.25) return { labels: [], value: { k: 'const', v: 0 } };
    let rate = logUniform(r, 0.01, 50);
    if (/bytes/.test(name)) rate *= 1000;
    else if (/nanos|_ns$|_time$/.test(name)) rate *= 1e5;
    return { labels: [], value: { k: 'counter', curve: makeCurve(r, rate) } };
  }
  return { labels: gaugeLabels(name, version), value: gaugeSpec(name, r, version) };
}

function gaugeLabels(name: string, version: CrdbVersion): FillerFamily['labels'] {
  if (name !== 'build_timestamp') return [];
  // "CockroachDB CCL v25.4.2 (…, go1.23.12 …)": the real gauge carries tag and go_version labels.
  const vs = VERSION_STRINGS[version];
  return [
    ['tag', /v\d+\.\d+\.\d+\S*/.exec(vs)?.[0] ?? `v${version}.0`],
    ['go_version', /go\d+\.\d+(\.\d+)?/.exec(vs)?.[0] ?? 'go1.22'],
  ];
}

function gaugeSpec(name: string, r: () => number, version: CrdbVersion): ValueSpec {
  const wave = (base: number, int: boolean, amp = 0.1): ValueSpec => ({
    k: 'gauge',
    base,
    amp: amp * (0.3 + r()),
    period: 600 + r() * 6600,
    phase: r() * 2 * Math.PI,
    int,
  });
  switch (name) {
    case 'sys_uptime':
      return { k: 'uptime' };
    case 'liveness_livenodes':
      return { k: 'liveNodes' };
    case 'jobs_running_non_idle':
      return { k: 'runningNonIdle' };
    case 'build_timestamp': {
      const m = /built (\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)/.exec(VERSION_STRINGS[version]);
      const ts = m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 : 0;
      return { k: 'const', v: ts };
    }
    case 'sys_goroutines':
      return wave(300 + r() * 600, true, 0.2);
    case 'sys_fd_softlimit':
      return { k: 'const', v: 1048576 };
  }
  if (/percent|normalized|fraction|ratio/.test(name)) return wave(0.01 + r() * 0.3, false, 0.4);
  if (/persecond|_avg|_rate/.test(name)) return r() < 0.3 ? { k: 'const', v: 0 } : wave(logUniform(r, 0.5, 500), false, 0.3);
  if (/bytes|^capacity|_rss$|memory|mem_/.test(name)) return r() < 0.15 ? { k: 'const', v: 0 } : wave(logUniform(r, 1e6, 5e10), true, 0.05);
  if (/nanos|_ns$/.test(name)) return wave(logUniform(r, 1e3, 1e9), true, 0.3);
  if (/replicas|ranges|leases|keycount|valcount|livecount|intentcount|sstables/.test(name)) {
    return r() < 0.2 ? { k: 'const', v: 0 } : wave(logUniform(r, 10, 1e5), true, 0.02);
  }
  return r() < 0.35 ? { k: 'const', v: 0 } : wave(logUniform(r, 1, 500), true, 0.15);
}

function rowFamily(row: FillerRow, seed: number, nodeId: number, version: CrdbVersion): FillerFamily {
  const [name, kind, scope, help] = row;
  const type: MetricType = kind === 'c' ? 'counter' : kind === 'g' ? 'gauge' : 'histogram';
  return { name, type, help, scope, ...specForRow(row, rngFor(seed, nodeId, name), version) };
}

/**
 * Every filler family for one node, in a canonical order (renderers shuffle per scrape).
 * Never includes a backup-table family or `node_id`: those come from the model and the node.
 */
export function buildFillerFamilies(opts: { version: CrdbVersion; seed: number; nodeId: number }): FillerFamily[] {
  const { version, seed, nodeId } = opts;
  const byName = new Map<string, FillerFamily>();
  for (const row of V19_FAMILIES) byName.set(row[0], rowFamily(row, seed, nodeId, version));
  for (const row of MODERN_FAMILIES) byName.set(row[0], rowFamily(row, seed, nodeId, version));
  for (const f of jobTypeFamilies(version, seed, nodeId)) byName.set(f.name, f);
  byName.delete('node_id');
  for (const n of BACKUP_FAMILY_NAMES) byName.delete(n);
  return [...byName.values()];
}
