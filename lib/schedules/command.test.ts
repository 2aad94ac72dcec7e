import { describe, expect, it } from 'vitest';
import { backupOptions, collectionOf, parseCommand } from './command';

describe('parseCommand', () => {
  it('reads the JSON of SHOW SCHEDULES, taking unpause_on_success as a string beyond 2^53', () => {
    // As the docs print it (show-schedules__01.txt): a JSON number that JSON.parse would round.
    const c = parseCommand('{"backup_statement": "BACKUP INTO \'s3://b?AWS_SECRET_ACCESS_KEY=redacted\' WITH revision_history, detached", "unpause_on_success": 589963390457741313}');
    expect(c).toEqual({
      statement: "BACKUP INTO 's3://b?AWS_SECRET_ACCESS_KEY=redacted' WITH revision_history, detached",
      backup_type: 'FULL',
      unpause_on_success: '589963390457741313',
      updates_metric: false,
    });
  });

  it('backup_type 1 is INCREMENTAL; updates_last_backup_metric when printed', () => {
    const c = parseCommand('{"backup_type": 1, "backup_statement": "BACKUP INTO LATEST IN \'external://x\' WITH detached", "updates_last_backup_metric": true}');
    expect(c).toMatchObject({ backup_type: 'INCREMENTAL', unpause_on_success: null, updates_metric: true });
  });

  it('tolerates the id quoted, and plain statement text (SHOW SCHEDULES FOR BACKUP, SHOW RUNNING SCHEDULES)', () => {
    expect(parseCommand('{"backup_statement": "BACKUP INTO \'x://y\'", "unpause_on_success": "1225880499569197057"}').unpause_on_success).toBe('1225880499569197057');
    expect(parseCommand("BACKUP DATABASE movr INTO LATEST IN 'gs://m' WITH detached")).toEqual({
      statement: "BACKUP DATABASE movr INTO LATEST IN 'gs://m' WITH detached",
      backup_type: 'INCREMENTAL',
      unpause_on_success: null,
      updates_metric: null,
    });
  });

  it('a non-backup schedule (SQL stats compaction) has no statement; null stays null', () => {
    expect(parseCommand('{}')).toMatchObject({ statement: null, backup_type: null });
    expect(parseCommand(null)).toMatchObject({ statement: null, backup_type: null });
  });
});

describe('collectionOf', () => {
  it.each([
    ["BACKUP INTO 's3://b/p?A=1' WITH detached", 's3://b/p?A=1'],
    ["BACKUP DATABASE movr INTO LATEST IN 'gs://m?AUTH=implicit' WITH detached", 'gs://m?AUTH=implicit'],
    ["BACKUP TABLE t INTO ('s3://us?COCKROACH_LOCALITY=default', 's3://eu?COCKROACH_LOCALITY=region%3Deu')", 's3://us?COCKROACH_LOCALITY=default'],
    ["BACKUP INTO 'nodelocal://1/it''s'", "nodelocal://1/it's"],
    ['SELECT 1', null],
    [null, null],
  ])('%s → %s', (stmt, coll) => {
    expect(collectionOf(stmt)).toBe(coll);
  });
});

describe('backupOptions', () => {
  it('names and values, URIs and passphrases redacted', () => {
    expect(backupOptions("BACKUP INTO 's3://b' WITH revision_history, detached, kms = 'aws:///k?AWS_SECRET_ACCESS_KEY=s&REGION=r', encryption_passphrase = 'x'")).toEqual([
      { name: 'revision_history', value: 'true' },
      { name: 'detached', value: 'true' },
      { name: 'kms', value: 'aws:///k?AWS_SECRET_ACCESS_KEY=redacted&REGION=r' },
      { name: 'encryption_passphrase', value: 'redacted' },
    ]);
    expect(backupOptions("BACKUP INTO 's3://b?X=WITH'")).toEqual([]);
    expect(backupOptions(null)).toEqual([]);
  });
});
