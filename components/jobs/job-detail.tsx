'use client';

import Link from 'next/link';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { LastKnownNote } from '@/components/data/last-known-note';
import { useClusterNow } from '@/components/hooks/use-cluster-now';
import { jobApiHref, jobsHref } from '@/lib/jobs/href';
import { offeredStatements } from '@/lib/jobs/offered-statements';
import { isTerminal } from '@/lib/jobs/statuses';
import { CopyButton } from './copy-button';
import { JobColumnsTable } from './job-columns-table';
import { JobControl } from './job-control';
import { JobFacts } from './job-facts';
import { JobProgress } from './job-progress';
import { JobStatusBadge } from './job-status-badge';
import { JobTimeline } from './job-timeline';
import { SqlErrorBanner } from './sql-error-banner';
import { useJob } from './use-jobs';

const REFRESH_MS = 5_000;
const CARD = 'rounded-lg border border-zinc-200 bg-white px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900';
const H2 = 'mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300';

/** One job: everything SHOW JOB says, refreshed until the job is terminal. */
export function JobDetailView({ cluster, jobId, renderedAt, control, clusterSkewMs = 0 }: { cluster: { id: string; name: string }; jobId: string; renderedAt: number; control: boolean; clusterSkewMs?: number }) {
  // The job's times are the cluster's: their ages are measured against its clock.
  const now = useClusterNow(cluster.id, renderedAt, clusterSkewMs);
  const { data, error, mutate } = useJob(jobApiHref(cluster.id, jobId), REFRESH_MS);
  const job = data?.job;
  const statements = job
    ? offeredStatements({ job_id: jobId, job_type: job.job_type, status: job.status, description: job.description, statement: typeof data?.raw.statement === 'string' ? data.raw.statement : null, schedule: data?.schedule ?? null })
    : [];

  return (
    <main className="mx-auto flex max-w-[1200px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            <Link href={`/c/${encodeURIComponent(cluster.id)}`} className="hover:underline">
              {cluster.name}
            </Link>{' '}
            ·{' '}
            <Link href={jobsHref(cluster.id)} className="hover:underline">
              jobs
            </Link>
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight sm:text-2xl">
            <span>{job?.job_type ?? 'Job'}</span>
            <span className="font-mono text-base font-normal break-all text-zinc-600 dark:text-zinc-400">{jobId}</span>
            {job && <JobStatusBadge status={job.status} executionErrors={job.execution_errors} />}
          </h1>
          {job && !isTerminal(job.status) && <p className="text-xs text-zinc-500">refreshing every {REFRESH_MS / 1000} s while the job is not finished</p>}
        </div>
        <ThemeToggle />
      </header>

      {error && <SqlErrorBanner error={error} />}
      {data?.last_known && <LastKnownNote lastKnown={data.last_known} now={now} />}
      {!data && !error && <div aria-busy className="animate-pulse rounded-lg border border-zinc-200 px-3 py-10 text-center text-sm text-zinc-500 dark:border-zinc-800">Reading SHOW JOB {jobId}…</div>}

      {data && job && (
        <>
          {(job.error || (job.execution_errors && job.execution_errors.length > 0)) && (
            <section aria-label="Errors" className="rounded-lg border border-red-300 bg-red-50 px-3 py-3 sm:px-4 dark:border-red-800 dark:bg-red-950/40">
              {job.error && (
                <>
                  <h2 className="mb-1 text-sm font-semibold text-red-900 dark:text-red-200">error</h2>
                  <p data-testid="job-error" className="font-mono text-sm break-words whitespace-pre-wrap text-red-900 dark:text-red-100">{job.error}</p>
                </>
              )}
              {job.execution_errors && job.execution_errors.length > 0 && (
                <>
                  <h2 className="mt-2 mb-1 text-sm font-semibold text-amber-900 dark:text-amber-200">execution_errors ({job.execution_errors.length}, retryable)</h2>
                  <ol className="list-decimal pl-5 font-mono text-xs text-zinc-800 dark:text-zinc-200">
                    {job.execution_errors.map((e, i) => (
                      <li key={i} className="break-words whitespace-pre-wrap">{e}</li>
                    ))}
                  </ol>
                </>
              )}
            </section>
          )}

          <section className={CARD} aria-label="Progress">
            <h2 className={H2}>Progress</h2>
            <JobProgress status={job.status} fraction={job.fraction_completed} started={job.started ?? job.created} now={now} wide />
            <div className="mt-3">
              <JobTimeline job={job} now={now} columns={data.columns} />
            </div>
          </section>

          <section className={CARD} aria-label="Details">
            <JobFacts cluster={cluster.id} detail={data} now={now} />
          </section>

          <section className={CARD} aria-label="Description">
            <h2 className={H2}>description</h2>
            <p data-testid="job-description" className="font-mono text-xs break-all whitespace-pre-wrap">{job.description ?? '—'}</p>
          </section>

          <section className={CARD} aria-label="Statements">
            <h2 className={H2}>Statements</h2>
            <ul data-testid="job-statements" className="flex flex-col gap-2">
              {statements.map((s) => (
                <li key={s.sql} className="flex items-start justify-between gap-2">
                  <span className="min-w-0">
                    <code className="block font-mono text-xs break-all">{s.sql}</code>
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">{s.note}</span>
                  </span>
                  <CopyButton text={s.sql} />
                </li>
              ))}
            </ul>
            {isTerminal(job.status) && (
              <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">The job is {job.status}: PAUSE, RESUME and CANCEL JOB no longer apply to it.</p>
            )}
            {control && !isTerminal(job.status) && (
              <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
                <JobControl cluster={cluster.id} jobId={jobId} status={job.status} onDone={() => void mutate()} />
              </div>
            )}
          </section>

          <section aria-label="Every column">
            <h2 className={H2}>Every column of SHOW JOB {jobId}</h2>
            <JobColumnsTable columns={data.columns} raw={data.raw} />
          </section>
        </>
      )}
    </main>
  );
}
