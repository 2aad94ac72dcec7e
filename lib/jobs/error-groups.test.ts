import { describe, expect, it } from 'vitest';
import { errorKey, mergeErrorGroups, searchTextOf } from './error-groups';

const ACCESS = 'failed to write to external storage: s3: AccessDenied: Access Denied\n\tstatus code: 403, request id: 4Z9XJ2Q7R1MB8K3T';

describe('failure groups', () => {
  it.each([
    [ACCESS, 'failed to write to external storage: s3: AccessDenied: Access Denied status code: #, request id: #'],
    ['exporting 1342 ranges: export request timeout', 'exporting # ranges: export request timeout'],
    ['replica unavailable: (n2,s2):3 unable to serve request to r1088', 'replica unavailable: (n2,s2):# unable to serve request to r1088'],
  ])('key of %j', (error, key) => {
    expect(errorKey(error)).toBe(key);
  });

  it.each([
    [ACCESS, 'failed to write to external storage: s3: AccessDenied: Access Denied'],
    ['exporting 1342 ranges: export request timeout for /Table/112/1/"\\x8f\\x12"/0', 'ranges: export request timeout for /Table'],
    ['context canceled', 'context canceled'],
    ['x'.repeat(300), 'x'.repeat(120)],
  ])('search text of %j', (error, q) => {
    expect(searchTextOf(error)).toBe(q);
  });

  it('the search text is inside every message of its group', () => {
    const a = 'exporting 1342 ranges: export request timeout for /Table/112/1/"\\x8f"/0';
    const b = 'exporting 97 ranges: export request timeout for /Table/120/1/"\\x01"/0';
    const [g] = mergeErrorGroups([{ error: a, n: 3, newest: '2026-11-25T10:00:00Z' }, { error: b, n: 5, newest: '2026-11-25T11:00:00Z' }]);
    expect(a.includes(g.q) && b.includes(g.q)).toBe(true);
  });

  it('merges texts that differ in numbers, most frequent first, newest kept', () => {
    const groups = mergeErrorGroups([
      { error: 'exporting 1342 ranges: export request timeout', n: 3, newest: '2026-11-25T10:00:00Z' },
      { error: ACCESS, n: 9, newest: '2026-11-24T10:00:00Z' },
      { error: 'exporting 97 ranges: export request timeout', n: 5, newest: '2026-11-25T11:00:00Z' },
    ]);
    expect(groups.map((g) => [g.count, g.variants])).toEqual([
      [9, 1],
      [8, 2],
    ]);
    expect(groups[1]).toMatchObject({ error: 'exporting 97 ranges: export request timeout', newest: '2026-11-25T11:00:00Z' });
  });
});
