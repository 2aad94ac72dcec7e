import { describe, expect, it } from 'vitest';
import { parseJobsQuery } from '../jobs/filter';
import { buildCountQuery, buildErrorGroupsQuery, COUNT_CAP, GROUP_SCAN } from './jobs-aggregate-sql';
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

describe('issue 18: search, totals, groups, paging back', () => {
  it('q searches description, error and execution_errors where the source has them', () => {
    const q = buildListQuery({ filter: filter('q=AccessDenied'), source: 'crdb_internal.jobs', available: ALL, fetch: 51 });
    expect(q.text).toContain(`(description ILIKE $4 OR error ILIKE $4 OR array_to_string(execution_errors, ' ') ILIKE $4)`);
    const noExec = buildListQuery({ filter: filter('q=1234'), source: 'show_jobs', available: new Set(['job_id', 'description', 'error']), fetch: 51 });
    expect(noExec.text).toMatch(/\(job_id = \$\d::INT8 OR description ILIKE \$\d OR error ILIKE \$\d\)/);
  });

  it('a "before" cursor reads the other way', () => {
    const f = filter('');
    const q = buildListQuery({ filter: { ...f, cursor: { s: '-created', k: '2026-11-25 20:00:00+00', id: '42', d: 'b' } }, source: 'crdb_internal.jobs', available: ALL, fetch: 51 });
    expect(q.text).toContain('(created, job_id) > (');
    expect(q.text).toContain('ORDER BY created ASC, job_id ASC');
  });

  it('the count is bounded and ignores the cursor; the groups read failures only, bounded', () => {
    const f = { ...filter('type=BACKUP'), cursor: { s: '-created', k: 'x', id: '1' } };
    const c = buildCountQuery({ filter: f, source: 'crdb_internal.jobs', available: ALL, internals: true });
    expect(c.text).not.toContain('job_id) <');
    expect(inlineParams(c)).toMatch(new RegExp(`LIMIT ${COUNT_CAP + 1}\\) AS m$`));
    const g = buildErrorGroupsQuery({ filter: f, source: 'crdb_internal.jobs', available: ALL, internals: true });
    expect(inlineParams(g)).toContain(`status IN ('failed', 'revert-failed')`);
    expect(inlineParams(g)).toContain(`ORDER BY created DESC LIMIT ${GROUP_SCAN}`);
    expect(g.text).toContain('GROUP BY error');
  });
});
