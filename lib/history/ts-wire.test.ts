import { describe, expect, it } from 'vitest';
import { decodeResponse, encodeRequest, nanosToMs, TsFormatError, type TsQuery } from './ts-wire';

const Q: TsQuery[] = [
  { name: 'cr.node.jobs.backup.currently_running', downsampler: 'MAX', sources: ['1'] },
  { name: 'cr.node.schedules.BACKUP.started', downsampler: 'MAX', sources: ['2'] },
];

// Exactly as reference §g describes CockroachDB's gateway output: JSONPb{EnumsAsInts, EmitDefaults,
// Indent "  "}, lowerCamelCase, int64 quoted, enums as numbers, zero values present, an empty result kept.
const RAW = `{
  "results": [
    {
      "query": {
        "name": "cr.node.jobs.backup.currently_running",
        "downsampler": 3,
        "sourceAggregator": 2,
        "derivative": 0,
        "sources": [
          "1"
        ],
        "tenantId": {
          "id": "0"
        }
      },
      "datapoints": [
        {
          "timestampNanos": "1764650410000000000",
          "value": 2
        },
        {
          "timestampNanos": "1764650400000000000",
          "value": 0
        }
      ]
    },
    {
      "query": {
        "name": "cr.node.schedules.BACKUP.started",
        "downsampler": 3,
        "sourceAggregator": 2,
        "derivative": 0,
        "sources": [
          "2"
        ],
        "tenantId": {
          "id": "0"
        }
      },
      "datapoints": []
    }
  ]
}`;

describe('/ts/query wire format', () => {
  it('decodes a response shaped as CockroachDB sends it, one result per query in order, points sorted', () => {
    const r = decodeResponse(RAW, Q);
    expect(r).toEqual([
      { name: Q[0]?.name, points: [{ tMs: 1764650400000, value: 0 }, { tMs: 1764650410000, value: 2 }] },
      { name: Q[1]?.name, points: [] },
    ]);
  });

  it('keeps nanosecond precision beyond 2^53 and floors to the millisecond', () => {
    // 1764650400123456789 ns is not representable as a double; Number() of it would round.
    expect(nanosToMs('1764650400123999999')).toBe(1764650400123);
    expect(nanosToMs('0')).toBe(0);
    expect(nanosToMs(undefined)).toBe(0);
    expect(nanosToMs('12.5')).toBeNull();
    expect(nanosToMs('-1')).toBe(-1);
  });

  it('reads missing zero-value fields, null repeated fields, NaN and snake_case timestamps', () => {
    const text = JSON.stringify({ results: [{ query: { name: Q[0]?.name }, datapoints: [{ timestampNanos: '1764650400000000000' }, { timestamp_nanos: '1764650410000000000', value: 'NaN' }] }, { datapoints: null }] });
    expect(decodeResponse(text, Q)).toEqual([
      { name: Q[0]?.name, points: [{ tMs: 1764650400000, value: 0 }] },
      { name: Q[1]?.name, points: [] },
    ]);
  });

  it('refuses answers that cannot be matched to the queries', () => {
    expect(() => decodeResponse('{"results":[]}', Q)).toThrow(TsFormatError);
    expect(() => decodeResponse('not json', Q)).toThrow('not JSON');
    const swapped = JSON.stringify({ results: [{ query: { name: Q[1]?.name } }, { query: { name: Q[0]?.name } }] });
    expect(() => decodeResponse(swapped, Q)).toThrow('not cr.node.jobs');
    expect(() => decodeResponse(JSON.stringify({ results: [{ datapoints: [{ timestampNanos: 'soon' }] }, {}] }), Q)).toThrow('not an integer');
  });

  it('encodes int64 as strings, enums as numbers, only fields every version knows', () => {
    const body = JSON.parse(encodeRequest({ startMs: 1764650400000, endMs: 1764650460000, sampleMs: 10_000, queries: Q.slice(0, 1) }));
    expect(body).toEqual({
      start_nanos: '1764650400000000000',
      end_nanos: '1764650460000000000',
      sample_nanos: '10000000000',
      queries: [{ name: 'cr.node.jobs.backup.currently_running', downsampler: 3, source_aggregator: 2, derivative: 0, sources: ['1'] }],
    });
    expect(() => encodeRequest({ startMs: 0, endMs: 1, sampleMs: 15_000, queries: Q })).toThrow('multiple of 10 s');
    expect(() => encodeRequest({ startMs: 0, endMs: 1, sampleMs: 10_000, queries: [] })).toThrow('at least one');
  });
});
