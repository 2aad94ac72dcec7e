import { describe, expect, it } from 'vitest';
import { alertFixture, outcomeFixture, transitionFixture } from './alert-fixtures';
import { ResendTracker } from './resend-tracker';

const T0 = Date.parse('2026-12-01T10:05:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const firing = alertFixture();
const ids = (alerts: { id: string }[]) => alerts.map((a) => a.id);

describe('ResendTracker (Prometheus needsSending)', () => {
  it('sends on the transition, then at most once per resend delay', () => {
    const t = new ResendTracker(60_000);
    expect(ids(t.due(outcomeFixture([firing], [transitionFixture(firing, 'pending', 'firing')]), T0))).toEqual(['a1b2c3']);
    expect(t.due(outcomeFixture([firing]), T0 + 10_000)).toEqual([]);
    expect(t.due(outcomeFixture([firing]), T0 + 50_000)).toEqual([]);
    expect(ids(t.due(outcomeFixture([firing]), T0 + 60_000))).toEqual(['a1b2c3']);
    expect(t.due(outcomeFixture([firing]), T0 + 70_000)).toEqual([]);
  });

  it('never sends a pending instance', () => {
    const t = new ResendTracker(60_000);
    const pending = alertFixture({ state: 'pending', fired_at: null });
    expect(t.due(outcomeFixture([pending], [transitionFixture(pending, 'inactive', 'pending')]), T0)).toEqual([]);
  });

  it('sends a firing alert it has not sent before (a restart) without waiting for a transition', () => {
    expect(ids(new ResendTracker(60_000).due(outcomeFixture([firing]), T0))).toEqual(['a1b2c3']);
  });

  it('sends a resolution at once, re-sends it, and stops 15 minutes after it resolved', () => {
    const t = new ResendTracker(60_000);
    t.due(outcomeFixture([firing]), T0);
    const resolved = alertFixture({ state: 'resolved', resolved_at: at(5_000) });
    expect(ids(t.due(outcomeFixture([resolved], [transitionFixture(resolved, 'firing', 'resolved', at(5_000))]), T0 + 5_000))).toEqual(['a1b2c3']);
    expect(t.due(outcomeFixture([resolved]), T0 + 20_000)).toEqual([]);
    expect(ids(t.due(outcomeFixture([resolved]), T0 + 65_000))).toEqual(['a1b2c3']);
    expect(t.due(outcomeFixture([resolved]), T0 + 5_000 + 15 * 60_000 + 1)).toEqual([]);
  });

  it('sends a resolution that happened after the last send even without its transition', () => {
    const t = new ResendTracker(60_000);
    t.due(outcomeFixture([firing]), T0);
    const resolved = alertFixture({ state: 'resolved', resolved_at: at(5_000) });
    expect(ids(t.due(outcomeFixture([resolved]), T0 + 10_000))).toEqual(['a1b2c3']);
  });

  it('takes an alert from a transition when the outcome list lacks it', () => {
    const t = new ResendTracker(60_000);
    const resolved = alertFixture({ id: 'z9', state: 'resolved', resolved_at: at(0) });
    expect(ids(t.due(outcomeFixture([firing], [transitionFixture(resolved, 'firing', 'resolved')]), T0))).toEqual(['z9', 'a1b2c3']);
  });

  it('keeps clusters apart and forgets alerts no longer listed', () => {
    const t = new ResendTracker(60_000);
    const other = alertFixture({ cluster: 'prod' });
    t.due(outcomeFixture([firing]), T0);
    expect(ids(t.due(outcomeFixture([other]), T0 + 1_000))).toEqual(['a1b2c3']);
    expect(t.due(outcomeFixture([firing]), T0 + 2_000)).toEqual([]);
    t.due(outcomeFixture([], [], at(3_000)), T0 + 3_000);
    expect((t as unknown as { lastSent: Map<string, Map<string, number>> }).lastSent.get('demo')?.size).toBe(0);
  });
});
