import { describe, expect, it } from 'vitest';
import { parseJobsQuery } from '../jobs/filter';
import { buildListQuery, chooseSource, containsPattern, inlineParams, LIST_COLUMNS } from './jobs-sql';
import { isoTimestamp } from './pg-types';

const filter = (qs: string) => {
  const r = parseJobsQuery(new URLSearchParams(qs));
  if (!r.success) throw new Error(r.error.message);
  return r.data;
};
const ALL = new Set<string>(LIST_COLUMNS);

describe('the explorer SQL', () => {
  it.each([
    ['', 'crdb_internal.jobs'],
    ['from=now-12h', 'show_jobs'],
    ['from=now-6h&q=1234', 'show_jobs'],
    ['from=now-6h&q=movr', 'crdb_internal.jobs'],
    ['from=now-6h&status=retrying', 'crdb_internal.jobs'],
    ['from=now-6h&retried=1', 'crdb_internal.jobs'],
    ['from=now-13h', 'crdb_internal.jobs'],
    ['from=2026-11-25T10:00:00Z', 'crdb_internal.jobs'],
    ['from=now-6h&to=now-1h', 'show_jobs'],
  ])('%s reads %s', (qs, source) => {
    expect(chooseSource(filter(qs))).toBe(source);
  });

  it('keeps every user value out of the text', () => {
    const evil = `x'); DROP TABLE system.jobs; --`;
    const f = filter(`type=BACKUP&status=failed,paused&node=2&q=${encodeURIComponent(evil)}&scheduled=1&from=2026-11-20T00:00:00Z&to=now-1h`);
    const q = buildListQuery({ filter: f, source: 'crdb_internal.jobs', available: ALL, fetch: 51 });
    expect(q.text).not.toContain('DROP');
    expect(q.text).not.toContain('BACKUP');
    expect(q.values).toContain(containsPattern(evil));
    expect(q.text).toMatch(/LIMIT \$\d+$/);
    expect(inlineParams(q)).toContain(`ILIKE '%x''); DROP TABLE system.jobs; --%'`);
  });

  it('selects only the columns this version has', () => {
    const cols = new Set(['job_id', 'job_type', 'description', 'status', 'created', 'finished', 'modified']);
    const q = buildListQuery({ filter: filter('from=now-1h'), source: 'show_jobs', available: cols, fetch: 2 });
    expect(q.text).toMatch(/^SELECT job_id, job_type, description, status, created, finished, modified, created AS sort_key FROM \[SHOW JOBS\]/);
  });

  it('pages with a keyset on the sort key and job_id', () => {
    const f = filter('sort=-finished');
    const q = buildListQuery({ filter: { ...f, cursor: { s: '-finished', k: '2026-11-25 20:00:00+00', id: '42' } }, source: 'crdb_internal.jobs', available: ALL, fetch: 51 });
    expect(inlineParams(q)).toContain(`(COALESCE(finished, '9999-12-31 00:00:00+00':::TIMESTAMPTZ), job_id) < ('2026-11-25 20:00:00+00'::TIMESTAMPTZ, '42'::INT8)`);
    expect(q.text).toContain('ORDER BY COALESCE(finished');
  });

  it('escapes LIKE wildcards in q', () => {
    expect(containsPattern('50%_\\')).toBe('%50\\%\\_\\\\%');
  });

  it.each([
    ['2026-11-25 20:07:00.123456+00', '2026-11-25T20:07:00.123456Z'],
    ['2026-11-25 20:07:00+00:00', '2026-11-25T20:07:00Z'],
    ['2026-11-25 20:07:00', '2026-11-25T20:07:00Z'],
    ['2026-11-25 20:07:00+05:30', '2026-11-25T20:07:00+05:30'],
    [null, null],
  ])('timestamp %s → %s', (raw, iso) => {
    expect(isoTimestamp(raw)).toBe(iso);
  });
});
