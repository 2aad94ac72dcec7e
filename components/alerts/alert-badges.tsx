import { cn } from '@/components/ui/cn';
import type { AlertState, Severity } from '@/lib/api/types/alerts';

const SEVERITY_TONE: Record<Severity, string> = {
  critical: 'bg-red-600 text-white ring-red-700 dark:bg-red-500 dark:text-white dark:ring-red-400',
  warning: 'bg-amber-400 text-black ring-amber-500 dark:bg-amber-400 dark:text-black dark:ring-amber-300',
  info: 'bg-sky-100 text-sky-900 ring-sky-600/30 dark:bg-sky-900/50 dark:text-sky-100',
};

const SOFT: Record<Severity, string> = {
  critical: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950/50 dark:text-red-200 dark:ring-red-500/50',
  warning: 'bg-amber-50 text-amber-900 ring-amber-500/50 dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-500/50',
  info: SEVERITY_TONE.info,
};

/**
 * critical / warning / info: solid while firing (the job status badges are the quieter family),
 * soft while pending (not firing yet), grey once resolved (it no longer needs anyone).
 */
export function SeverityBadge({ severity, tone = 'solid' }: { severity: Severity; tone?: 'solid' | 'soft' | 'muted' }) {
  return (
    <span
      data-testid="alert-severity"
      data-severity={severity}
      className={cn(
        'inline-flex items-center rounded px-1.5 py-0.5 text-xs font-bold tracking-wide whitespace-nowrap uppercase ring-1 ring-inset',
        tone === 'muted' ? 'bg-zinc-100 text-zinc-700 ring-zinc-400/40 dark:bg-zinc-800 dark:text-zinc-300' : tone === 'soft' ? SOFT[severity] : SEVERITY_TONE[severity],
      )}
    >
      {severity}
    </span>
  );
}

const STATE_TONE: Record<AlertState, string> = {
  firing: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/60 dark:text-red-200',
  pending: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200',
  resolved: 'bg-emerald-50 text-emerald-900 ring-emerald-600/20 dark:bg-emerald-950/50 dark:text-emerald-200',
};

export function AlertStateBadge({ state }: { state: AlertState }) {
  return (
    <span data-testid="alert-state" data-state={state} className={cn('inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', STATE_TONE[state])}>
      {state}
    </span>
  );
}
