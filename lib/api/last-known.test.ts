import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { forgetLastKnown, withLastKnown } from './last-known';

const down = (): Promise<{ n?: number; metric?: string; ok?: boolean }> => Promise.reject(new ApiError('sql_unavailable', 'while listing schedules: the SQL interface is unreachable'));
let t = 0;
const clock = { nowMs: () => t };

describe('withLastKnown', () => {
  beforeEach(() => {
    forgetLastKnown();
    t = 1_000_000;
  });

  it('a live answer is marked live; through an outage the last one comes back with when it was true and since when SQL failed', async () => {
    expect(await withLastKnown('c1', 'schedules', async () => ({ n: 1 }), clock)).toEqual({ n: 1, last_known: null });
    t += 60_000;
    const first = await withLastKnown('c1', 'schedules', down, clock);
    t += 60_000;
    const second = await withLastKnown('c1', 'schedules', down, clock);
    expect(first).toMatchObject({ n: 1, last_known: { as_of: new Date(1_000_000).toISOString(), unreachable_since: new Date(1_060_000).toISOString(), error: { code: 'sql_unavailable' } } });
    // The outage started at the first failure, not at each request.
    expect(second.last_known?.unreachable_since).toBe(first.last_known?.unreachable_since);
  });

  it('revive recomputes what needs no SQL; serveLast false only remembers', async () => {
    await withLastKnown('c1', 'p', async () => ({ metric: 'old' }), clock);
    expect(await withLastKnown('c1', 'p', down, { ...clock, revive: (v) => ({ ...v, metric: 'from the nodes' }) })).toMatchObject({ metric: 'from the nodes' });
    await expect(withLastKnown('c1', 'p', down, { ...clock, serveLast: false })).rejects.toThrow(/unreachable/);
  });

  it('other errors, other clusters and unread keys are not covered', async () => {
    await withLastKnown('c1', 'p', async () => ({ ok: true }), clock);
    await expect(withLastKnown('c1', 'p', () => Promise.reject(new ApiError('insufficient_privilege', 'no VIEWJOB')), clock)).rejects.toThrow(/VIEWJOB/);
    await expect(withLastKnown('c2', 'p', down, clock)).rejects.toThrow(/unreachable/);
    await expect(withLastKnown('c1', 'other', down, clock)).rejects.toThrow(/unreachable/);
  });
});
