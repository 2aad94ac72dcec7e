import Link from 'next/link';
import { FreshnessBadge } from '@/components/schedules/freshness-badge';
import { scheduleHref, schedulesHref } from '@/components/schedules/hrefs';
import { cn } from '@/components/ui/cn';
import type { FleetCluster } from '@/lib/api/types/fleet';
import { fleetAge } from '@/lib/domain/fleet';
import { jobsHref } from '@/lib/jobs/href';
import { formatAgo } from '@/lib/format/duration';
import { protectedTimestampsHref } from '@/lib/links';

/**
 * The cells of one fleet line, shared by the table (wide screens) and the cards (phones). Each
 * links into the cluster's page for it; a part that cannot be known says why instead of a zero.
 */
const enc = encodeURIComponent;
const link = 'underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600';
const muted = 'text-zinc-500 dark:text-zinc-400';

export function NodesCell({ c }: { c: FleetCluster }) {
  if (c.scraped_at === null) return <span className={muted}>scraping…</span>;
  const blind = c.nodes_up < c.nodes_total;
  return (
    <Link href={`/c/${enc(c.id)}`} className={cn(link, 'tabular-nums', blind ? 'font-semibold text-red-600 dark:text-red-400' : '')} title={blind ? `${c.nodes_total - c.nodes_up} node(s) not scraped: a blind spot` : 'every node scraped'}>
      {c.nodes_up}/{c.nodes_total}
    </Link>
  );
}

export function FreshnessCell({ c }: { c: FleetCluster }) {
  const f = c.freshness;
  const sqlError = c.errors.find((e) => e.part === 'sql');
  if (!f) {
    if (sqlError || c.sql_reachable === false) return <span className="text-red-600 dark:text-red-400" title={sqlError?.message}>unknown: SQL unreachable</span>;
    return <span className={muted}>{c.sql_reachable === null && c.version === null ? 'reading…' : 'no SQL configured'}</span>;
  }
  if (f.total === 0 || f.worst === null) return <span className="text-amber-700 dark:text-amber-300">no backup schedules</span>;
  const href = f.schedule_ids[0] ? scheduleHref(c.id, f.schedule_ids[0]) : schedulesHref(c.id);
  return (
    <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <FreshnessBadge status={f.worst} reason={f.problems.length ? f.problems.join(', ') : 'every backup fresh'} />
      <Link href={href} className={cn(link, 'font-medium')} data-testid="fleet-freshness-link">
        {f.label ?? f.schedule_ids[0]}
      </Link>
      {f.problems.filter((p) => p !== f.worst).map((p) => (
        <span key={p} className="text-xs font-semibold text-amber-700 uppercase dark:text-amber-300">
          {p}
        </span>
      ))}
      {f.with_problems > 1 && (
        <Link href={schedulesHref(c.id)} className={cn(link, 'text-xs', muted)}>
          +{f.with_problems - 1} more
        </Link>
      )}
    </span>
  );
}

export function AlertsCell({ c }: { c: FleetCluster }) {
  if (!c.alerts) return <span className={muted}>not evaluated</span>;
  const { critical, warning } = c.alerts;
  if (critical + warning === 0) return <Link href={`/c/${enc(c.id)}/alerts`} className={cn(link, muted)}>none</Link>;
  return (
    <Link href={`/c/${enc(c.id)}/alerts?state=firing`} className={cn(link, 'inline-flex gap-1.5 font-semibold tabular-nums')} aria-label={`${critical} critical, ${warning} warning alerts firing`}>
      {critical > 0 && <span className="rounded bg-red-600 px-1.5 whitespace-nowrap text-white dark:bg-red-500">{critical} crit</span>}
      {warning > 0 && <span className="rounded bg-amber-400 px-1.5 whitespace-nowrap text-black">{warning} warn</span>}
    </Link>
  );
}

export function PtsCell({ c }: { c: FleetCluster }) {
  const age = c.oldest_pts_age_s;
  const tone = age === null ? muted : age > 86_400 ? 'font-semibold text-red-600 dark:text-red-400' : age > 3_600 ? 'font-semibold text-amber-700 dark:text-amber-300' : '';
  return (
    <Link href={protectedTimestampsHref(c.id)} className={cn(link, 'tabular-nums', tone)} title="the oldest protected timestamp a backup, restore or schedule holds (max over nodes)">
      {age === null ? '—' : age === 0 ? 'none' : fleetAge(age)}
    </Link>
  );
}

export function JobsCell({ c }: { c: FleetCluster }) {
  const j = c.jobs;
  const n = (v: number | null) => (v === null ? '—' : String(v));
  return (
    <span className="inline-flex flex-wrap gap-x-2 tabular-nums">
      <Link href={jobsHref(c.id, { status: ['running'] })} className={link} title="backup and restore jobs running">
        {n(j.running)} <span className={muted}>running</span>
      </Link>
      <Link href={jobsHref(c.id, { status: ['paused'] })} className={cn(link, j.paused ? 'font-semibold text-amber-700 dark:text-amber-300' : '')} title="backup and restore jobs paused">
        {n(j.paused)} <span className={muted}>paused</span>
      </Link>
      <Link href={jobsHref(c.id, { status: ['failed'], from: 'now-24h' })} className={cn(link, j.failed_24h ? 'font-semibold text-red-600 dark:text-red-400' : '')} title="backup and restore jobs failed in the last 24 h">
        {n(j.failed_24h)} <span className={muted}>failed 24 h</span>
      </Link>
    </span>
  );
}

export function ScrapedCell({ c, now }: { c: FleetCluster; now: number }) {
  if (c.scraped_at === null) return <span className={muted}>not yet</span>;
  return (
    <span className="whitespace-nowrap tabular-nums" title={c.scraped_at}>
      {formatAgo(Math.max(0, (now - Date.parse(c.scraped_at)) / 1000))}
    </span>
  );
}

export function SqlCell({ c }: { c: FleetCluster }) {
  const err = c.errors.find((e) => e.part === 'sql');
  if (c.sql_reachable === null) return <span className={muted}>—</span>;
  return c.sql_reachable ? (
    <span className="text-emerald-700 dark:text-emerald-400">yes</span>
  ) : (
    <span className="font-semibold text-red-600 dark:text-red-400" title={err?.message}>
      no
    </span>
  );
}

export function ClusterCell({ c }: { c: FleetCluster }) {
  return (
    <span className="flex flex-col">
      <Link href={`/c/${enc(c.id)}`} className={cn(link, 'font-semibold text-zinc-900 dark:text-zinc-50')}>
        {c.name}
      </Link>
      <span className={cn('text-xs', muted)}>
        {c.id} · {c.version ?? 'version unknown'}
      </span>
    </span>
  );
}
