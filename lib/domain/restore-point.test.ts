import { describe, expect, it } from 'vitest';
import { aostLiteral, encryptionOf, pathTimeMs, restorePointOf, restoreSourceOf, restoreStatement, rtoEstimate, targetOf } from './restore-point';

const NOW = Date.parse('2026-11-25T22:00:00Z');
const row = (backup_type: string, end_time: string, size_bytes: number) => ({ backup_type, end_time, size_bytes });

describe('restore points', () => {
  it('the newest end_time of the chain, its length, the full backup and its age', () => {
    const p = restorePointOf(
      [row('full', '2026-11-25T00:00:00Z', 100), row('full', '2026-11-25T00:00:00Z', 50), row('incremental', '2026-11-25T21:30:00Z', 5), row('incremental', '2026-11-25T20:30:00Z', 5)],
      NOW,
    );
    expect(p).toEqual({ newest_restorable: '2026-11-25T21:30:00Z', full_end_time: '2026-11-25T00:00:00Z', full_age_s: 22 * 3600, chain_length: 3, chain_bytes: 160 });
    expect(restorePointOf([], NOW)).toMatchObject({ newest_restorable: null, chain_length: 0, full_age_s: null });
  });

  it.each([
    ["BACKUP INTO 's3://b' WITH revision_history", ''],
    ["BACKUP DATABASE movr INTO LATEST IN 'gs://b'", 'DATABASE movr'],
    ["BACKUP TABLE movr.public.rides INTO 'x'", 'TABLE movr.public.rides'],
    ['SELECT 1', null],
  ])('target of %s', (stmt, target) => {
    expect(targetOf(stmt)).toBe(target);
  });

  it('RESTORE FROM LATEST, AS OF SYSTEM TIME only with revision history, encryption options without secrets', () => {
    expect(restoreStatement({ target: 'DATABASE movr', collection: "gs://b/it's", asOf: '2026-11-25T21:30:00Z', revisionHistory: false, encryption: 'none' })).toBe(
      "RESTORE DATABASE movr FROM LATEST IN 'gs://b/it''s' WITH detached;",
    );
    expect(restoreStatement({ target: '', collection: 's3://b', asOf: '2026-11-25T21:30:00.5Z', revisionHistory: true, encryption: 'kms' })).toBe(
      "RESTORE FROM LATEST IN 's3://b' AS OF SYSTEM TIME '2026-11-25 21:30:00.500+00:00' WITH detached, kms = '<kms URI>';",
    );
    expect(aostLiteral('2026-11-25T21:30:00Z')).toBe('2026-11-25 21:30:00+00:00');
    expect(encryptionOf([{ name: 'revision_history' }, { name: 'encryption_passphrase' }])).toBe('encryption_passphrase');
    expect(encryptionOf([])).toBe('none');
  });

  it('RTO at the median throughput; none without samples', () => {
    const s = (bytes: number, duration_s: number) => ({ job_id: '1', bytes, duration_s });
    expect(rtoEstimate(1000, [s(100, 10), s(300, 10), s(200, 10)])).toEqual({ estimate_s: 50, bytes_per_s: 20, samples: 3 });
    expect(rtoEstimate(1000, [s(0, 10)])).toBeNull();
    expect(rtoEstimate(0, [s(100, 10)])).toBeNull();
  });

  it('reads what a restore read from its description, and a path as a time', () => {
    expect(restoreSourceOf("RESTORE DATABASE movr FROM '/2026/11/25-180000.00' IN 'gs://b/movr?AUTH=implicit' WITH OPTIONS (detached)")).toEqual({ path: '/2026/11/25-180000.00', collection: 'gs://b/movr?AUTH=implicit' });
    expect(restoreSourceOf("RESTORE FROM LATEST IN 's3://b'")).toEqual({ path: null, collection: 's3://b' });
    expect(restoreSourceOf('BACKUP INTO x')).toBeNull();
    expect(pathTimeMs('/2026/11/25-180000.50')).toBe(Date.parse('2026-11-25T18:00:00.500Z'));
    expect(pathTimeMs('nope')).toBeNull();
  });
});
