import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { cn } from '@/components/ui/cn';
import { formatAlertValue } from '@/lib/format/alert-value';
import { formatDuration } from '@/lib/format/duration';
import type { AlertInstance, AlertRuleInfo } from '@/lib/api/types/alerts';
import { AlertStateBadge, SeverityBadge } from './alert-badges';

const EDGE: Record<string, string> = {
  // dark: too, or the card's dark:border-zinc-800 would win over the plain border-l colour.
  critical: 'border-l-red-600 dark:border-l-red-500',
  warning: 'border-l-amber-500 dark:border-l-amber-500',
  info: 'border-l-sky-500 dark:border-l-sky-500',
  pending: 'border-l-amber-300 dark:border-l-amber-700',
  resolved: 'border-l-zinc-300 dark:border-l-zinc-700',
};

export const ALERT_LINK = 'text-emerald-700 underline underline-offset-2 hover:no-underline dark:text-emerald-400';

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** Since when, in the alert's own terms: pending since / firing since / fired … resolved (and for how long). */
function When({ alert, now, rule }: { alert: AlertInstance; now: number; rule: AlertRuleInfo | undefined }) {
  const active = ms(alert.active_since) as number;
  const fired = ms(alert.fired_at);
  const resolved = ms(alert.resolved_at);
  const t = (v: number) => <LocalTime ms={v} now={now} className="tabular-nums" />;
  if (alert.state === 'pending')
    return (
      <>
        <Fact label="Pending since">{t(active)}</Fact>
        {rule && rule.for_s > 0 && <Fact label="Fires when it holds for">{formatDuration(rule.for_s)}</Fact>}
      </>
    );
  if (alert.state === 'firing')
    return (
      <>
        <Fact label="Firing since">{fired !== null ? t(fired) : '—'}</Fact>
        {fired !== null && fired - active >= 1000 && <Fact label="Condition true since">{t(active)}</Fact>}
      </>
    );
  return (
    <>
      <Fact label="Fired">{fired !== null ? t(fired) : '—'}</Fact>
      <Fact label="Resolved">{resolved !== null ? t(resolved) : '—'}</Fact>
      {fired !== null && resolved !== null && <Fact label="Lasted">{formatDuration((resolved - fired) / 1000)}</Fact>}
    </>
  );
}

/** A runbook may be a URL (ALERTS_FILE can point at a team's page) or the catalog's advice text. */
function Runbook({ text }: { text: string }) {
  if (/^https?:\/\/\S+$/.test(text.trim()))
    return (
      <a href={text.trim()} className={cn(ALERT_LINK, 'break-all')} rel="noreferrer" target="_blank">
        {text.trim()}
      </a>
    );
  return <p className="whitespace-pre-line">{text}</p>;
}

/**
 * One alert: what fires, since when, the value against the threshold, what it is about (labels),
 * why, what to do (the runbook, collapsed) and where to look (its links, real anchors). Everything
 * is in the text, nothing only on hover: a phone has none.
 */
export function AlertCard({ alert, now, rule }: { alert: AlertInstance; now: number; rule: AlertRuleInfo | undefined }) {
  const headingId = `alert-${alert.id}-${alert.active_since}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const value = formatAlertValue(alert.value, alert.threshold, rule?.threshold_unit);
  const labels = Object.entries(alert.labels);
  return (
    <article
      aria-labelledby={headingId}
      data-testid="alert"
      data-rule={alert.rule}
      data-state={alert.state}
      data-severity={alert.severity}
      className={cn(
        'flex min-w-0 flex-col gap-2 rounded-lg border border-l-4 border-zinc-200 bg-white px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900',
        alert.state === 'firing' ? EDGE[alert.severity] : EDGE[alert.state],
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={alert.severity} tone={alert.state === 'firing' ? 'solid' : alert.state === 'pending' ? 'soft' : 'muted'} />
        <AlertStateBadge state={alert.state} />
        <code data-testid="alert-rule" className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
          {alert.rule}
        </code>
      </div>
      <h3 id={headingId} className="text-base font-semibold break-words">
        {alert.summary}
      </h3>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 min-[420px]:grid-cols-2 md:grid-cols-4">
        <When alert={alert} now={now} rule={rule} />
        {value && (
          <Fact label="Value · threshold">
            <span data-testid="alert-value" className="tabular-nums">
              {value.value ?? '—'}
              {value.threshold !== null && <span className="text-zinc-500 dark:text-zinc-400"> · threshold {value.threshold}</span>}
            </span>
          </Fact>
        )}
      </dl>
      {labels.length > 0 && (
        <ul aria-label="Labels" className="flex flex-wrap gap-1.5">
          {labels.map(([k, v]) => (
            <li key={k} className="max-w-full rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              {k}=<span className="text-zinc-900 dark:text-zinc-100">{v}</span>
            </li>
          ))}
        </ul>
      )}
      {alert.description && <p className="text-sm break-words text-zinc-700 dark:text-zinc-300">{alert.description}</p>}
      {alert.links.length > 0 && (
        <ul aria-label={`Links for ${alert.rule}`} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {alert.links.map((l) => (
            <li key={`${l.label}|${l.href}`} className="min-w-0">
              <Link href={l.href} prefetch={false} className={cn(ALERT_LINK, 'break-words')}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {alert.runbook && (
        <details className="group text-sm">
          <summary className="w-fit cursor-pointer rounded font-medium text-zinc-700 select-none hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:text-zinc-300 dark:hover:text-zinc-50">Runbook</summary>
          <div className="mt-1 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
            <Runbook text={alert.runbook} />
          </div>
        </details>
      )}
    </article>
  );
}
