import { describe, expect, it } from 'vitest';
import { isInternalsRestricted, mapSqlError } from './sql-errors';
import { parseVersion } from './session';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('the one SQL-error mapping', () => {
  it('tells restricted internals (v26.1+) apart from a missing privilege: same SQLSTATE 42501, another fix', () => {
    const restricted = mapSqlError(pgError('42501', 'Access to crdb_internal and system is restricted.'), 'listing jobs');
    expect(restricted.code).toBe('internals_restricted');
    expect(restricted.status).toBe(403);
    expect(restricted.message).toMatch(/^while listing jobs: this needs allow_unsafe_internals/);
    expect(restricted.message).toMatch(/Not a missing privilege: set CRDB_UNSAFE_INTERNALS=auto/);
    expect(restricted.message).not.toMatch(/VIEWJOB/);
    const privilege = mapSqlError(pgError('42501', 'user monitor does not have VIEWJOB privilege'), 'listing jobs');
    expect(privilege.code).toBe('insufficient_privilege');
    expect(privilege.message).toMatch(/VIEWJOB/);
    const other = mapSqlError(pgError('42501', 'user monitor does not have SELECT privilege on relation protected_ts_records'), 'reading PTS', 'Needs VIEWSYSTEMTABLE.');
    expect(other.message).toMatch(/Needs VIEWSYSTEMTABLE\.$/);
    expect(isInternalsRestricted(pgError('42501', 'access to crdb_internal and system is restricted.'))).toBe(true);
    expect(isInternalsRestricted(pgError('42501', 'permission denied'))).toBe(false);
  });

  it.each([
    ['CockroachDB CCL v26.2.0 (x86_64-pc-linux-gnu, built 2026/05/12 14:20:33, go1.23.12)', { major: 26, minor: 2, tag: 'v26.2.0' }],
    ['CockroachDB CCL v25.4.0-alpha.1 (x86_64)', { major: 25, minor: 4, tag: 'v25.4.0-alpha.1' }],
    ['PostgreSQL 17.4', null],
  ])('parseVersion(%s)', (text, want) => expect(parseVersion(text)).toEqual(want));
});
