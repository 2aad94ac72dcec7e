import type { AuditEvent, AuditKind } from '@/lib/api/types/audit';
import { cn } from '@/components/ui/cn';
import { LocalTime } from '@/components/ui/local-time';

const KIND_LABEL: Record<AuditKind, string> = { sign_in: 'Sign-in', sign_in_failed: 'Failed sign-in', job_control: 'Job control', schedule_control: 'Schedule control' };

/** ok / failed / denied, from the outcome's first word (lib/api/control-access.ts writes it so). */
function tone(e: AuditEvent): 'ok' | 'bad' {
  return e.kind === 'sign_in_failed' || /^(failed|denied)\b/.test(e.outcome) ? 'bad' : 'ok';
}

/** One event as a card, for a phone: the same fields, stacked. */
function AuditCard({ e, now }: { e: AuditEvent; now: number }) {
  return (
    <li data-testid="audit-card" className="flex flex-col gap-1 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <span className="font-medium">
          {e.user} <span className="font-normal text-zinc-600 dark:text-zinc-400">{e.role ?? ''}</span>
        </span>
        <LocalTime ms={Date.parse(e.at)} now={now} className="text-xs" />
      </div>
      <div className="text-xs text-zinc-600 dark:text-zinc-400">
        {KIND_LABEL[e.kind]}
        {e.cluster && ` · ${e.cluster}`} · from <span className="font-mono">{e.remote}</span>
      </div>
      {e.statement && <div className="font-mono text-xs break-all">{e.statement}</div>}
      <div className={cn('break-words', tone(e) === 'bad' ? 'text-red-700 dark:text-red-400' : 'text-emerald-800 dark:text-emerald-300')}>{e.outcome}</div>
    </li>
  );
}

/**
 * The audit trail as a table, newest first (a list of cards on a phone). Every value is text from the store (user names and
 * statements are data, never markup); long statements and outcomes wrap, the rest stays on a line
 * on a phone each event is a card.
 */
export function AuditTable({ events, now }: { events: AuditEvent[]; now: number }) {
  if (events.length === 0) {
    return <p className="rounded-md border border-dashed border-zinc-300 px-4 py-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">Nothing recorded yet: sign-ins and control actions appear here.</p>;
  }
  return (
    <>
      <ul aria-label="Audit trail" className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white sm:hidden dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {events.map((e, i) => (
          <AuditCard key={`${e.at}-${i}`} e={e} now={now} />
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg sm:block border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table aria-label="Audit trail" className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              {['When', 'User', 'Role', 'What', 'Cluster', 'Statement', 'Outcome', 'From'].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {events.map((e, i) => (
              <tr key={`${e.at}-${i}`} data-testid="audit-row" data-kind={e.kind} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap">
                  <LocalTime ms={Date.parse(e.at)} now={now} />
                </td>
                <td className="px-3 py-2 font-medium whitespace-nowrap">{e.user}</td>
                <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{e.role ?? '—'}</td>
                <td className="px-3 py-2 whitespace-nowrap">{KIND_LABEL[e.kind]}</td>
                <td className="px-3 py-2 whitespace-nowrap">{e.cluster ?? '—'}</td>
                <td className="min-w-48 px-3 py-2 font-mono text-xs break-all">{e.statement ?? '—'}</td>
                <td className={cn('min-w-56 px-3 py-2 break-words', tone(e) === 'bad' ? 'text-red-700 dark:text-red-400' : 'text-emerald-800 dark:text-emerald-300')}>{e.outcome}</td>
                <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">{e.remote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
