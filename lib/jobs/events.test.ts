import { describe, expect, it } from 'vitest';
import { boundEvents, eventsInWindow, jobEvents, shownEvents, type JobEvent, type JobEventKind } from './events';
import type { JobRow } from './job-row';

const T0 = Date.parse('2026-11-25T20:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function row(p: Partial<JobRow>): JobRow {
  return {
    job_id: '1000000000000000001',
    job_type: 'BACKUP',
    description: 'BACKUP INTO LATEST IN "s3://b"',
    user_name: 'root',
    status: 'running',
    running_status: null,
    created: at(0),
    started: at(1),
    finished: null,
    modified: at(2),
    fraction_completed: 0.5,
    error: null,
    coordinator_id: 2,
    execution_errors: null,
    ...p,
  };
}

const kinds = (evs: JobEvent[]) => evs.map((e) => `${e.kind}@${(e.t_ms - T0) / 60_000}`);

describe('jobEvents', () => {
  it.each<[string, Partial<JobRow>, string[]]>([
    ['running: a start at `started`', {}, ['start@1']],
    ['pending, never started: a start at `created`', { status: 'pending', started: null }, ['start@0']],
    ['v25.3+, no `started` column: start at `created`', { status: 'succeeded', started: null, finished: at(9) }, ['start@0', 'success@9']],
    ['succeeded', { status: 'succeeded', finished: at(9) }, ['start@1', 'success@9']],
    ['failed', { status: 'failed', finished: at(4), error: 'boom' }, ['start@1', 'failure@4']],
    ['revert-failed is a failure', { status: 'revert-failed', finished: at(5), error: 'cleanup failed' }, ['start@1', 'failure@5']],
    ['canceled is a failure (no backup came out of it)', { status: 'canceled', finished: at(6) }, ['start@1', 'failure@6']],
    ['terminal without `finished`: `modified`', { status: 'failed', finished: null, modified: at(7) }, ['start@1', 'failure@7']],
    ['paused: no end', { status: 'paused', finished: null }, ['start@1']],
    ['paused with a reason (v26.1+): no end', { status: 'paused: out of disk', finished: null }, ['start@1']],
    ['reverting: no end yet', { status: 'reverting' }, ['start@1']],
    ['unknown status: only a start', { status: 'sideways', finished: at(3) }, ['start@1']],
    ['no times at all: nothing', { created: null, started: null, modified: null }, []],
    ['unparseable time: skipped', { started: 'yesterday', created: 'nope' }, []],
  ])('%s', (_name, p, want) => {
    expect(kinds(jobEvents(row(p)))).toEqual(want);
  });

  it('carries the error on failures only, and the job facts on every event', () => {
    const [start, end] = jobEvents(row({ status: 'failed', finished: at(4), error: 'boom' }));
    expect(start).toMatchObject({ kind: 'start', error: null, job_type: 'BACKUP', coordinator_id: 2, status: 'failed' });
    expect(end).toMatchObject({ kind: 'failure', error: 'boom', job_id: '1000000000000000001', description: 'BACKUP INTO LATEST IN "s3://b"' });
    const [, ok] = jobEvents(row({ status: 'succeeded', finished: at(4), error: 'stale text' }));
    expect(ok.error).toBeNull();
  });
});

describe('eventsInWindow', () => {
  it('keeps only events inside the window, oldest first, each job once', () => {
    const jobs = [
      row({ job_id: '2', status: 'succeeded', started: at(-30), finished: at(5) }), // started before the window
      row({ job_id: '3', status: 'failed', started: at(10), finished: at(70) }), // ends after it
      row({ job_id: '2', status: 'succeeded', started: at(-30), finished: at(5) }), // listed twice
    ];
    expect(eventsInWindow(jobs, T0, T0 + 60 * 60_000).map((e) => `${e.job_id}:${e.kind}`)).toEqual(['2:success', '3:start']);
  });

  it('orders ties by kind, start before the end', () => {
    const jobs = [row({ job_id: '5', status: 'failed', started: at(1), finished: at(2) }), row({ job_id: '4', status: 'running', started: at(2) })];
    expect(eventsInWindow(jobs, T0, T0 + 10 * 60_000).map((e) => `${e.job_id}:${e.kind}`)).toEqual(['5:start', '4:start', '5:failure']);
  });
});

const ev = (id: number, kind: JobEventKind, min: number, node = 1): JobEvent => ({
  job_id: String(id),
  kind,
  t_ms: T0 + min * 60_000,
  job_type: 'BACKUP',
  coordinator_id: node,
  description: null,
  error: kind === 'failure' ? 'x' : null,
  status: null,
});

describe('boundEvents', () => {
  const evs = [ev(1, 'start', 1), ev(1, 'failure', 2), ev(2, 'start', 3), ev(2, 'success', 4), ev(3, 'start', 5), ev(3, 'failure', 6)];

  it.each<[string, number, string[], boolean]>([
    ['under the bound: everything', 10, ['1:start', '1:failure', '2:start', '2:success', '3:start', '3:failure'], false],
    ['exactly the bound: everything', 6, ['1:start', '1:failure', '2:start', '2:success', '3:start', '3:failure'], false],
    ['over: failures first, then the newest', 4, ['1:failure', '2:success', '3:start', '3:failure'], true],
    ['tight: failures only, newest first', 1, ['3:failure'], true],
  ])('%s', (_name, max, want, truncated) => {
    const out = boundEvents(evs, max);
    expect(out.events.map((e) => `${e.job_id}:${e.kind}`)).toEqual(want);
    expect(out.truncated).toBe(truncated);
  });
});

describe('shownEvents', () => {
  const evs = [ev(1, 'start', 1, 1), ev(1, 'failure', 2, 1), ev(2, 'start', 3, 2), ev(2, 'success', 4, 2)];

  it.each<[string, Parameters<typeof shownEvents>[1], string[], string, boolean]>([
    ['auto, sparse: all', { denseAbove: 10 }, ['1:start', '1:failure', '2:start', '2:success'], 'all', true],
    ['auto, dense: failures only', { denseAbove: 3 }, ['1:failure'], 'failures', true],
    ['chosen all stays all when dense', { mode: 'all', denseAbove: 1 }, ['1:start', '1:failure', '2:start', '2:success'], 'all', false],
    ['chosen failures', { mode: 'failures', denseAbove: 10 }, ['1:failure'], 'failures', false],
    ['off', { mode: 'off', denseAbove: 10 }, [], 'off', false],
  ])('%s', (_name, opts, want, mode, auto) => {
    const out = shownEvents(evs, opts);
    expect(out.events.map((e) => `${e.job_id}:${e.kind}`)).toEqual(want);
    expect(out.mode).toBe(mode);
    expect(out.auto).toBe(auto);
  });
});
