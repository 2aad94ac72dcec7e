import Link from 'next/link';
import type { JobDetail } from '@/lib/api/types/jobs';
import { clusterHref } from '@/lib/links';

const DT = 'text-xs text-zinc-500 dark:text-zinc-400';
const DD = 'text-sm text-zinc-900 dark:text-zinc-100';

/** Who runs it, who made it, what it holds. */
export function JobFacts({ cluster, detail }: { cluster: string; detail: JobDetail }) {
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
        <dd className={DD} title={pts.note}>
          {pts.held === 'unknown' ? 'unknown' : pts.held ? 'held' : 'not held'}
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{pts.held === 'unknown' ? 'not readable over SQL here; hover for why' : ''}</span>
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
