'use client';

import { formatDuration } from '@/lib/format/duration';
import type { JobRow } from '@/lib/jobs/job-row';
import { baseStatus } from '@/lib/jobs/statuses';
import type { ScheduleDetail } from '@/lib/api/types/schedules';
import { LazyRunDurationChart as RunDurationChart, LazyTimeValueChart as TimeValueChart } from '@/components/charts/lazy-charts';
import type { Outcome, RunPoint, ValueRef } from './charts';

export function outcomeOf(status: string | null): Outcome {
  const b = baseStatus(status);
  if (b === 'succeeded') return 'succeeded';
  if (b === 'failed' || b === 'revert-failed') return 'failed';
  if (b === 'running' || b === 'retry-running' || b === 'pending') return 'running';
  return 'other';
}

/** Each job as a bar: started (or created) → finished, or → now while it runs. */
export function runPoints(jobs: JobRow[], now: number): RunPoint[] {
  return jobs
    .flatMap((j) => {
      const start = Date.parse(j.started ?? j.created ?? '');
      if (!Number.isFinite(start)) return [];
      const end = j.finished ? Date.parse(j.finished) : now;
      return [{ t: start, job_id: j.job_id, duration_s: Math.max(0, (end - start) / 1000), outcome: outcomeOf(j.status) }];
    })
    .sort((a, b) => a.t - b.t);
}

/** The schedule's runs (durations by outcome) and its freshness over the window, with the late and stale lines. */
export function ScheduleCharts({ detail, now }: { detail: ScheduleDetail; now: number }) {
  // The history is the pair's (newest success of either), judged like the pair: against the shorter interval.
  const both = [detail.schedule.freshness, ...(detail.pair ? [detail.pair.freshness] : [])];
  const least = (xs: (number | null | undefined)[]) => {
    const ok = xs.filter((x): x is number => typeof x === 'number');
    return ok.length ? Math.min(...ok) : null;
  };
  const f = { late_after_s: least(both.map((x) => x.late_after_s)), stale_after_s: least(both.map((x) => x.stale_after_s)) };
  const history = detail.freshness_history.flatMap((p) => {
    const t = Date.parse(p.t);
    return Number.isFinite(t) ? [{ t, v: p.age_s }] : [];
  });
  // The policy's own thresholds (FRESHNESS_GRACE, FRESHNESS_STALE_MULTIPLIER), as the API computed them.
  const refs: ValueRef[] = [];
  if (f.late_after_s != null) refs.push({ y: f.late_after_s, label: `late after ${formatDuration(f.late_after_s)}`, color: '#d97706' });
  if (f.stale_after_s != null) refs.push({ y: f.stale_after_s, label: `stale after ${formatDuration(f.stale_after_s)}`, color: '#dc2626' });
  const runs = runPoints(detail.jobs, now);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <h3 className="mb-1 text-sm font-medium">Run durations and outcomes</h3>
        {runs.length > 0 ? <RunDurationChart runs={runs} label="Run durations and outcomes" /> : <p className="text-sm text-zinc-500">No runs in the job history.</p>}
      </div>
      <div>
        <h3 className="mb-1 text-sm font-medium">Freshness over time</h3>
        {history.length > 0 ? (
          <TimeValueChart label="Freshness over time" points={history} format={(v) => formatDuration(v)} refs={refs} seconds caption="age of the newest successful backup (of the pair) at each moment" />
        ) : (
          <p className="text-sm text-zinc-500">No freshness history.</p>
        )}
      </div>
    </div>
  );
}
