'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useNow } from '@/components/hooks/use-now';
import { Empty, PageHeader } from '@/components/schedules/page-header';
import { LocalTime } from '@/components/ui/local-time';
import { cn } from '@/components/ui/cn';
import { firingBreakdown, formatStateFilter, parseStateFilter, toggleState } from '@/lib/domain/alert-view';
import { parseViewParams, queryString, refreshMs } from '@/lib/links';
import type { AlertInstance, AlertRuleInfo, AlertState, ClusterAlertsAnswer } from '@/lib/api/types/alerts';
import { AlertCard } from './alert-card';
import { DEFAULT_WINDOW, StateFilter, WindowPicker } from './alert-filters';
import { Deliveries } from './deliveries';
import { useAlertRules, useClusterAlerts } from './use-alerts';

/** The skeleton: the shape of two alert cards, so the data replaces it without a jump. */
export function AlertsSkeleton() {
  return (
    <div aria-busy aria-label="Loading the alerts" className="flex flex-col gap-3">
      <div className="h-7 w-64 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" />
      {[0, 1].map((i) => (
        <div key={i} className="h-40 animate-pulse rounded-lg border border-l-4 border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" />
      ))}
    </div>
  );
}

function Summary({ data, now }: { data: ClusterAlertsAnswer; now: number }) {
  const c = data.counts;
  const firing = c.firing.critical + c.firing.warning + c.firing.info;
  return (
    <div className="flex flex-col gap-0.5">
      <p data-testid="alerts-summary" className={cn('text-lg font-semibold', c.firing.critical > 0 ? 'text-red-700 dark:text-red-400' : firing > 0 ? 'text-amber-700 dark:text-amber-400' : 'text-emerald-700 dark:text-emerald-400')}>
        {firing > 0 ? `${firing} firing: ${firingBreakdown(c.firing)}` : 'No alerts firing'}
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {data.evaluated_at ? (
          <>
            evaluated at <LocalTime ms={Date.parse(data.evaluated_at)} now={now} className="tabular-nums" />
          </>
        ) : data.evaluating ? (
          'not evaluated yet: the first evaluation follows the first scrape'
        ) : (
          'evaluated by another replica (ALERTS_EVALUATE=false here)'
        )}
      </p>
    </div>
  );
}

function Section({ id, title, count, note, children }: { id: string; title: string; count: number; note?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <h2 id={id} className="text-base font-semibold">
          {title} <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">({count})</span>
        </h2>
        {note && <p className="text-sm text-zinc-500 dark:text-zinc-400">{note}</p>}
      </div>
      {children}
    </section>
  );
}

function List({ label, alerts, now, rules }: { label: string; alerts: AlertInstance[]; now: number; rules: Map<string, AlertRuleInfo> }) {
  return (
    <ol aria-label={label} className="flex flex-col gap-3">
      {alerts.map((a) => (
        <li key={`${a.id}@${a.active_since}`}>
          <AlertCard alert={a} now={now} rule={rules.get(a.rule)} />
        </li>
      ))}
    </ol>
  );
}

const NO_RULES = new Map<string, AlertRuleInfo>();

/**
 * One cluster's alerts: firing (critical first), pending, then resolved in the window, as the API
 * orders them; the state filter and the window live in the URL (`state=`, `from`, `to`), with
 * `refresh=` and `kiosk=1` as on every page. Below them, how notifications are being delivered.
 */
export function AlertsView({ cluster, renderedAt }: { cluster: { id: string; name: string }; renderedAt: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const view = parseViewParams(sp);
  const states = parseStateFilter(sp.get('state'));
  const from = view.from ?? DEFAULT_WINDOW.from;
  const to = view.to ?? DEFAULT_WINDOW.to;
  const now = useNow(renderedAt);
  const { data, error, isLoading } = useClusterAlerts(cluster.id, { state: states, from: view.from, to: view.to }, refreshMs(view.refresh));
  const { data: rulesAnswer } = useAlertRules();
  const rules = rulesAnswer ? new Map(rulesAnswer.rules.map((r) => [r.rule, r])) : NO_RULES;

  // Each change is a history entry: back steps through filters, and the address is the view to paste.
  const go = (patch: { state?: AlertState[]; from?: string; to?: string }) => {
    const next = new URLSearchParams(sp.toString());
    const set = (k: string, v: string | undefined) => (v === undefined ? next.delete(k) : next.set(k, v));
    if (patch.state) set('state', formatStateFilter(patch.state));
    if (patch.from !== undefined) set('from', patch.from === DEFAULT_WINDOW.from ? undefined : patch.from);
    if (patch.to !== undefined) set('to', patch.to === DEFAULT_WINDOW.to ? undefined : patch.to);
    router.push(`${pathname}${queryString(next)}`, { scroll: false });
  };

  const of = (s: AlertState) => (data?.alerts ?? []).filter((a) => a.state === s);
  const firing = of('firing');
  const pending = of('pending');
  const resolved = of('resolved');

  return (
    <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <PageHeader cluster={cluster} crumbs={[{ label: 'alerts' }]} title="Alerts" refresh={view.kiosk ? undefined : view.refresh} />
      {data && <Summary data={data} now={now} />}
      {!view.kiosk && (
        <section aria-label="Filters" className="flex flex-wrap items-start gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Show</span>
            <StateFilter states={states} onToggle={(s) => go({ state: toggleState(states, s) })} />
          </div>
          <div className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Resolved alerts within</span>
            <WindowPicker from={from} to={to} onChange={go} />
          </div>
        </section>
      )}
      {error && (
        <div role="alert" data-testid="alerts-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
          <p className="font-semibold">{data ? 'Could not refresh the alerts; showing the last answer.' : 'Could not load the alerts.'}</p>
          <p className="break-words">{error.message}</p>
        </div>
      )}
      {!data && isLoading && <AlertsSkeleton />}
      {data && (
        <>
          {states.includes('firing') && (
            <Section id="firing-heading" title="Firing" count={firing.length}>
              {firing.length === 0 ? <Empty>No alerts firing</Empty> : <List label="Firing alerts" alerts={firing} now={now} rules={rules} />}
            </Section>
          )}
          {states.includes('pending') && (
            <Section id="pending-heading" title="Pending" count={pending.length}>
              {pending.length === 0 ? (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing pending: no condition is waiting out its “for” duration.</p>
              ) : (
                <List label="Pending alerts" alerts={pending} now={now} rules={rules} />
              )}
            </Section>
          )}
          {states.includes('resolved') && (
            <Section
              id="resolved-heading"
              title="Resolved"
              count={resolved.length}
              note={
                <>
                  between <LocalTime ms={Date.parse(data.from)} now={now} relative={false} /> and <LocalTime ms={Date.parse(data.to)} now={now} relative={false} />
                </>
              }
            >
              {resolved.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing resolved in this window.</p> : <List label="Resolved alerts" alerts={resolved} now={now} rules={rules} />}
            </Section>
          )}
          {!view.kiosk && <Deliveries deliveries={data.deliveries} evaluating={data.evaluating} now={now} />}
        </>
      )}
    </main>
  );
}
