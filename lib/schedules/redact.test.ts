import { describe, expect, it } from 'vitest';
import { redactStatement, redactUri, sqlLiteral } from './redact';

describe('redactUri', () => {
  it.each([
    ['s3://b/p?AWS_ACCESS_KEY_ID=AKIA1&AWS_SECRET_ACCESS_KEY=wJalr%2Fx', 's3://b/p?AWS_ACCESS_KEY_ID=AKIA1&AWS_SECRET_ACCESS_KEY=redacted'],
    ['s3://b/p?AWS_SECRET_ACCESS_KEY=x&AWS_SESSION_TOKEN=y', 's3://b/p?AWS_SECRET_ACCESS_KEY=redacted&AWS_SESSION_TOKEN=redacted'],
    ['azure-blob://c/p?AZURE_ACCOUNT_NAME=acct&AZURE_ACCOUNT_KEY=abc%3D%3D', 'azure-blob://c/p?AZURE_ACCOUNT_NAME=acct&AZURE_ACCOUNT_KEY=redacted'],
    ['azure://c/p?AZURE_CLIENT_ID=id&AZURE_CLIENT_SECRET=s&AZURE_TENANT_ID=t', 'azure://c/p?AZURE_CLIENT_ID=id&AZURE_CLIENT_SECRET=redacted&AZURE_TENANT_ID=t'],
    ['gs://b/p?AUTH=specified&CREDENTIALS=ZXlKaGJHY2lP', 'gs://b/p?AUTH=specified&CREDENTIALS=redacted'],
    ['gs://b/p?BEARER_TOKEN=abc', 'gs://b/p?BEARER_TOKEN=redacted'],
    ['userfile://defaultdb.public.userfiles_root/b', 'userfile://defaultdb.public.userfiles_root/b'],
    ['http://user:hunter2@host:8080/backups', 'http://user:redacted@host:8080/backups'],
    ['nodelocal://1/backups', 'nodelocal://1/backups'],
    ['external://backup_s3/sub', 'external://backup_s3/sub'],
    // Already redacted by CockroachDB: unchanged (idempotent).
    ['s3://b/p?AWS_SECRET_ACCESS_KEY=redacted', 's3://b/p?AWS_SECRET_ACCESS_KEY=redacted'],
    ['not a uri', 'not a uri'],
  ])('%s', (uri, out) => {
    expect(redactUri(uri)).toBe(out);
  });
});

describe('redactStatement', () => {
  it('redacts every URI literal and the encryption passphrase', () => {
    const sql =
      "BACKUP INTO 's3://b/p?AWS_SECRET_ACCESS_KEY=abc' WITH kms = 'aws:///arn?AWS_SECRET_ACCESS_KEY=k&REGION=us-east-1', encryption_passphrase = 'pa''ss', detached";
    expect(redactStatement(sql)).toBe(
      "BACKUP INTO 's3://b/p?AWS_SECRET_ACCESS_KEY=redacted' WITH kms = 'aws:///arn?AWS_SECRET_ACCESS_KEY=redacted&REGION=us-east-1', encryption_passphrase = 'redacted', detached",
    );
  });

  it('leaves other literals alone', () => {
    expect(redactStatement("BACKUP INTO 'external://x' AS OF SYSTEM TIME '-10s'")).toBe("BACKUP INTO 'external://x' AS OF SYSTEM TIME '-10s'");
  });
});

it('sqlLiteral doubles quotes', () => {
  expect(sqlLiteral("it's")).toBe("'it''s'");
});
