import { describe, expect, it } from 'vitest';
import { expectedIntervalS } from './recurrence';
import { DEFAULT_POLICY, disagreement, freshnessHistory, freshnessOf, graceSeconds, groupFreshness, metricFreshness, withNewestInStorage, type FreshnessPolicy } from './freshness';

const NOW = Date.parse('2026-11-25T20:07:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ago = (ms: number) => NOW - ms;

describe('freshnessOf: cadences, grace and the stale multiplier (default 10 min grace, ×2)', () => {
  it.each([
    // recurrence, last success this long ago, status
    ['@hourly', 30 * MIN, 'ok'],
    ['@hourly', 70 * MIN, 'ok'], // within 1 h + 10 min grace
    ['@hourly', 71 * MIN, 'late'],
    ['@hourly', 130 * MIN, 'late'], // 2 h + grace is the stale line
    ['@hourly', 131 * MIN, 'stale'],
    ['@daily', 20 * HOUR, 'ok'],
    ['@daily', 25 * HOUR, 'late'],
    ['@daily', 49 * HOUR, 'stale'],
    ['@weekly', 6 * DAY, 'ok'],
    ['@weekly', 8 * DAY, 'late'],
    ['@weekly', 15 * DAY, 'stale'],
    ['*/15 * * * *', 20 * MIN, 'ok'],
    ['*/15 * * * *', 26 * MIN, 'late'],
    ['*/15 * * * *', 41 * MIN, 'stale'],
    ['0 */6 * * *', 6 * HOUR, 'ok'],
    ['0 */6 * * *', 7 * HOUR, 'late'],
    ['0 */6 * * *', 13 * HOUR, 'stale'],
  ])('%s, last success %d ms ago → %s', (recurrence, age, status) => {
    const f = freshnessOf({ lastSuccessMs: ago(age), intervalS: expectedIntervalS(recurrence), paused: false, nowMs: NOW });
    expect(f.status).toBe(status);
    expect(f.age_s).toBe(age / 1000);
    expect(f.last_success).toBe(new Date(ago(age)).toISOString());
    expect(f.reason).toMatch(/^last success .* ago; expected every /);
  });

  it('never succeeded → unknown, saying why', () => {
    const f = freshnessOf({ lastSuccessMs: null, intervalS: 3_600, paused: false, nowMs: NOW });
    expect(f).toMatchObject({ status: 'unknown', age_s: null, last_success: null, expected_interval_s: 3_600 });
    expect(f.reason).toMatch(/^no successful job within the 14 days CockroachDB keeps jobs; expected every/);
    expect(withNewestInStorage(f, '/2026/11/15-000000.00').reason).toMatch(/^no successful job within the 14 days CockroachDB keeps jobs; newest backup in storage: \/2026\/11\/15-000000\.00; expected every/);
    expect(withNewestInStorage({ ...f, age_s: 5 }, '/2026/11/15-000000.00').reason).toBe(f.reason);
  });

  it('no recurrence → unknown, with the age still given', () => {
    const f = freshnessOf({ lastSuccessMs: ago(HOUR), intervalS: expectedIntervalS('NEVER'), paused: false, nowMs: NOW });
    expect(f).toMatchObject({ status: 'unknown', age_s: 3_600, expected_interval_s: null });
    expect(f.reason).toMatch(/no recurrence/);
  });

  it('paused: still computed, flagged, and said', () => {
    const ok = freshnessOf({ lastSuccessMs: ago(10 * MIN), intervalS: 3_600, paused: true, nowMs: NOW });
    expect(ok).toMatchObject({ status: 'ok', paused: true });
    expect(ok.reason).toMatch(/PAUSED/);
    expect(freshnessOf({ lastSuccessMs: ago(9 * DAY), intervalS: 86_400, paused: true, nowMs: NOW })).toMatchObject({ status: 'stale', paused: true });
  });

  it('clock skew: a success in the future counts as age 0 and is said', () => {
    const f = freshnessOf({ lastSuccessMs: NOW + 2 * MIN, intervalS: 3_600, paused: false, nowMs: NOW });
    expect(f).toMatchObject({ status: 'ok', age_s: 0 });
    expect(f.reason).toMatch(/in the future .*clock skew/);
    // A second or two is ordinary drift, not worth a sentence.
    expect(freshnessOf({ lastSuccessMs: NOW + 1_000, intervalS: 3_600, paused: false, nowMs: NOW }).reason).not.toMatch(/skew/);
  });

  it('keeps the database text of last_success when given', () => {
    const f = freshnessOf({ lastSuccessMs: ago(MIN), lastSuccess: '2026-11-25T20:06:00.123456Z', intervalS: 3_600, paused: false, nowMs: NOW });
    expect(f.last_success).toBe('2026-11-25T20:06:00.123456Z');
  });
});

describe('policy (FRESHNESS_GRACE, FRESHNESS_STALE_MULTIPLIER)', () => {
  const at = (policy: FreshnessPolicy, age: number) => freshnessOf({ lastSuccessMs: ago(age), intervalS: 3_600, paused: false, nowMs: NOW }, policy).status;

  it.each<[FreshnessPolicy, number, string]>([
    [{ grace: { kind: 'duration', s: 0 }, staleMultiplier: 2 }, 61 * MIN, 'late'],
    [{ grace: { kind: 'duration', s: 1_800 }, staleMultiplier: 2 }, 89 * MIN, 'ok'],
    [{ grace: { kind: 'fraction', f: 0.5 }, staleMultiplier: 2 }, 89 * MIN, 'ok'],
    [{ grace: { kind: 'fraction', f: 0.5 }, staleMultiplier: 2 }, 91 * MIN, 'late'],
    [{ grace: { kind: 'duration', s: 0 }, staleMultiplier: 3 }, 170 * MIN, 'late'],
    [{ grace: { kind: 'duration', s: 0 }, staleMultiplier: 3 }, 181 * MIN, 'stale'],
  ])('%j at %d ms → %s', (policy, age, status) => {
    expect(at(policy, age)).toBe(status);
  });

  it('says where late and stale begin, for threshold lines', () => {
    const f = freshnessOf({ lastSuccessMs: ago(MIN), intervalS: 3_600, paused: false, nowMs: NOW }, { grace: { kind: 'fraction', f: 0.5 }, staleMultiplier: 3 });
    expect(f).toMatchObject({ late_after_s: 5_400, stale_after_s: 12_600 });
    expect(freshnessOf({ lastSuccessMs: null, intervalS: null, paused: false, nowMs: NOW })).toMatchObject({ late_after_s: null, stale_after_s: null });
  });

  it('graceSeconds: fixed or a share of the interval', () => {
    expect(graceSeconds(DEFAULT_POLICY.grace, 86_400)).toBe(600);
    expect(graceSeconds({ kind: 'fraction', f: 0.1 }, 86_400)).toBe(8_640);
  });
});

describe('groupFreshness: a full/incremental pair', () => {
  it('the newest success of either, against the shorter interval', () => {
    const f = groupFreshness(
      [
        { lastSuccessMs: ago(20 * HOUR), intervalS: 86_400, paused: false }, // full @daily
        { lastSuccessMs: ago(30 * MIN), intervalS: 3_600, paused: false }, // incremental @hourly
      ],
      NOW,
    );
    expect(f).toMatchObject({ status: 'ok', age_s: 1_800, expected_interval_s: 3_600, paused: false });
  });

  it('a paused incremental makes the pair stale although the full still runs', () => {
    const f = groupFreshness(
      [
        { lastSuccessMs: ago(5 * HOUR), intervalS: 86_400, paused: false },
        { lastSuccessMs: ago(5 * HOUR), intervalS: 3_600, paused: true },
      ],
      NOW,
    );
    expect(f).toMatchObject({ status: 'stale', paused: false });
  });

  it('paused only when every schedule of the group is', () => {
    const f = groupFreshness([{ lastSuccessMs: null, intervalS: 604_800, paused: true }, { lastSuccessMs: null, intervalS: 86_400, paused: true }], NOW);
    expect(f).toMatchObject({ status: 'unknown', paused: true });
  });
});

describe('metricFreshness: now − max over nodes of (max over the window)', () => {
  const s = (t: number) => Math.floor(t / 1000);
  const opts = { nowMs: NOW, windowS: 7_200, intervalS: 3_600, note: 'n' };

  it('a node restarted and reads 0: its value before the restart still counts, no false alarm', () => {
    const m = metricFreshness(
      [
        { node_id: 1, values: [s(ago(70 * MIN)), s(ago(10 * MIN)), 0, 0], latest: 0 }, // restarted 5 min ago
        { node_id: 2, values: [s(ago(70 * MIN))], latest: s(ago(70 * MIN)) },
        { node_id: 3, values: [0], latest: 0 },
      ],
      opts,
    );
    expect(m).toMatchObject({ status: 'ok', age_s: 600, last_completed: new Date(s(ago(10 * MIN)) * 1000).toISOString(), window_s: 7_200 });
    expect(m.nodes).toEqual([
      { node_id: 1, value: 0 },
      { node_id: 2, value: s(ago(70 * MIN)) },
      { node_id: 3, value: 0 },
    ]);
  });

  it('the live value alone would have said "never": that is why the window matters', () => {
    const live = metricFreshness([{ node_id: 1, values: [0], latest: 0 }], opts);
    expect(live).toMatchObject({ status: 'unknown', age_s: null, last_completed: null });
  });

  it('stale when even the max over the window is old', () => {
    expect(metricFreshness([{ node_id: 1, values: [s(ago(3 * HOUR))], latest: s(ago(3 * HOUR)) }], opts).status).toBe('stale');
  });
});

describe('disagreement', () => {
  const fresh = { status: 'ok' as const, age_s: 60, expected_interval_s: 3_600, last_success: null, paused: false, reason: '', late_after_s: 4_200, stale_after_s: 7_800 };
  const metric = (status: 'ok' | 'stale' | 'unknown', age_s: number | null) => ({ age_s, last_completed: null, window_s: 7_200, status, nodes: [], note: '' });

  it('metric fresh, a schedule stale → says which', () => {
    const d = disagreement(metric('ok', 60), [
      { label: 'cluster_dr', freshness: fresh },
      { label: 'payroll_weekly', freshness: { ...fresh, status: 'stale' } },
    ]);
    expect(d).toMatch(/looks fresh, but payroll_weekly \(stale\) is not/);
  });

  it('metric stale, every schedule fresh → points at the metric schedule', () => {
    expect(disagreement(metric('stale', 99_999), [{ label: 'a', freshness: fresh }])).toMatch(/is stale, yet every schedule/);
  });

  it('agreement or no metric → null', () => {
    expect(disagreement(metric('ok', 60), [{ label: 'a', freshness: fresh }])).toBeNull();
    expect(disagreement(null, [{ label: 'a', freshness: { ...fresh, status: 'stale' } }])).toBeNull();
  });
});

describe('freshnessHistory', () => {
  it('a saw tooth: the age climbs and drops at each success; null before the first', () => {
    const h = freshnessHistory([ago(2 * HOUR), ago(HOUR)], ago(3 * HOUR), NOW, 4);
    expect(h).toEqual([
      { t: new Date(ago(3 * HOUR)).toISOString(), age_s: null },
      { t: new Date(ago(2 * HOUR)).toISOString(), age_s: 0 },
      { t: new Date(ago(HOUR)).toISOString(), age_s: 0 },
      { t: new Date(NOW).toISOString(), age_s: 3_600 },
    ]);
    expect(freshnessHistory([], NOW, NOW)).toEqual([]);
  });
});
