'use client';

import { useRef, useState } from 'react';
import { scheduleApiHref, type ScheduleAction } from './hrefs';

const INFO: Record<ScheduleAction, { verb: string; consequence: string }> = {
  pause: {
    verb: 'PAUSE SCHEDULE',
    consequence:
      'No new backups start from this schedule until it is resumed; a running backup is not stopped. Its freshness will decay: the last successful backup only gets older, and the page will flag it late, then stale.',
  },
  resume: {
    verb: 'RESUME SCHEDULE',
    consequence: 'The schedule becomes ACTIVE again and CockroachDB re-computes next_run from its recurrence; the next backup starts then.',
  },
};

export const scheduleStatement = (action: ScheduleAction, id: string) => `${INFO[action].verb} ${id}`;

type Outcome = { ok: boolean; text: string };

/** Pause or resume one schedule behind a confirmation that shows the exact statement (as the job page does). */
export function ScheduleControl({ cluster, id, label, paused, onDone }: { cluster: string; id: string; label: string; paused: boolean; onDone: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const action: ScheduleAction = paused ? 'resume' : 'pause';

  async function run() {
    setBusy(true);
    try {
      const res = await fetch(scheduleApiHref(cluster, id, action), { method: 'POST' });
      const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
      setOutcome(res.ok ? { ok: true, text: `${scheduleStatement(action, id)}: done.` } : { ok: false, text: body?.error?.message ?? `HTTP ${res.status}` });
      onDone();
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => {
          setOutcome(null);
          dialog.current?.showModal();
        }}
        aria-label={`${paused ? 'Resume' : 'Pause'} schedule ${label} (${id})…`}
        title={INFO[action].consequence}
        className="rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {paused ? 'Resume…' : 'Pause…'}
      </button>
      {outcome && (
        <span role="status" className={outcome.ok ? 'text-xs text-emerald-800 dark:text-emerald-300' : 'text-xs text-red-700 dark:text-red-400'}>
          {outcome.text}
        </span>
      )}
      <dialog ref={dialog} aria-label="Confirm" className="m-auto max-w-lg rounded-lg border border-zinc-300 bg-white p-4 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
        <div className="flex flex-col gap-3 text-sm">
          <p className="font-semibold">Run this statement on the cluster?</p>
          <pre className="rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-800">{scheduleStatement(action, id)};</pre>
          <p>
            Schedule <strong>{label}</strong>. {INFO[action].consequence}
          </p>
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700">
              Keep the schedule as it is
            </button>
            <button type="button" disabled={busy} onClick={() => void run()} className="rounded-md bg-red-600 px-3 py-1 font-medium text-white hover:bg-red-700 disabled:opacity-50">
              {INFO[action].verb} {id}
            </button>
          </div>
        </div>
      </dialog>
    </span>
  );
}
