/**
 * The fleet's order and its table's sorting and filtering: pure, shared by the API (problems first)
 * and the page (any column, from the URL). A cluster with a stale backup, a critical alert, SQL
 * unreachable or no node scraped needs attention first; one with a late or failing backup, a
 * warning, a blind spot or a recent failure next; healthy ones last. Unknown is never healthy.
 */
import type { FleetCluster } from '../api/types/fleet';
import { formatDuration } from '../format/duration';

export type FleetFacts = Omit<FleetCluster, 'rank' | 'problems'>;

const TIERS = { critical: 0, warning: 1, healthy: 2 } as const;

/** Why the cluster needs attention, worst first, and its tier (0 critical, 1 warning, 2 healthy). */
export function fleetProblems(c: FleetFacts): { rank: number; problems: string[] } {
  const critical: string[] = [];
  const warning: string[] = [];
  const fr = c.freshness;
  if (c.alerts && c.alerts.critical > 0) critical.push(`${c.alerts.critical} critical alert${c.alerts.critical === 1 ? '' : 's'} firing`);
  if (fr?.worst === 'stale') critical.push(`backup ${fr.label ?? fr.schedule_ids[0] ?? ''} is stale`.replace(/ +/g, ' '));
  if (c.sql_reachable === false) critical.push('SQL unreachable');
  if (c.nodes_total > 0 && c.nodes_up === 0) critical.push('no node scraped');
  else if (c.nodes_up < c.nodes_total) warning.push(`${c.nodes_total - c.nodes_up} of ${c.nodes_total} nodes not scraped`);
  if (c.alerts && c.alerts.warning > 0) warning.push(`${c.alerts.warning} warning${c.alerts.warning === 1 ? '' : 's'} firing`);
  if (fr?.worst === 'late') warning.push(`backup ${fr.label ?? ''} is late`);
  if (fr && fr.worst !== 'stale' && fr.problems.includes('failing')) warning.push(`backup ${fr.label ?? ''} is failing`);
  if (fr?.worst === 'unknown') warning.push(`backup ${fr.label ?? ''} never succeeded`);
  if (fr && fr.with_problems > 1) warning.push(`${fr.with_problems} backups with problems`);
  if (c.jobs.failed_24h !== null && c.jobs.failed_24h > 0) warning.push(`${c.jobs.failed_24h} failed job${c.jobs.failed_24h === 1 ? '' : 's'} in 24 h`);
  if (c.jobs.paused !== null && c.jobs.paused > 0) warning.push(`${c.jobs.paused} paused job${c.jobs.paused === 1 ? '' : 's'}`);
  const rank = critical.length > 0 ? TIERS.critical : warning.length > 0 ? TIERS.warning : TIERS.healthy;
  return { rank, problems: [...critical, ...warning] };
}

/** Problems first: tier, then more problems, then name. */
export function byProblems(a: FleetCluster, b: FleetCluster): number {
  return a.rank - b.rank || b.problems.length - a.problems.length || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

const FRESHNESS_ORDER = { stale: 0, late: 1, unknown: 2, ok: 3 } as const;

/** Columns the table sorts by (`sort=` in the URL; `-` for descending). */
export const FLEET_SORT_KEYS = ['problems', 'name', 'version', 'nodes', 'freshness', 'alerts', 'pts', 'running', 'paused', 'failed', 'scraped', 'sql'] as const;
export type FleetSortKey = (typeof FLEET_SORT_KEYS)[number];
export interface FleetSort {
  key: FleetSortKey;
  desc: boolean;
}

/** The value a column sorts by; null sorts last whichever the direction (unknown is not "least"). */
function sortValue(c: FleetCluster, key: FleetSortKey): number | string | null {
  switch (key) {
    case 'problems':
      return c.rank * 1000 - c.problems.length;
    case 'name':
      return c.name.toLowerCase();
    case 'version':
      return c.version === null ? null : versionKey(c.version);
    case 'nodes':
      return c.nodes_total === 0 ? null : c.nodes_up / c.nodes_total;
    case 'freshness':
      return c.freshness?.worst == null ? null : FRESHNESS_ORDER[c.freshness.worst];
    case 'alerts':
      // More critical first when ascending reads "worst first": critical count weighs above warnings.
      return c.alerts === null ? null : -(c.alerts.critical * 1000 + c.alerts.warning);
    case 'pts':
      return c.oldest_pts_age_s === null ? null : -c.oldest_pts_age_s;
    case 'running':
      return c.jobs.running === null ? null : -c.jobs.running;
    case 'paused':
      return c.jobs.paused === null ? null : -c.jobs.paused;
    case 'failed':
      return c.jobs.failed_24h === null ? null : -c.jobs.failed_24h;
    case 'scraped':
      return c.scraped_at === null ? null : Date.parse(c.scraped_at);
    case 'sql':
      return c.sql_reachable === null ? null : Number(c.sql_reachable);
  }
}

/** 'v24.3.8' → '00024.00003.00008', so versions sort as numbers. */
function versionKey(v: string): string {
  return (v.match(/\d+/g) ?? []).slice(0, 3).map((n) => n.padStart(5, '0')).join('.');
}

/** Sorted by a column (ties: problems first); ascending puts the worst first where a column has a "worst". */
export function sortFleet(clusters: readonly FleetCluster[], sort: FleetSort): FleetCluster[] {
  return [...clusters].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? byProblems(a, b) : va === null ? 1 : -1;
    const cmp = va < vb ? -1 : va > vb ? 1 : 0;
    return (sort.desc ? -cmp : cmp) || byProblems(a, b);
  });
}

/** `sort=-freshness` → {key: 'freshness', desc: true}; anything unknown → problems first. */
export function parseFleetSort(raw: string | null | undefined): FleetSort {
  const desc = raw?.startsWith('-') ?? false;
  const key = (desc ? raw!.slice(1) : (raw ?? '')) as FleetSortKey;
  return (FLEET_SORT_KEYS as readonly string[]).includes(key) ? { key, desc } : { key: 'problems', desc: false };
}

export function formatFleetSort(s: FleetSort): string | null {
  return s.key === 'problems' && !s.desc ? null : `${s.desc ? '-' : ''}${s.key}`;
}

/** `q=` matches the name or the id, case-insensitive; several words must all match. */
export function filterFleet(clusters: readonly FleetCluster[], q: string | null | undefined): FleetCluster[] {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...clusters];
  return clusters.filter((c) => words.every((w) => c.name.toLowerCase().includes(w) || c.id.includes(w)));
}

/** "3 h 12 min" for an age in seconds; "—" for unknown. */
export function fleetAge(s: number | null): string {
  return s === null ? '—' : formatDuration(s);
}
