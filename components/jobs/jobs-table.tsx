import Link from 'next/link';
import { scheduleHref } from '@/components/schedules/hrefs';
import type { JobsSource } from '@/lib/api/types/jobs';
import type { JobRow } from '@/lib/jobs/job-row';
import { jobHref } from '@/lib/jobs/href';
import { JobDescription } from './job-description';
import { JobProgress } from './job-progress';
import { JobStatusBadge } from './job-status-badge';
import { RelTime } from './rel-time';

const TH = 'px-2 py-2 text-left font-medium whitespace-nowrap';
const TD = 'px-2 py-1.5 align-top';

/** Who created the job: the schedule (linked) when system.jobs says crdb_schedule; "—" when nothing did or it is unknown. */
function ScheduleCell({ cluster, job }: { cluster: string; job: JobRow }) {
  if (job.created_by_type === 'crdb_schedule' && job.created_by_id) {
    return (
      <Link href={scheduleHref(cluster, job.created_by_id)} className="text-xs break-words text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400" title={`schedule ${job.created_by_id}`}>
        {job.schedule_label ?? job.created_by_id}
      </Link>
    );
  }
  return <span className="text-zinc-400" title={job.created_by_type ? `created by ${job.created_by_type}` : 'not created by a schedule'}>—</span>;
}

/** One page of jobs, SHOW JOBS' columns plus the creating schedule; the job id opens the job. */
export function JobsTable({ cluster, jobs, now, source = 'crdb_internal.jobs', showSchedule = false }: { cluster: string; jobs: JobRow[]; now: number; source?: JobsSource; showSchedule?: boolean }) {
  // Where the version has no `started` (25.3+), the column would be empty: the progress/ETA use `created` instead.
  const hasStarted = jobs.some((j) => j.started !== null);
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table data-testid="jobs-table" className="w-full text-sm">
        <caption className="sr-only">Jobs matching the filters</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
          <tr>
            <th scope="col" className={TH}>job_id</th>
            <th scope="col" className={TH}>type</th>
            <th scope="col" className={TH}>description</th>
            <th scope="col" className={TH}>status</th>
            <th scope="col" className={TH}>progress</th>
            <th scope="col" className={TH}>created</th>
            {hasStarted && (
              <th scope="col" className={TH} title="crdb_internal.jobs and SHOW JOBS before 25.3 have started; 25.3+ SHOW JOBS dropped it as a duplicate of created">
                started
              </th>
            )}
            <th scope="col" className={TH}>finished</th>
            {/* The least telling time in a list (on the job page in full): it makes room for the error below 1536 px. */}
            <th scope="col" className={`${TH} hidden 2xl:table-cell`}>modified</th>
            <th scope="col" className={TH} title="coordinator_id: the node running the job">node</th>
            {showSchedule && <th scope="col" className={TH} title="system.jobs created_by_type / created_by_id">schedule</th>}
            <th scope="col" className={TH}>error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
          {jobs.map((j) => (
            <tr key={j.job_id} data-testid="job-row" data-job-id={j.job_id} data-status={j.status ?? ''} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
              <td className={TD}>
                <Link href={jobHref(cluster, j.job_id)} className="font-mono text-xs text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
                  {j.job_id}
                </Link>
              </td>
              <td className={`${TD} text-xs whitespace-nowrap`}>{j.job_type ?? '—'}</td>
              <td className={`${TD} max-w-[22rem] min-w-[12rem]`}>
                <JobDescription cluster={cluster} jobId={j.job_id} description={j.description} source={source} />
              </td>
              <td className={TD}>
                <JobStatusBadge status={j.status} executionErrors={j.execution_errors} />
                {j.running_status && <div className="mt-0.5 max-w-40 truncate text-xs text-zinc-500 dark:text-zinc-400" title={j.running_status}>{j.running_status}</div>}
              </td>
              <td className={TD}>
                <JobProgress status={j.status} fraction={j.fraction_completed} started={j.started ?? j.created} now={now} />
              </td>
              <td className={`${TD} text-xs`}><RelTime iso={j.created} now={now} /></td>
              {hasStarted && <td className={`${TD} text-xs`}><RelTime iso={j.started} now={now} /></td>}
              <td className={`${TD} text-xs`}><RelTime iso={j.finished} now={now} /></td>
              <td className={`${TD} hidden text-xs 2xl:table-cell`}><RelTime iso={j.modified} now={now} /></td>
              <td className={`${TD} text-xs tabular-nums`}>{j.coordinator_id !== null ? `n${j.coordinator_id}` : '—'}</td>
              {showSchedule && <td className={`${TD} max-w-40`}><ScheduleCell cluster={cluster} job={j} /></td>}
              <td className={`${TD} max-w-[18rem]`}>
                {j.error ? (
                  <span title={j.error} className="line-clamp-2 text-xs text-red-700 dark:text-red-400">{j.error}</span>
                ) : (
                  <span className="text-zinc-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
