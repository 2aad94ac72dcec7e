/**
 * Which schedule created a job. system.jobs records it (created_by_type = 'crdb_schedule', the
 * constant jobs.CreatedByScheduledJobs, and created_by_id = the schedule id; crdb_internal.jobs and
 * SHOW JOBS do not show it). Where system is restricted (allow_unsafe_internals off, reference §e),
 * from the supported SHOW JOBS FOR SCHEDULE of every schedule instead. One statement per page of the
 * explorer (its job ids only), plus SHOW SCHEDULES for the labels.
 */
import type { JobRow, ScheduleRef } from '../api/types/jobs';
import { scheduleJobsUnion } from '../schedules/runs';
import { withInternals, type Session, type SessionInfo } from './session';

/** Fills created_by_type / created_by_id / schedule_label of a page's jobs; on failure they stay null (the page stands). */
export async function fillSchedules(c: Session, info: SessionInfo, jobs: JobRow[]): Promise<void> {
  if (jobs.length === 0) return;
  const ids = jobs.map((j) => j.job_id);
  try {
    const labels = await c.query<{ id: string; label: string | null }>('SELECT id::STRING AS id, label FROM [SHOW SCHEDULES]');
    const labelOf = new Map(labels.rows.map((r) => [String(r.id), r.label]));
    const by = await withInternals(
      info,
      async () => {
        const r = await c.query<{ id: string; created_by_type: string | null; created_by_id: string | null }>(
          'SELECT id::STRING AS id, created_by_type, created_by_id::STRING AS created_by_id FROM system.jobs WHERE id = ANY($1::INT8[])',
          [ids],
        );
        return new Map(r.rows.map((x) => [String(x.id), { type: x.created_by_type, id: x.created_by_id === null ? null : String(x.created_by_id) }]));
      },
      async () => {
        if (labelOf.size === 0) return new Map<string, { type: string | null; id: string | null }>();
        const q = scheduleJobsUnion([...labelOf.keys()], ['job_id']);
        const r = await c.query<{ schedule_id: string; job_id: string }>(`SELECT schedule_id, job_id::STRING AS job_id FROM (${q}) AS s WHERE job_id = ANY($1::INT8[])`, [ids]);
        return new Map(r.rows.map((x) => [String(x.job_id), { type: 'crdb_schedule', id: String(x.schedule_id) }]));
      },
    );
    for (const j of jobs) {
      const b = by.get(j.job_id);
      j.created_by_type = b?.type ?? null;
      j.created_by_id = b?.id ?? null;
      j.schedule_label = b?.type === 'crdb_schedule' && b.id !== null ? (labelOf.get(b.id) ?? null) : null;
    }
  } catch (err) {
    // A lost connection fails the request; anything else only loses the schedule column.
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('08') || /connection|ECONN/i.test((err as Error).message ?? '')) throw err;
  }
}

export async function scheduleOf(c: Session, jobId: string): Promise<ScheduleRef | null> {
  const r = await c.query<{ created_by_type: string | null; created_by_id: string | null }>(
    'SELECT created_by_type, created_by_id FROM system.jobs WHERE id = $1',
    [jobId],
  );
  const by = r.rows[0];
  // jobs.CreatedByScheduledJobs = 'crdb_schedule' (CRDB pkg/jobs; reference §c.1).
  if (!by || by.created_by_type !== 'crdb_schedule' || !by.created_by_id) return null;
  return scheduleRef(c, String(by.created_by_id));
}

/**
 * The creating schedule without system.jobs (restricted internals): which schedule's SHOW JOBS FOR
 * SCHEDULE lists the job — one statement over every schedule SHOW SCHEDULES lists (a UNION ALL of
 * one branch per schedule: SHOW JOBS FOR SCHEDULES has no column naming the schedule).
 */
export async function scheduleFromShow(c: Session, jobId: string): Promise<ScheduleRef | null> {
  const all = await c.query<{ id: string }>('SELECT id FROM [SHOW SCHEDULES]');
  const ids = all.rows.map((r) => String(r.id));
  if (ids.length === 0) return null;
  const q = scheduleJobsUnion(ids, ['job_id']);
  const r = await c.query<{ schedule_id: string }>(`SELECT schedule_id FROM (${q}) AS s WHERE job_id = $1 LIMIT 1`, [jobId]);
  const id = r.rows[0]?.schedule_id;
  return id === undefined ? null : scheduleRef(c, String(id));
}

async function scheduleRef(c: Session, id: string): Promise<ScheduleRef> {
  try {
    const s = await c.query<{ label: string | null; schedule_status: string | null; recurrence: string | null }>('SHOW SCHEDULE $1', [id]);
    const row = s.rows[0];
    return { id, label: row?.label ?? null, schedule_status: row?.schedule_status ?? null, recurrence: row?.recurrence ?? null };
  } catch {
    // The schedule may have been dropped since; the id alone still helps.
    return { id, label: null, schedule_status: null, recurrence: null };
  }
}
