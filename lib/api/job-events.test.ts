import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { jobEventsApiHref } from '../jobs/href';
import { parseJobEventsQuery } from './job-events';

const parse = (qs: string) => parseJobEventsQuery(new URLSearchParams(qs));

describe('parseJobEventsQuery', () => {
  it.each<[string, { types: string[]; scheduled: boolean; node: number | undefined; nodes: number[] | undefined; from: string; to: string }]>([
    ['', { types: ['BACKUP', 'RESTORE'], scheduled: false, node: undefined, nodes: undefined, from: 'now-24h', to: 'now' }],
    ['type=backup&from=now-6h', { types: ['BACKUP'], scheduled: false, node: undefined, nodes: undefined, from: 'now-6h', to: 'now' }],
    ['type=all&scheduled=1', { types: [], scheduled: true, node: undefined, nodes: undefined, from: 'now-24h', to: 'now' }],
    // One node goes into the SQL; several are filtered after reading.
    ['node=2', { types: ['BACKUP', 'RESTORE'], scheduled: false, node: 2, nodes: [2], from: 'now-24h', to: 'now' }],
    ['node=3,1,3', { types: ['BACKUP', 'RESTORE'], scheduled: false, node: undefined, nodes: [1, 3], from: 'now-24h', to: 'now' }],
    ['from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z', { types: ['BACKUP', 'RESTORE'], scheduled: false, node: undefined, nodes: undefined, from: '2026-11-24T00:00:00Z', to: '2026-11-25T00:00:00Z' }],
    // The explorer's other parameters mean nothing here and are not passed on.
    ['status=running&limit=5&q=x&sort=created', { types: ['BACKUP', 'RESTORE'], scheduled: false, node: undefined, nodes: undefined, from: 'now-24h', to: 'now' }],
  ])('%j', (qs, want) => {
    const q = parseJobEventsQuery(new URLSearchParams(qs));
    expect({ types: q.filter.types, scheduled: q.filter.scheduled, node: q.filter.node, nodes: q.nodes, from: q.filter.from.text, to: q.filter.to.text }).toEqual(want);
    expect(q.filter.statuses).toEqual([]);
    expect(q.filter.q).toBeUndefined();
  });

  it.each([
    ['node=x', /node must be node ids/],
    ['node=1,', /node must be node ids/],
    ['node=1234567', /node must be node ids/],
    ['type=BACKUP;DROP', /type must be job types/],
    ['from=last-tuesday', /from must be/],
    ['from=now&to=now-1h', /must be before to/],
    ['scheduled=yes', /scheduled/],
  ])('400 for %s', (qs, message) => {
    let err: unknown;
    try {
      parse(qs);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toMatch(message);
  });
});

describe('jobEventsApiHref', () => {
  it.each([
    [{ type: ['BACKUP'], from: 'now-6h', to: 'now' }, '/api/v1/clusters/demo/job-events?type=BACKUP&from=now-6h&to=now'],
    [{ type: [], scheduled: true, from: 'now-6h', to: 'now' }, '/api/v1/clusters/demo/job-events?type=all&from=now-6h&to=now&scheduled=1'],
    [{ type: ['BACKUP', 'RESTORE'], from: 'now-1h', to: 'now', nodes: [1, 3] }, '/api/v1/clusters/demo/job-events?type=BACKUP%2CRESTORE&from=now-1h&to=now&node=1%2C3'],
  ])('%j', (q, href) => {
    expect(jobEventsApiHref('demo', q)).toBe(href);
    // What the link says is what the route reads.
    expect(parseJobEventsQuery(new URL(href, 'http://x').searchParams).filter.types).toEqual(q.type);
  });
});
