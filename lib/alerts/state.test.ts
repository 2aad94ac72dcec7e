import { describe, expect, it } from 'vitest';
import { ruleById } from './catalog';
import type { Candidate, RuleSettings } from './rule-types';
import { advance, alertId, byUrgency, type RuleOutcome } from './state';
import type { AlertInstance } from './types';

const def = ruleById('backup_jobs_paused')!;
const S = (over: Partial<RuleSettings> = {}): RuleSettings => ({ ...def.defaults, for_s: 60, ...over });
const cand = (labels: Record<string, string> = {}, value = 1): Candidate => ({ labels, value, summary: 's', description: 'd', links: [] });
const out = (candidates: Candidate[] | null, settings = S()): RuleOutcome[] => [{ def, settings, candidates }];
const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('advance: inactive → pending → firing → resolved', () => {
  it('holds pending for `for`, then fires, then resolves when the condition goes', () => {
    let s = advance('c', [], out([cand()]), T0);
    expect(s.active[0]).toMatchObject({ state: 'pending', active_since: '2026-12-01T10:00:00.000Z', fired_at: null });
    expect(s.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['inactive>pending']);
    s = advance('c', s.active, out([cand({}, 2)]), T0 + 59_000);
    expect(s.active[0].state).toBe('pending');
    expect(s.transitions).toEqual([]);
    s = advance('c', s.active, out([cand({}, 3)]), T0 + 60_000);
    expect(s.active[0]).toMatchObject({ state: 'firing', fired_at: '2026-12-01T10:01:00.000Z', value: 3, active_since: '2026-12-01T10:00:00.000Z' });
    expect(s.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['pending>firing']);
    s = advance('c', s.active, out([]), T0 + 120_000);
    expect(s.active).toEqual([]);
    expect(s.resolved[0]).toMatchObject({ state: 'resolved', resolved_at: '2026-12-01T10:02:00.000Z', fired_at: '2026-12-01T10:01:00.000Z' });
    expect(s.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['firing>resolved']);
  });

  it('fires at once with for 0, and a pending instance whose condition goes away just disappears', () => {
    const now = advance('c', [], out([cand()], S({ for_s: 0 })), T0);
    expect(now.active[0].state).toBe('firing');
    expect(now.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['inactive>firing']);
    const p = advance('c', [], out([cand()]), T0);
    const gone = advance('c', p.active, out([]), T0 + 1000);
    expect(gone.active).toEqual([]);
    expect(gone.resolved).toEqual([]);
    expect(gone.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['pending>inactive']);
  });

  it('holds every instance unchanged while the evidence is unavailable (null)', () => {
    const f = advance('c', [], out([cand()], S({ for_s: 0 })), T0);
    const held = advance('c', f.active, out(null), T0 + 3_600_000);
    expect(held.active).toEqual(f.active);
    expect(held.transitions).toEqual([]);
  });

  it('keys instances by rule and labels (stable ids) and resolves a disabled rule\'s instances', () => {
    expect(alertId('c', 'r', { a: '1', b: '2' })).toBe(alertId('c', 'r', { b: '2', a: '1' }));
    expect(alertId('c', 'r', { a: '1' })).not.toBe(alertId('d', 'r', { a: '1' }));
    const two = advance('c', [], out([cand({ node_id: '1' }), cand({ node_id: '2' })], S({ for_s: 0 })), T0);
    expect(two.active.map((a) => a.labels.node_id)).toEqual(['1', '2']);
    const off = advance('c', two.active, out([cand({ node_id: '1' })], S({ for_s: 0, enabled: false })), T0 + 1000);
    expect(off.active).toEqual([]);
    expect(off.resolved).toHaveLength(2);
  });

  it('orders firing critical, firing warning, pending, resolved newest first', () => {
    const a = (state: AlertInstance['state'], severity: AlertInstance['severity'], at: string) => ({ state, severity, active_since: at, resolved_at: state === 'resolved' ? at : null, rule: 'x' }) as AlertInstance;
    const list = [a('resolved', 'critical', '1'), a('pending', 'critical', '1'), a('firing', 'warning', '1'), a('resolved', 'warning', '2'), a('firing', 'critical', '2')];
    expect(list.sort(byUrgency).map((x) => `${x.state}:${x.severity}`)).toEqual(['firing:critical', 'firing:warning', 'pending:critical', 'resolved:warning', 'resolved:critical']);
  });
});
