import { describe, expect, it } from 'vitest';
import { etaSeconds, formatEta } from './eta';
import { baseStatus, isTerminal, statusDisplay } from './statuses';

const NOW = Date.parse('2026-11-25T20:00:00Z');
const started = (minAgo: number) => new Date(NOW - minAgo * 60_000).toISOString();

describe('ETA', () => {
  it.each([
    ['running, 50 % in 10 min', 'running', 0.5, started(10), 600, 'about 10 min'],
    ['running, 75 % in 30 min', 'running', 0.75, started(30), 600, 'about 10 min'],
    ['running, 99 % in 10 min', 'running', 0.99, started(10), 6.06, 'less than a minute'],
    ['under 5 %: no estimate', 'running', 0.04, started(10), null, null],
    ['exactly 5 %', 'running', 0.05, started(1), 1140, 'about 19 min'],
    ['paused: no estimate', 'paused', 0.5, started(10), null, null],
    ['succeeded: no estimate', 'succeeded', 1, started(10), null, null],
    ['no start time', 'running', 0.5, null, null, null],
    ['no fraction', 'running', null, started(10), null, null],
    ['start in the future (skew)', 'running', 0.5, started(-1), null, null],
  ])('%s', (_n, status, f, s, seconds, text) => {
    const eta = etaSeconds({ status, fraction_completed: f, started: s, nowMs: NOW });
    if (seconds === null) expect(eta).toBeNull();
    else expect(eta).toBeCloseTo(seconds, 1);
    expect(formatEta(eta)).toBe(text);
  });
});

describe('status display', () => {
  it.each([
    ['running', [], 'running', 'running'],
    ['running', null, 'running', 'running'],
    ['running', ['rpc error: node unavailable'], 'retrying', 'warn'],
    ['paused', [], 'paused', 'warn'],
    ['pause-requested', [], 'pause-requested', 'warn'],
    ['failed', ['x'], 'failed', 'critical'],
    ['revert-failed', [], 'revert-failed', 'critical'],
    ['succeeded', [], 'succeeded', 'ok'],
    ['canceled', [], 'canceled', 'neutral'],
    ['retry-running', [], 'retry-running', 'warn'],
    ['retry-reverting', ['x'], 'retry-reverting', 'warn'],
    ['paused: out of disk', [], 'paused: out of disk', 'warn'],
    ['something-new', [], 'something-new', 'neutral'],
    [null, null, '—', 'neutral'],
  ] as const)('%s with %j → %s (%s)', (status, errors, label, tone) => {
    const d = statusDisplay(status, errors);
    expect(d.label).toBe(label);
    expect(d.tone).toBe(tone);
  });

  it.each([
    ['failed', true],
    ['succeeded', true],
    ['canceled', true],
    ['revert-failed', true],
    ['running', false],
    ['paused', false],
    ['pause-requested', false],
    ['retry-running', false],
    ['retry-reverting', false],
    ['paused: reason', false],
    [null, false],
  ] as const)('%s terminal: %s', (s, t) => {
    expect(isTerminal(s)).toBe(t);
  });

  it('reads a status with a reason by its prefix', () => {
    expect(baseStatus('paused: out of disk')).toBe('paused');
    expect(baseStatus('pause-requested')).toBe('pause-requested');
    expect(baseStatus('retry-running')).toBe('retry-running');
    expect(baseStatus('nonsense')).toBeNull();
  });
});
