import Link from 'next/link';
import { JobStatusBadge } from '@/components/jobs/job-status-badge';
import { LocalTime } from '@/components/ui/local-time';
import { cn } from '@/components/ui/cn';
import type { PtsRecord, PtsSeverity } from '@/lib/api/types/protected-timestamps';
import { jobHref } from '@/lib/jobs/href';

export const SEVERITY_TEXT: Record<PtsSeverity, string> = {
  ok: 'text-zinc-800 dark:text-zinc-200',
  warn: 'text-amber-800 dark:text-amber-300',
  critical: 'text-red-700 dark:text-red-400',
};

/** The row's left border (and a tint when it needs attention). */
export const SEVERITY_ROW: Record<PtsSeverity, string> = {
  ok: 'border-l-zinc-200 dark:border-l-zinc-700',
  warn: 'border-l-amber-400 bg-amber-50/60 dark:border-l-amber-600 dark:bg-amber-950/20',
  critical: 'border-l-red-500 bg-red-50/70 dark:border-l-red-600 dark:bg-red-950/25',
};

const LINK = 'font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

/** The holder, linked to its page: a job (type, id, status, what it does) or a schedule (label, status); an orphan says it is gone. */
export function PtsHolderCell({ cluster, record: r, compact = false }: { cluster: string; record: PtsRecord; compact?: boolean }) {
  const c = encodeURIComponent(cluster);
  if (r.orphaned) {
    return (
      <span data-testid="pts-holder" className="font-semibold text-red-700 dark:text-red-400">
        orphaned: {r.meta_type === 'schedules' ? 'schedule' : 'job'} <span className="font-mono">{r.holder_id}</span> (gone)
      </span>
    );
  }
  const h = r.holder;
  if (!h) return <span data-testid="pts-holder" className="text-zinc-600 dark:text-zinc-400">{r.meta_type} {r.holder_id ?? '(undecodable meta)'}</span>;
  if (h.kind === 'schedule') {
    return (
      <span data-testid="pts-holder" className="inline-flex flex-wrap items-baseline gap-x-1.5">
        <span className="text-xs text-zinc-500 dark:text-zinc-400">schedule</span>
        <Link href={`/c/${c}/schedules/${h.schedule_id}`} className={LINK}>
          {h.label ?? h.schedule_id}
        </Link>
        {!compact && h.schedule_status && (
          <span className={cn('text-xs', h.schedule_status === 'PAUSED' ? 'font-semibold text-amber-700 dark:text-amber-300' : 'text-zinc-500 dark:text-zinc-400')}>{h.schedule_status}</span>
        )}
        {!compact && h.recurrence && <span className="text-xs text-zinc-500 dark:text-zinc-400">{h.recurrence}</span>}
      </span>
    );
  }
  return (
    <span data-testid="pts-holder" className="inline-flex min-w-0 max-w-full flex-col">
      <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
        <Link href={jobHref(cluster, h.job_id)} className={LINK}>
          {h.job_type ?? 'job'} <span className="font-mono text-xs">{h.job_id}</span>
        </Link>
        {!compact && <JobStatusBadge status={h.status} executionErrors={null} />}
        {!compact && h.coordinator_id !== null && <span className="text-xs text-zinc-500 dark:text-zinc-400">n{h.coordinator_id}</span>}
      </span>
      {!compact && h.description && <span className="block max-w-[26rem] truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={h.description}>{h.description}</span>}
      {!compact && h.running_status && <span className="text-xs text-amber-800 dark:text-amber-300">{h.running_status}</span>}
    </span>
  );
}

/** The protected time in local time (the age is beside it); the exact UTC time and the raw HLC `ts` on hover. */
export function PtsProtectedAt({ record: r, now }: { record: PtsRecord; now: number }) {
  const ms = r.protected_at === null ? NaN : Date.parse(r.protected_at);
  if (!Number.isFinite(ms)) return <span className="text-zinc-400">—</span>;
  return (
    <span title={`${r.protected_at} (UTC) · ts ${r.ts}`}>
      <LocalTime ms={ms} now={now} relative={false} />
    </span>
  );
}
