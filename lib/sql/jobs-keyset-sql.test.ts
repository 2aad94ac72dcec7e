import { describe, expect, it } from 'vitest';
import { parseJobsQuery } from '../jobs/filter';
import { JOB_STATUSES } from '../jobs/statuses';
import { buildCandidateCountQuery, buildCandidateQuery, candidatesExact, cursorBound, indexedPage } from './jobs-keyset-sql';
import { buildListQuery, inlineParams, LIST_COLUMNS } from './jobs-sql';

const filter = (qs: string) => {
  const r = parseJobsQuery(new URLSearchParams(qs));
  if (!r.success) throw new Error(r.error.message);
  return r.data;
};

describe('the index path of the explorer page', () => {
  it.each([
    ['', true],
    ['sort=created', true],
    ['status=failed&node=2&scheduled=1', true],
    ['q=movr', false],
    ['q=1234', false],
    ['retried=1', false],
    ['sort=-finished', false],
    ['sort=status', false],
  ])('%s takes it: %s', (qs, yes) => {
    expect(indexedPage(filter(qs), 'crdb_internal.jobs', true)).toBe(yes);
  });

  it('is only for crdb_internal.jobs with internals readable', () => {
    expect(indexedPage(filter(''), 'show_jobs', true)).toBe(false);
    expect(indexedPage(filter(''), 'crdb_internal.jobs', false)).toBe(false);
    expect(indexedPage(filter(''), 'show_jobs+schedules', false)).toBe(false);
  });

  it('names every state, so system.jobs answers from its (status, created) index, newest first', () => {
    const q = buildCandidateQuery({ filter: filter('type=all'), hasFinished: true, scan: 200 });
    const text = inlineParams(q);
    expect(text).toMatch(/^SELECT id, created FROM system\.jobs WHERE status IN \(/);
    for (const s of JOB_STATUSES) expect(text).toContain(`'${s}'`);
    expect(text).toContain('ORDER BY created DESC, id DESC LIMIT 200');
    expect(text).toContain(`(finished IS NULL OR finished >= now() - '86400s'::INTERVAL)`);
    expect(text).toContain(`job_type NOT IN ('AUTO CREATE STATS'`);
  });

  it('leaves the window end to crdb_internal.jobs where system.jobs has no finished (before 25.1)', () => {
    const text = inlineParams(buildCandidateQuery({ filter: filter(''), hasFinished: false, scan: 200 }));
    expect(text).not.toContain('finished');
    expect(candidatesExact(filter(''), false)).toBe(false);
    expect(candidatesExact(filter(''), true)).toBe(true);
    expect(candidatesExact(filter('node=2'), true)).toBe(false);
    expect(candidatesExact(filter('status=retrying'), true)).toBe(false);
  });

  it('keeps the filter: statuses (retrying → running), types, scheduled, the end of the window', () => {
    const text = inlineParams(buildCandidateQuery({ filter: filter('status=retrying,failed&type=BACKUP&scheduled=1&to=now-1h'), hasFinished: true, scan: 200 }));
    expect(text).toContain(`status IN ('running', 'failed')`);
    expect(text).toContain(`job_type IN ('BACKUP')`);
    expect(text).toContain(`created_by_type = 'crdb_schedule'`);
    expect(text).toContain(`created <= (now() - '3600s'::INTERVAL) AT TIME ZONE 'UTC'`);
  });

  it('continues from the page cursor (TIMESTAMPTZ) or from the last candidate (TIMESTAMP), in the page direction', () => {
    const f = { ...filter(''), cursor: { s: '-created', k: '2026-11-25 20:00:00.5+00', id: '42' } };
    expect(cursorBound(f)).toEqual({ k: '2026-11-25 20:00:00.5+00', id: '42', tz: true });
    const first = inlineParams(buildCandidateQuery({ filter: f, hasFinished: true, after: cursorBound(f), scan: 200 }));
    expect(first).toContain(`(created, id) < (('2026-11-25 20:00:00.5+00'::TIMESTAMPTZ) AT TIME ZONE 'UTC', '42'::INT8)`);
    const back = { ...f, cursor: { ...f.cursor, d: 'b' as const } };
    const round = inlineParams(buildCandidateQuery({ filter: back, hasFinished: true, after: { k: '2026-11-25 19:00:00', id: '7', tz: false }, scan: 200 }));
    expect(round).toContain(`(created, id) > ('2026-11-25 19:00:00'::TIMESTAMP, '7'::INT8)`);
    expect(round).toContain('ORDER BY created ASC, id ASC');
  });

  it('reads the candidates from crdb_internal.jobs by job_id, with the whole filter', () => {
    const q = buildListQuery({ filter: filter('status=failed'), source: 'crdb_internal.jobs', available: new Set(LIST_COLUMNS), fetch: 51, ids: ['11', '12'] });
    expect(inlineParams(q)).toMatch(/FROM crdb_internal\.jobs WHERE job_id IN \('11'::INT8, '12'::INT8\) AND .*status IN \('failed'\)/);
  });

  it('counts on system.jobs, bounded, without the cursor', () => {
    const f = { ...filter('type=BACKUP'), cursor: { s: '-created', k: '2026-11-25 20:00:00+00', id: '42' } };
    const text = inlineParams(buildCandidateCountQuery(f, true, 10_000));
    expect(text).toMatch(/^SELECT count\(\*\) AS n FROM \(SELECT id FROM system\.jobs WHERE status IN/);
    expect(text).not.toContain('42');
    expect(text).toMatch(/LIMIT 10001\) AS m$/);
  });
});
