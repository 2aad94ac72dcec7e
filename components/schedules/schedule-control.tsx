'use client';

import { useState } from 'react';
import { useStatementPost } from '@/components/data/use-statement-post';
import { ConfirmStatement, StatementResult } from '@/components/ui/confirm-statement';
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

/** Pause or resume one schedule behind a confirmation that shows the exact statement (as the job page does). */
export function ScheduleControl({ cluster, id, label, paused, onDone }: { cluster: string; id: string; label: string; paused: boolean; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const { pending, outcome, post, clear } = useStatementPost(onDone);
  const action: ScheduleAction = paused ? 'resume' : 'pause';

  async function run() {
    await post(scheduleApiHref(cluster, id, action), () => `${scheduleStatement(action, id)}: done.`);
    setAsking(false);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => {
          clear();
          setAsking(true);
        }}
        aria-label={`${paused ? 'Resume' : 'Pause'} schedule ${label} (${id})…`}
        title={INFO[action].consequence}
        className="rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {paused ? 'Resume…' : 'Pause…'}
      </button>
      <StatementResult outcome={outcome} className="text-xs" />
      <ConfirmStatement
        statement={asking ? scheduleStatement(action, id) : null}
        confirmLabel={`${INFO[action].verb} ${id}`}
        cancelLabel="Keep the schedule as it is"
        pending={pending}
        onConfirm={() => void run()}
        onCancel={() => setAsking(false)}
      >
        Schedule <strong>{label}</strong>. {INFO[action].consequence}
      </ConfirmStatement>
    </span>
  );
}
