import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_LIMIT, firstIssue, parseJobsQuery } from './filter';
import { jobsHref, jobsSearchParams } from './href';

const parse = (qs: string) => parseJobsQuery(new URLSearchParams(qs));

describe('the jobs filter', () => {
  it('defaults to BACKUP and RESTORE of the last 24 h, newest first', () => {
    const r = parse('');
    expect(r.success && r.data).toMatchObject({
      types: ['BACKUP', 'RESTORE'],
      statuses: [],
      from: { kind: 'relative', agoS: 86_400 },
      to: { kind: 'relative', agoS: 0 },
      sort: '-created',
      limit: DEFAULT_LIMIT,
      scheduled: false,
    });
  });

  it('reads every filter', () => {
    const r = parse('type=backup,Schema Change&status=failed,retrying&node=2&from=now-7d&to=now-1h30m&q=movr&scheduled=1&retried=true&sort=finished&limit=200');
    expect(r.success && r.data).toMatchObject({
      types: ['BACKUP', 'SCHEMA CHANGE'],
      statuses: ['failed', 'retrying'],
      node: 2,
      from: { agoS: 7 * 86_400 },
      to: { agoS: 5_400 },
      q: 'movr',
      scheduled: true,
      retried: true,
      sort: 'finished',
      limit: 200,
    });
    expect(parse('type=all').success && parse('type=all').data).toMatchObject({ types: [] });
    expect(parse('from=2026-11-25T13:55:00Z&to=2026-11-25T14:15').data).toMatchObject({
      from: { kind: 'absolute', ms: Date.parse('2026-11-25T13:55:00Z') },
      to: { kind: 'absolute', ms: Date.parse('2026-11-25T14:15:00Z') },
    });
  });

  it.each([
    ['type=BACK;UP', /type must be job types/],
    ['type=', /type must be job types/],
    ['status=broken', /status must be among/],
    ['node=two', /node must be a node id/],
    ['node=1234567', /node must be a node id/],
    ['from=yesterday', /from must be/],
    ['to=now+1h', /to must be/],
    ['from=2026-13-45', /from must be/],
    ['from=now&to=now-1h', /must be before to/],
    ['from=now-1h&to=now-1h', /must be before to/],
    ['limit=0', /limit must be between 1 and 200/],
    ['limit=201', /limit must be between 1 and 200/],
    ['limit=ten', /limit must be a whole number/],
    ['sort=size', /sort must be one of/],
    ['scheduled=maybe', /scheduled/],
    ['format=xml', /format/],
    [`q=${'x'.repeat(201)}`, /at most 200/],
    ['cursor=not!base64', /cursor is not valid/],
    [`cursor=${encodeCursor({ s: '-finished', k: null, id: '1' })}`, /cursor is not valid for this sort/],
    [`cursor=${btoa('{"s":"-created","k":"x","id":"12a"}')}`, /cursor is not valid/],
  ])('refuses %s', (qs, message) => {
    const r = parse(qs);
    expect(r.success).toBe(false);
    if (!r.success) expect(firstIssue(r.error)).toMatch(message);
  });

  it('round-trips a cursor, INT8 ids as strings', () => {
    const c = { s: '-created', k: '2026-11-25 20:03:00.597+00', id: '9223372036854775807' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    const r = parse(`cursor=${encodeCursor(c)}`);
    expect(r.success && r.data.cursor).toEqual(c);
  });

  it('prints links with only non-default values', () => {
    expect(jobsHref('demo')).toBe('/c/demo/jobs');
    expect(jobsHref('demo', { type: ['BACKUP', 'RESTORE'], from: 'now-24h', sort: '-created' })).toBe('/c/demo/jobs');
    expect(jobsSearchParams({ type: ['BACKUP'], status: ['paused', 'pause-requested'], node: 2, scheduled: true }).toString()).toBe(
      'type=BACKUP&status=paused%2Cpause-requested&node=2&scheduled=1',
    );
    expect(jobsHref('a b', { type: [] })).toBe('/c/a%20b/jobs?type=all');
    // What a link prints, the filter reads back.
    const r = parse(jobsSearchParams({ type: ['BACKUP'], status: ['failed'], node: 3, from: 'now-7d', q: "it's" }).toString());
    expect(r.success && r.data).toMatchObject({ types: ['BACKUP'], statuses: ['failed'], node: 3, q: "it's" });
  });
});
