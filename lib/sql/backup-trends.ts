/**
 * The backups page's trends: success rates over 7 and 30 days and the newest runs of every schedule,
 * from system.jobs and crdb_internal.jobs, or from SHOW JOBS FOR SCHEDULE where internals are
 * restricted (reference §e); each run's size from the chains lib/sql/backups.ts read.
 */
import type { BackupsPage } from '../api/types/backups';
import { asOfOf } from '../schedules/backup-paths';
import { RUNS_WINDOW_DAYS, scheduleJobsUnion, TERMINAL_FAILED, TERMINAL_OK } from '../schedules/runs';
import { isoTimestamp, rawTypes } from './pg-types';
import { withInternals, type Session, type SessionInfo } from './session';

export const layerKey = (backupType: string | null, endTime: string) => `${(backupType ?? '').toLowerCase()}|${new Date(Date.parse(endTime)).toISOString()}`;

/** What the trends need of the known schedules (lib/sql/backups.ts readKnown). */
interface Known {
  schedules: { id: string; label: string | null; backup_type: string | null }[];
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Runs per schedule in the trends (newest first, within RUNS_WINDOW_DAYS). */
export const TREND_RUNS = 300;

/** The success rates and the newest runs of every schedule, from system.jobs and crdb_internal.jobs. */
function trendStatements(terminal: string[]) {
  const rates = {
    text: `SELECT created_by_id::STRING AS schedule_id,
  count(*) FILTER (WHERE status = 'succeeded' AND created > now() - '7 days'::INTERVAL) AS ok_7d,
  count(*) FILTER (WHERE status = ANY($1::STRING[]) AND created > now() - '7 days'::INTERVAL) AS n_7d,
  count(*) FILTER (WHERE status = 'succeeded') AS ok_30d,
  count(*) FILTER (WHERE status = ANY($1::STRING[])) AS n_30d
FROM system.jobs
WHERE created_by_type = 'crdb_schedule' AND created > now() - $2::INTERVAL
GROUP BY created_by_id`,
    values: [terminal, `${RUNS_WINDOW_DAYS} days`],
  };
  const runs = {
    text: `SELECT s.created_by_id::STRING AS schedule_id, j.job_id, j.status, j.created, j.finished, j.description
FROM (
  SELECT id, created_by_id, row_number() OVER (PARTITION BY created_by_id ORDER BY created DESC) AS rn
  FROM system.jobs
  WHERE created_by_type = 'crdb_schedule' AND created > now() - $1::INTERVAL AND status = ANY($2::STRING[])
) AS s
JOIN crdb_internal.jobs AS j ON j.job_id = s.id
WHERE s.rn <= $3
ORDER BY s.created_by_id, j.created DESC`,
    values: [`${RUNS_WINDOW_DAYS} days`, terminal, TREND_RUNS],
  };
  return { rates, runs };
}

/** The same rows without internals (restricted, reference §e): from SHOW JOBS FOR SCHEDULE of each schedule. */
function trendStatementsFromShow(terminal: string[], ids: string[]) {
  const jobs = ids.length === 0 ? `SELECT NULL::STRING AS schedule_id, NULL::INT8 AS job_id, NULL::STRING AS status, NULL::TIMESTAMPTZ AS created, NULL::TIMESTAMPTZ AS finished, NULL::STRING AS description WHERE false` : scheduleJobsUnion(ids, ['job_id', 'status', 'created', 'finished', 'description']);
  const rates = {
    text: `SELECT schedule_id,
  count(*) FILTER (WHERE status = 'succeeded' AND created > now() - '7 days'::INTERVAL) AS ok_7d,
  count(*) FILTER (WHERE status = ANY($1::STRING[]) AND created > now() - '7 days'::INTERVAL) AS n_7d,
  count(*) FILTER (WHERE status = 'succeeded') AS ok_30d,
  count(*) FILTER (WHERE status = ANY($1::STRING[])) AS n_30d
FROM (${jobs}) AS j
WHERE created > now() - $2::INTERVAL
GROUP BY schedule_id`,
    values: [terminal, `${RUNS_WINDOW_DAYS} days`],
  };
  const runs = {
    text: `SELECT schedule_id, job_id, status, created, finished, description
FROM (
  SELECT *, row_number() OVER (PARTITION BY schedule_id ORDER BY created DESC) AS rn
  FROM (${jobs}) AS j
  WHERE created > now() - $1::INTERVAL AND status = ANY($2::STRING[])
) AS s
WHERE rn <= $3
ORDER BY schedule_id, created DESC`,
    values: [`${RUNS_WINDOW_DAYS} days`, terminal, TREND_RUNS],
  };
  return { rates, runs };
}

type Trend = BackupsPage['trends'][number];

/**
 * Success rate over 7 and 30 days (finished runs only; null with none), and per run its duration
 * (finished − created: `started` is gone from 25.3 and equals created, reference §c.1) and its size
 * when its layer is in one of the chains chainSizes read (null otherwise).
 */
export async function readTrends(c: Session, info: SessionInfo, known: Known, sizes: Map<string, Map<string, number>>, collectionOfSchedule: Map<string, string>): Promise<{ trends: Trend[]; sql: string[] }> {
  const terminal = [TERMINAL_OK, ...TERMINAL_FAILED];
  const read = async (q: { rates: { text: string; values: unknown[] }; runs: { text: string; values: unknown[] } }) => ({
    q,
    rr: await c.query(q.rates),
    jr: await c.query({ ...q.runs, types: rawTypes }),
  });
  const { q, rr, jr } = await withInternals(
    info,
    () => read(trendStatements(terminal)),
    () => read(trendStatementsFromShow(terminal, known.schedules.map((x) => x.id))),
  );
  const rateOf = new Map((rr.rows as Record<string, unknown>[]).map((r) => [String(r.schedule_id), r]));
  const runsOf = new Map<string, Trend['runs']>();
  for (const r of jr.rows as Record<string, unknown>[]) {
    const id = String(r.schedule_id);
    const finished = isoTimestamp(r.finished);
    if (!finished) continue;
    const created = isoTimestamp(r.created);
    const asOf = asOfOf(str(r.description));
    const coll = collectionOfSchedule.get(id);
    const type = known.schedules.find((s) => s.id === id)?.backup_type ?? null;
    const size = asOf && coll ? (sizes.get(coll)?.get(layerKey(type, asOf)) ?? null) : null;
    const list = runsOf.get(id) ?? [];
    list.push({
      job_id: String(r.job_id),
      finished,
      duration_s: created ? Math.max(0, Math.round((Date.parse(finished) - Date.parse(created)) / 1000)) : null,
      status: String(r.status),
      size_bytes: String(r.status) === TERMINAL_OK ? size : null,
    });
    runsOf.set(id, list);
  }
  const rate = (ok: unknown, n: unknown) => (Number(n) > 0 ? Number(ok) / Number(n) : null);
  const trends = known.schedules.map((s) => {
    const r = rateOf.get(s.id);
    return {
      schedule_id: s.id,
      label: s.label,
      backup_type: s.backup_type,
      success_rate_7d: r ? rate(r.ok_7d, r.n_7d) : null,
      success_rate_30d: r ? rate(r.ok_30d, r.n_30d) : null,
      runs: runsOf.get(s.id) ?? [],
    };
  });
  return { trends, sql: [q.rates.text, q.runs.text] };
}

