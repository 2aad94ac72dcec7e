/**
 * Full and incremental schedules of one backup shown as one group, and the groups ordered problems
 * first: a stale, late, failing or (forgotten) paused backup is what the on-call engineer opened the
 * page for. Pure.
 */
import type { ScheduleGroup, ScheduleRow } from '../api/types/schedules';
import { groupFreshness, type FreshnessPolicy } from './freshness';

export const PROBLEMS = ['stale', 'late', 'failing', 'paused'] as const;
export type Problem = (typeof PROBLEMS)[number];

type PairInput = Pick<ScheduleRow, 'id' | 'label' | 'backup_type' | 'collection'> & { unpause_on_success?: string | null };

/**
 * Schedule id → the other schedule of its pair. CREATE SCHEDULE FOR BACKUP makes two schedules and
 * writes the incremental's id into the full's `unpause_on_success` (reference §c.4); when that is
 * absent (ALTERed schedules, older versions), a FULL and an INCREMENTAL with the same label and
 * collection are a pair.
 */
export function pairSchedules(rows: PairInput[]): Map<string, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pair = new Map<string, string>();
  const link = (a: string, b: string) => {
    if (a === b || pair.has(a) || pair.has(b)) return;
    pair.set(a, b);
    pair.set(b, a);
  };
  for (const r of rows) if (r.unpause_on_success && byId.has(r.unpause_on_success)) link(r.id, r.unpause_on_success);
  const fulls = rows.filter((r) => r.backup_type === 'FULL' && !pair.has(r.id));
  for (const f of fulls) {
    const inc = rows.find((r) => r.backup_type === 'INCREMENTAL' && !pair.has(r.id) && r.label === f.label && r.collection !== null && r.collection === f.collection);
    if (inc) link(f.id, inc.id);
  }
  return pair;
}

/** The incremental CockroachDB creates paused until the first full completes is not a forgotten pause. */
function awaitingFirstFull(r: ScheduleRow): boolean {
  return /waiting for initial backup/i.test(r.state ?? '');
}

export function isPaused(r: Pick<ScheduleRow, 'schedule_status'>): boolean {
  return (r.schedule_status ?? '').toUpperCase() === 'PAUSED';
}

/** "failing": the most recent finished run failed (runs are newest first). */
export function isFailing(r: Pick<ScheduleRow, 'runs'>): boolean {
  const last = r.runs.find((x) => x.finished !== null || x.status === 'failed');
  return last?.status === 'failed';
}

function problemsOf(members: ScheduleRow[], g: Pick<ScheduleGroup, 'freshness'>): Problem[] {
  const out: Problem[] = [];
  if (g.freshness.status === 'stale' || g.freshness.status === 'late') out.push(g.freshness.status);
  if (members.some(isFailing)) out.push('failing');
  if (members.some((m) => isPaused(m) && !awaitingFirstFull(m))) out.push('paused');
  return out;
}

const rank = (g: ScheduleGroup) => {
  const i = PROBLEMS.indexOf(g.problems[0] as Problem);
  return i < 0 ? PROBLEMS.length : i;
};

/** Groups (full first), problems first: stale, late, failing, paused, then the healthy ones by label. */
export function groupSchedules(rows: ScheduleRow[], nowMs: number, policy?: FreshnessPolicy): ScheduleGroup[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const groups: ScheduleGroup[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    const other = r.paired_with ? byId.get(r.paired_with) : undefined;
    const members = (other ? [r, other] : [r]).sort((a, b) => Number(b.backup_type === 'FULL') - Number(a.backup_type === 'FULL'));
    for (const m of members) seen.add(m.id);
    const freshness = groupFreshness(
      members.map((m) => ({
        lastSuccessMs: m.last_success === null ? null : Date.parse(m.last_success),
        lastSuccess: m.last_success,
        intervalS: m.freshness.expected_interval_s,
        paused: isPaused(m),
      })),
      nowMs,
      policy,
    );
    const g: ScheduleGroup = { key: members[0].id, label: members[0].label, collection: members[0].collection, schedule_ids: members.map((m) => m.id), freshness, problems: [] };
    g.problems = problemsOf(members, g);
    groups.push(g);
  }
  return groups.sort((a, b) => rank(a) - rank(b) || (a.label ?? '').localeCompare(b.label ?? '') || a.key.localeCompare(b.key));
}
