'use client';

import { useState } from 'react';
import { useStatementPost } from '@/components/data/use-statement-post';
import { ConfirmStatement, StatementResult } from '@/components/ui/confirm-statement';
import { ACTION_INFO, ALLOWED_IN, controlStatement, JOB_ACTIONS, type JobAction } from '@/lib/jobs/control-actions';
import { jobApiHref } from '@/lib/jobs/href';
import { baseStatus } from '@/lib/jobs/statuses';

const ALLOWED = ALLOWED_IN;

/** PAUSE / RESUME / CANCEL behind a confirmation that shows the exact statement and what it does. */
export function JobControl({ cluster, jobId, status, onDone }: { cluster: string; jobId: string; status: string | null; onDone: () => void }) {
  const [action, setAction] = useState<JobAction | null>(null);
  const { pending, outcome, post, clear } = useStatementPost(onDone);
  const base = baseStatus(status) ?? '';

  async function run(a: JobAction) {
    await post<{ status?: string | null }>(jobApiHref(cluster, jobId, a), (body) => `${controlStatement(a, jobId)}: done; the job is now ${body?.status ?? 'updating'}.`);
    setAction(null);
  }

  return (
    <section aria-label="Job control" className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {JOB_ACTIONS.map((a) => (
          <button
            key={a}
            type="button"
            disabled={!ALLOWED[a].includes(base)}
            onClick={() => {
              clear();
              setAction(a);
            }}
            title={ALLOWED[a].includes(base) ? ACTION_INFO[a].consequence : `${ACTION_INFO[a].verb} applies to ${ALLOWED[a].join(', ')} jobs`}
            className="rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm font-medium text-zinc-800 enabled:hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:enabled:hover:bg-zinc-800"
          >
            {a[0].toUpperCase() + a.slice(1)}…
          </button>
        ))}
      </div>
      <StatementResult outcome={outcome} className="text-sm" />
      <ConfirmStatement
        statement={action && controlStatement(action, jobId)}
        confirmLabel={action ? `${ACTION_INFO[action].verb} ${jobId}` : ''}
        cancelLabel="Keep the job as it is"
        pending={pending}
        onConfirm={() => action && void run(action)}
        onCancel={() => setAction(null)}
      >
        {action && ACTION_INFO[action].consequence}
      </ConfirmStatement>
    </section>
  );
}
