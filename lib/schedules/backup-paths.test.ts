import { describe, expect, it } from 'vitest';
import { asOfOf, BACKUP_PATH, knownCollections, missingFilesOf, redactMessage } from './backup-paths';

describe('BACKUP_PATH', () => {
  it.each(['/2026/11/25-180000.00', '2026/11/25-180000.00'])('accepts %s', (p) => expect(BACKUP_PATH.test(p)).toBe(true));
  it.each(['LATEST', '/2026/11/25', "/2026/11/25-180000.00' IN 's3://x", '../../etc', '/2026/11/25-180000.00/'])('rejects %s', (p) => expect(BACKUP_PATH.test(p)).toBe(false));
});

describe('knownCollections', () => {
  it('one per redacted URI with its schedules; a configured URI with its secret becomes the usable form', () => {
    const k = knownCollections(
      [
        { id: '1', label: 'dr', backup_type: 'FULL', rawCollection: 's3://b/p?AWS_SECRET_ACCESS_KEY=redacted' },
        { id: '2', label: 'dr', backup_type: 'INCREMENTAL', rawCollection: 's3://b/p?AWS_SECRET_ACCESS_KEY=redacted' },
        { id: '3', label: 'x', backup_type: null, rawCollection: null },
      ],
      ['s3://b/p?AWS_SECRET_ACCESS_KEY=real-secret', 'external://extra'],
    );
    expect(k).toEqual([
      { collection: 's3://b/p?AWS_SECRET_ACCESS_KEY=redacted', raw: 's3://b/p?AWS_SECRET_ACCESS_KEY=real-secret', schedules: [{ id: '1', label: 'dr', backup_type: 'FULL' }, { id: '2', label: 'dr', backup_type: 'INCREMENTAL' }] },
      { collection: 'external://extra', raw: 'external://extra', schedules: [] },
    ]);
  });
});

describe('missingFilesOf', () => {
  it('reads both forms of the check_files error', () => {
    expect(missingFilesOf('The following files are missing from the backup:\n\ts3:/b/data/1.sst\n\ts3:/b/data/2.sst')).toEqual(['s3:/b/data/1.sst', 's3:/b/data/2.sst']);
    expect(missingFilesOf('Multiple files cannot be read from the backup including:\n\ta.sst\n\tb.sst')).toEqual(['a.sst', 'b.sst']);
    expect(missingFilesOf('external_storage: file does not exist')).toBeNull();
  });
});

it('redactMessage redacts URIs inside an error', () => {
  expect(redactMessage('failed to list s3://b/p?AWS_SECRET_ACCESS_KEY=abc: access denied')).toBe('failed to list s3://b/p?AWS_SECRET_ACCESS_KEY=redacted: access denied');
});

it('asOfOf reads the AS OF SYSTEM TIME of a scheduled backup description', () => {
  expect(asOfOf("BACKUP INTO '/2026/11/25-222000.00' IN 'x' AS OF SYSTEM TIME '2026-11-25 22:20:00+00:00' WITH detached")).toBe('2026-11-25T22:20:00Z');
  expect(asOfOf(null)).toBeNull();
});
