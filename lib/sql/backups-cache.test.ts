import { describe, expect, it } from 'vitest';
import { TtlCache } from './backups-cache';

/** A cache on a fake clock, and a loader that counts its calls and can be settled by hand. */
function setup(opts: { max?: number; errorTtl?: number } = {}) {
  let t = 1_000;
  const cache = new TtlCache<{ v: string; error?: boolean }>({ ttlMs: (x) => (x.error ? (opts.errorTtl ?? 5) : 60), max: opts.max ?? 10, now: () => t });
  let calls = 0;
  const load = (v: string, error = false) => () => {
    calls += 1;
    return Promise.resolve({ v, error });
  };
  return { cache, load, calls: () => calls, tick: (ms: number) => void (t += ms) };
}

describe('TtlCache', () => {
  it('serves a kept value until its TTL, then reads again', async () => {
    const { cache, load, calls, tick } = setup();
    expect(await cache.get('k', load('a'))).toEqual({ value: { v: 'a', error: false }, at: 1_000 });
    tick(59);
    expect((await cache.get('k', load('b'))).value.v).toBe('a');
    expect(calls()).toBe(1);
    tick(1);
    expect(await cache.get('k', load('b'))).toEqual({ value: { v: 'b', error: false }, at: 1_060 });
    expect(calls()).toBe(2);
  });

  it('fresh reads again within the TTL', async () => {
    const { cache, load, calls } = setup();
    await cache.get('k', load('a'));
    expect((await cache.get('k', load('b'), { fresh: true })).value.v).toBe('b');
    expect(calls()).toBe(2);
  });

  it('single flight: callers that arrive during a read share it, fresh ones too', async () => {
    const { cache } = setup();
    let calls = 0;
    let resolve: (x: { v: string }) => void = () => undefined;
    const slow = () => {
      calls += 1;
      return new Promise<{ v: string }>((r) => (resolve = r));
    };
    const all = [cache.get('k', slow), cache.get('k', slow), cache.get('k', slow, { fresh: true })];
    resolve({ v: 'a' });
    expect((await Promise.all(all)).map((x) => x.value.v)).toEqual(['a', 'a', 'a']);
    expect(calls).toBe(1);
  });

  it('an error result is kept for its own, shorter TTL', async () => {
    const { cache, load, calls, tick } = setup({ errorTtl: 5 });
    await cache.get('k', load('denied', true));
    tick(4);
    expect((await cache.get('k', load('ok'))).value.v).toBe('denied');
    tick(1);
    expect((await cache.get('k', load('ok'))).value.v).toBe('ok');
    expect(calls()).toBe(2);
  });

  it('a read that rejects is not kept; its waiters all see the rejection', async () => {
    const { cache, load, calls } = setup();
    let fails = 0;
    const failing = () => {
      fails += 1;
      return Promise.reject(new Error('connection lost'));
    };
    const both = [cache.get('k', failing), cache.get('k', failing)];
    for (const p of both) await expect(p).rejects.toThrow('connection lost');
    expect(fails).toBe(1);
    expect(cache.size).toBe(0);
    expect((await cache.get('k', load('a'))).value.v).toBe('a');
    expect(calls()).toBe(1);
  });

  it('a failed fresh re-read keeps the still-valid value', async () => {
    const { cache, load } = setup();
    await cache.get('k', load('a'));
    await expect(cache.get('k', () => Promise.reject(new Error('x')), { fresh: true })).rejects.toThrow('x');
    expect((await cache.get('k', load('b'))).value.v).toBe('a');
  });

  it('is bounded: the least recently used entry goes first', async () => {
    const { cache, load, calls } = setup({ max: 2 });
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a2')); // a is now the most recently used
    await cache.get('c', load('c'));
    expect(cache.size).toBe(2);
    expect((await cache.get('a', load('a3'))).value.v).toBe('a');
    expect((await cache.get('b', load('b2'))).value.v).toBe('b2');
    expect(calls()).toBe(4);
  });
});
