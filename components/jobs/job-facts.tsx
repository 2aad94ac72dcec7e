import Link from 'next/link';
import type { JobDetail } from '@/lib/api/types/jobs';
import { PtsProtectedAt, SEVERITY_TEXT } from '@/components/protected-timestamps/pts-parts';
import { formatDuration } from '@/lib/format/duration';
import { clusterHref, protectedTimestampsHref } from '@/lib/links';

const DT = 'text-xs text-zinc-500 dark:text-zinc-400';
const DD = 'text-sm text-zinc-900 dark:text-zinc-100';

/** Who runs it, who made it, what it holds (the records' ages as read: the page refreshes while the job is unfinished). */
export function JobFacts({ cluster, detail, now }: { cluster: string; detail: JobDetail; now: number }) {
  const { job, schedule, protected_timestamp: pts } = detail;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-3">
      <div>
        <dt className={DT}>Coordinator node</dt>
        <dd className={DD}>
          {job.coordinator_id !== null ? (
            <Link href={clusterHref(cluster, { nodes: [job.coordinator_id] })} className="text-emerald-700 hover:underline dark:text-emerald-400" title="This node's metrics on the overview">
              n{job.coordinator_id}
            </Link>
          ) : (
            '—'
          )}
        </dd>
      </div>
      <div>
        <dt className={DT}>Created by schedule</dt>
        <dd className={DD} data-testid="job-schedule">
          {schedule ? (
            <Link href={`/c/${encodeURIComponent(cluster)}/schedules/${schedule.id}`} className="text-emerald-700 hover:underline dark:text-emerald-400">
              {schedule.label ?? schedule.id}
            </Link>
          ) : (
            <span className="text-zinc-500">none (run by hand or by the system)</span>
          )}
          {schedule?.recurrence && <span className="ml-1 text-xs text-zinc-500">({schedule.recurrence}{schedule.schedule_status ? `, ${schedule.schedule_status}` : ''})</span>}
        </dd>
      </div>
      <div>
        <dt className={DT}>Protected timestamp</dt>
        <dd className={DD} data-testid="job-pts" title={pts.note}>
          {pts.held === 'unknown' ? (
            <>
              unknown
              <span className="block text-xs text-amber-800 dark:text-amber-300">{pts.note}</span>
            </>
          ) : pts.held ? (
            <>
              <span className="font-semibold">holds {pts.records.length === 1 ? 'a protected timestamp' : `${pts.records.length} protected timestamps`}</span>
              <ul className="text-xs">
                {pts.records.map((r) => (
                  <li key={r.id} className={SEVERITY_TEXT[r.severity]}>
                    {r.age_s === null ? 'age unknown' : `${formatDuration(r.age_s)} old`}, since <PtsProtectedAt record={r} now={now} /> · {r.target.text}
                  </li>
                ))}
              </ul>
              <Link href={protectedTimestampsHref(cluster)} className="text-xs text-emerald-700 hover:underline dark:text-emerald-400">
                every record and holder
              </Link>
            </>
          ) : (
            <>
              none held
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">holds no record in system.protected_ts_records</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt className={DT}>User</dt>
        <dd className={DD}>{job.user_name ?? '—'}</dd>
      </div>
      <div className="sm:col-span-2">
        <dt className={DT}>Running status</dt>
        <dd className={DD}>{job.running_status ?? '—'}</dd>
      </div>
    </dl>
  );
}
