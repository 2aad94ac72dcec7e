'use client';

import { useRef, useState } from 'react';
import { ACTION_INFO, controlStatement, JOB_ACTIONS, type JobAction } from '@/lib/jobs/control-actions';
import { jobApiHref } from '@/lib/jobs/href';
import { baseStatus } from '@/lib/jobs/statuses';

// Which actions CockroachDB accepts in which status (CRDB pkg/sql/delegate/job_control.go).
const ALLOWED: Record<JobAction, readonly string[]> = {
  pause: ['pending', 'running', 'reverting'],
  resume: ['paused'],
  cancel: ['pending', 'running', 'paused'],
};

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/** PAUSE / RESUME / CANCEL behind a confirmation that shows the exact statement and what it does. */
export function JobControl({ cluster, jobId, status, onDone }: { cluster: string; jobId: string; status: string | null; onDone: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [action, setAction] = useState<JobAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const base = baseStatus(status) ?? '';

  function ask(a: JobAction) {
    setAction(a);
    setOutcome(null);
    dialog.current?.showModal();
  }

  async function run() {
    if (!action) return;
    setBusy(true);
    try {
      const res = await fetch(jobApiHref(cluster, jobId, action), { method: 'POST' });
      const body = (await res.json().catch(() => null)) as { status?: string | null; error?: { message: string } } | null;
      setOutcome(res.ok ? { ok: true, text: `${controlStatement(action, jobId)}: done; the job is now ${body?.status ?? 'updating'}.` } : { ok: false, text: body?.error?.message ?? `HTTP ${res.status}` });
      onDone();
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  }

  return (
    <section aria-label="Job control" className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {JOB_ACTIONS.map((a) => (
          <button
            key={a}
            type="button"
            disabled={!ALLOWED[a].includes(base)}
            onClick={() => ask(a)}
            title={ALLOWED[a].includes(base) ? ACTION_INFO[a].consequence : `${ACTION_INFO[a].verb} applies to ${ALLOWED[a].join(', ')} jobs`}
            className="rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm font-medium text-zinc-800 enabled:hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:enabled:hover:bg-zinc-800"
          >
            {a[0].toUpperCase() + a.slice(1)}…
          </button>
        ))}
      </div>
      {outcome && (
        <p role="status" className={outcome.ok ? 'text-sm text-emerald-800 dark:text-emerald-300' : 'text-sm text-red-700 dark:text-red-400'}>
          {outcome.text}
        </p>
      )}
      <dialog ref={dialog} aria-label="Confirm" className="m-auto max-w-lg rounded-lg border border-zinc-300 bg-white p-4 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
        {action && (
          <div className="flex flex-col gap-3 text-sm">
            <p className="font-semibold">Run this statement on the cluster?</p>
            <pre className="rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-800">{controlStatement(action, jobId)};</pre>
            <p>{ACTION_INFO[action].consequence}</p>
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700">
                Keep the job as it is
              </button>
              <button type="button" disabled={busy} onClick={() => void run()} className="rounded-md bg-red-600 px-3 py-1 font-medium text-white hover:bg-red-700 disabled:opacity-50">
                {ACTION_INFO[action].verb} {jobId}
              </button>
            </div>
          </div>
        )}
      </dialog>
    </section>
  );
}
