/**
 * The alert life cycle, as Prometheus's: an instance (rule + labels) whose condition holds becomes
 * pending, fires once it has held for the rule's `for`, and resolves when the condition stops
 * holding; a pending instance whose condition goes away just disappears. Times are the dashboard's
 * wall clock. A rule whose evidence is unavailable (SQL down, no node answering) keeps its
 * instances as they are: unknown is not resolved. Pure.
 */
import { createHash } from 'node:crypto';
import type { Candidate, RuleDef, RuleSettings } from './rule-types';
import type { AlertInstance, AlertTransition } from './types';

export interface RuleOutcome {
  def: RuleDef;
  settings: RuleSettings;
  /** null: evidence unavailable, hold. A disabled rule passes []. */
  candidates: Candidate[] | null;
}

/** Stable across restarts and replicas: the rule and its sorted labels. */
export function alertId(cluster: string, rule: string, labels: Record<string, string>): string {
  const key = JSON.stringify([cluster, rule, Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function advance(cluster: string, active: readonly AlertInstance[], outcomes: readonly RuleOutcome[], nowMs: number): { active: AlertInstance[]; resolved: AlertInstance[]; transitions: AlertTransition[] } {
  const now = new Date(nowMs).toISOString();
  const byRule = new Map<string, AlertInstance[]>();
  for (const a of active) byRule.set(a.rule, [...(byRule.get(a.rule) ?? []), a]);
  const next: AlertInstance[] = [];
  const resolved: AlertInstance[] = [];
  const transitions: AlertTransition[] = [];
  const seenRules = new Set<string>();

  for (const { def, settings, candidates } of outcomes) {
    seenRules.add(def.rule);
    const prev = byRule.get(def.rule) ?? [];
    if (candidates === null) {
      next.push(...prev);
      continue;
    }
    const prevById = new Map(prev.map((a) => [a.id, a]));
    const live = new Set<string>();
    for (const c of settings.enabled ? candidates : []) {
      const id = alertId(cluster, def.rule, c.labels);
      if (live.has(id)) continue;
      live.add(id);
      const before = prevById.get(id);
      const base: AlertInstance = {
        id,
        cluster,
        rule: def.rule,
        severity: settings.severity,
        state: before?.state ?? 'pending',
        active_since: before?.active_since ?? now,
        fired_at: before?.fired_at ?? null,
        resolved_at: null,
        evaluated_at: now,
        value: c.value,
        threshold: c.threshold !== undefined ? c.threshold : settings.threshold,
        labels: c.labels,
        summary: c.summary,
        description: c.description,
        runbook: def.runbook,
        links: c.links,
        metrics: def.metrics,
      };
      const heldS = (nowMs - Date.parse(base.active_since)) / 1000;
      if (base.state === 'pending' && heldS >= settings.for_s) {
        const from = before ? 'pending' : 'inactive';
        base.state = 'firing';
        base.fired_at = now;
        transitions.push({ alert: base, from, to: 'firing', at: now });
      } else if (!before) {
        transitions.push({ alert: base, from: 'inactive', to: 'pending', at: now });
      }
      next.push(base);
    }
    for (const a of prev) {
      if (live.has(a.id)) continue;
      if (a.state === 'firing') {
        const r: AlertInstance = { ...a, state: 'resolved', resolved_at: now, evaluated_at: now };
        resolved.push(r);
        transitions.push({ alert: r, from: 'firing', to: 'resolved', at: now });
      } else {
        transitions.push({ alert: { ...a, evaluated_at: now }, from: 'pending', to: 'inactive', at: now });
      }
    }
  }
  // Instances of rules no longer in the catalog: resolve them rather than keep them forever.
  for (const [rule, list] of byRule) {
    if (seenRules.has(rule)) continue;
    for (const a of list) {
      if (a.state !== 'firing') continue;
      const r: AlertInstance = { ...a, state: 'resolved', resolved_at: now, evaluated_at: now };
      resolved.push(r);
      transitions.push({ alert: r, from: 'firing', to: 'resolved', at: now });
    }
  }
  return { active: next, resolved, transitions };
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;
const STATE_RANK = { firing: 0, pending: 1, resolved: 2 } as const;

/** Firing first (critical before warning), then pending, then resolved newest first. */
export function byUrgency(a: AlertInstance, b: AlertInstance): number {
  if (a.state !== b.state) return STATE_RANK[a.state] - STATE_RANK[b.state];
  if (a.state === 'resolved') return (b.resolved_at ?? '').localeCompare(a.resolved_at ?? '') || a.rule.localeCompare(b.rule);
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.active_since.localeCompare(b.active_since) || a.rule.localeCompare(b.rule);
}
