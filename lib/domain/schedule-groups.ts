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

/** The most recent finished run (runs are newest first), or undefined. */
function lastFinished(r: Pick<ScheduleRow, 'runs'>) {
  return r.runs.find((x) => x.finished !== null || x.status === 'failed');
}

/** "failing": the most recent finished run failed. */
export function isFailing(r: Pick<ScheduleRow, 'runs'>): boolean {
  return lastFinished(r)?.status === 'failed';
}

/** The newest failed run among the failing members, newest first by finish (or creation) time. */
function newestFailure(members: ScheduleRow[]): ScheduleGroup['failure'] {
  const at = (t: string | null) => (t === null ? -Infinity : Date.parse(t));
  let best: ScheduleGroup['failure'] = null;
  for (const m of members.filter(isFailing)) {
    const run = lastFinished(m);
    if (!run) continue;
    const f = { schedule_id: m.id, job_id: run.job_id, finished: run.finished ?? run.created, error: run.error };
    if (!best || at(f.finished) > at(best.finished)) best = f;
  }
  return best;
}

/**
 * What a click on the group should open: the failing schedule; else, when late or stale, the one
 * with the shortest cadence (it sets the group's expected interval: usually the incremental); else a
 * forgotten paused one; else the full.
 */
function focusOf(members: ScheduleRow[], problems: Problem[], failure: ScheduleGroup['failure']): string {
  if (failure) return failure.schedule_id;
  if (problems.includes('stale') || problems.includes('late')) {
    const timed = members.filter((m) => (m.freshness.expected_interval_s ?? 0) > 0);
    if (timed.length > 0) return timed.reduce((a, b) => ((b.freshness.expected_interval_s as number) < (a.freshness.expected_interval_s as number) ? b : a)).id;
  }
  const paused = members.find((m) => isPaused(m) && !awaitingFirstFull(m));
  return (problems.includes('paused') && paused ? paused : members[0]).id;
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
    const problems = problemsOf(members, { freshness });
    const failure = problems.includes('failing') ? newestFailure(members) : null;
    groups.push({
      key: members[0].id,
      label: members[0].label,
      collection: members[0].collection,
      schedule_ids: members.map((m) => m.id),
      freshness,
      problems,
      focus_id: focusOf(members, problems, failure),
      failure,
    });
  }
  return groups.sort((a, b) => rank(a) - rank(b) || (a.label ?? '').localeCompare(b.label ?? '') || a.key.localeCompare(b.key));
}
