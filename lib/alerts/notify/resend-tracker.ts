import type { AlertInstance, EvaluationOutcome } from '../types';

/** Prometheus keeps a resolved alert, and keeps re-sending it, for 15 minutes (resolvedRetention). */
export const RESOLVED_RETENTION_MS = 15 * 60_000;

/**
 * Which alerts go to Alertmanager after an evaluation, as Prometheus's `needsSending` decides
 * (rules/alerting.go): never a pending one; a firing or resolved one when it changed state in this
 * evaluation, when it resolved after it was last sent, or when the resend delay has passed since.
 * Alertmanager forgets an alert whose `endsAt` passed, so the resends are what keep it firing.
 */
export class ResendTracker {
  /** alert id → when it was last sent, per cluster (each cluster's outcome lists only its own alerts). */
  private readonly lastSent = new Map<string, Map<string, number>>();

  constructor(private readonly resendDelayMs: number) {}

  due(outcome: EvaluationOutcome, nowMs: number): AlertInstance[] {
    const sent = this.lastSent.get(outcome.cluster) ?? new Map<string, number>();
    const changed = new Set(outcome.transitions.filter((t) => t.to === 'firing' || t.to === 'resolved').map((t) => t.alert.id));

    // The outcome's list is the state after the evaluation; a transition's alert fills in one the list lacks.
    const current = new Map<string, AlertInstance>();
    for (const t of outcome.transitions) current.set(t.alert.id, t.alert);
    for (const a of outcome.alerts) current.set(a.id, a);

    const due: AlertInstance[] = [];
    const keep = new Map<string, number>();
    for (const a of current.values()) {
      if (a.state === 'pending') continue;
      const resolvedMs = a.resolved_at ? Date.parse(a.resolved_at) : NaN;
      if (a.state === 'resolved' && !(nowMs - resolvedMs <= RESOLVED_RETENTION_MS)) continue;
      const last = sent.get(a.id);
      // `<=`, not Prometheus's strict Before: with an evaluation interval equal to the delay, a
      // strict test skips every other evaluation and the resends come at twice the delay.
      const needs = changed.has(a.id) || last === undefined || resolvedMs > last || last + this.resendDelayMs <= nowMs;
      if (needs) due.push(a);
      keep.set(a.id, needs || last === undefined ? nowMs : last);
    }
    // Alerts no longer listed (resolved long ago, or gone) are forgotten: the map stays as small as the outcome.
    this.lastSent.set(outcome.cluster, keep);
    return due;
  }
}
