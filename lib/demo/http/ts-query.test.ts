import { describe, expect, it } from 'vitest';
import { TsStore } from '../model/ts-store';
import { queryTimeSeries } from './ts-query';
import type { TsQuery, TsRequest } from './ts-wire';

const NAME = 'cr.node.schedules.BACKUP.started';
const S = 10_000;

/** Node 1 counts 5 per sample from t=0; node 2 counts 1 per sample but is down for `down` (sample indexes). */
function store(down: (k: number) => boolean, samples = 200): TsStore {
  const s = new TsStore({ nodeIds: [1, 2], fromMs: 0 });
  for (let k = 0; k < samples; k++) {
    s.setServing(2, !down(k));
    s.record(k * S, (id) => ({ schedules_BACKUP_started: id === 1 ? 5 * k : k }));
  }
  return s;
}

function run(s: TsStore, q: Partial<TsQuery> = {}, req: Partial<TsRequest> = {}) {
  const query: TsQuery = { name: NAME, downsampler: null, sourceAggregator: null, derivative: null, sources: [], tenantId: 0n, ...q };
  const request: TsRequest = { startNanos: 0n, endNanos: 3_000_000_000_000n, sampleNanos: 0n, returnSourcesSeparately: false, queries: [query], ...req };
  const [r] = queryTimeSeries({ store: s, nodeIds: [1, 2], nowMs: 2_000_000, sourcesSeparately: true }, request);
  return { sources: r.query.sources, points: new Map(r.datapoints.map((p) => [Number(p.timestampNanos / 1_000_000n), p.value])), separate: r.sourceDatapoints };
}

describe('queryTimeSeries (pkg/ts/query.go semantics)', () => {
  it('interpolates a source missing for up to 5 minutes and leaves a longer gap out of the aggregate', () => {
    const short = run(store((k) => k >= 50 && k < 56));
    expect(short.points.get(52 * S)).toBe(5 * 52 + 52); // node 2 interpolated between 49 and 56
    const long = run(store((k) => k >= 50 && k < 90));
    expect(long.points.get(52 * S)).toBe(5 * 52); // 41 samples apart > 5 min: node 1 only
    expect(long.points.get(90 * S)).toBe(5 * 90 + 90);
  });

  it('answers derivatives per second, non-negative ones clipped at 0', () => {
    const s = new TsStore({ nodeIds: [1], fromMs: 0 });
    for (let k = 0; k < 20; k++) s.record(k * S, () => ({ schedules_BACKUP_started: k < 10 ? 5 * k : 0 }));
    const d = run(s, { derivative: 1 });
    expect(d.points.get(5 * S)).toBe(0.5);
    expect(d.points.get(10 * S)).toBe(-4.5);
    expect(d.points.has(0)).toBe(false); // no previous sample
    expect(run(s, { derivative: 2 }).points.get(10 * S)).toBe(0);
  });

  it('downsamples into sample periods stamped at their start, with the chosen downsampler', () => {
    const s = store(() => false);
    const req = { sampleNanos: 60_000_000_000n, startNanos: 61_000_000_000n };
    expect(run(s, { downsampler: 3, sources: ['1'] }, req).points.get(60_000)).toBe(5 * 11);
    expect(run(s, { downsampler: 1, sources: ['1'] }, req).points.get(60_000)).toBe(5 * 8.5);
    expect([...run(s, { sources: ['1'] }, req).points.keys()][0]).toBe(60_000);
  });

  it('clamps the end to now minus one sample and reports per-source datapoints when asked', () => {
    const r = run(store(() => false), { sources: ['2', '9'] }, { returnSourcesSeparately: true });
    expect(Math.max(...r.points.keys())).toBe(2_000_000 - S);
    expect(r.sources).toEqual(['2']);
    expect(r.separate?.map((x) => x.source)).toEqual(['2']);
    expect(r.separate?.[0].datapoints.at(-1)?.value).toBe(199);
  });
});
