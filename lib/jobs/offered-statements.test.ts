import { describe, expect, it } from 'vitest';
import { offeredStatements, withoutAsOf, type OfferInput } from './offered-statements';

const base: OfferInput = { job_id: '42', job_type: 'BACKUP', status: 'running', description: null, statement: null, schedule: null };
const sqls = (j: Partial<OfferInput>) => offeredStatements({ ...base, ...j }).map((s) => s.sql);

describe('statements offered on the job page', () => {
  it.each([
    ['running', ['SHOW JOB 42;', 'PAUSE JOB 42;', 'CANCEL JOB 42;']],
    ['paused', ['SHOW JOB 42;', 'RESUME JOB 42;', 'CANCEL JOB 42;']],
    ['paused: out of disk', ['SHOW JOB 42;', 'RESUME JOB 42;', 'CANCEL JOB 42;']],
    ['succeeded', ['SHOW JOB 42;']],
    ['pause-requested', ['SHOW JOB 42;']],
  ])('%s → %j', (status, want) => {
    expect(sqls({ status })).toEqual(want);
  });

  it('a failed restore offers its own statement again, never PAUSE/RESUME/CANCEL', () => {
    const s = sqls({ job_type: 'RESTORE', status: 'failed', statement: "RESTORE DATABASE movr FROM LATEST IN 'gs://b/movr' WITH detached" });
    expect(s).toEqual(['SHOW JOB 42;', "RESTORE DATABASE movr FROM LATEST IN 'gs://b/movr' WITH detached;"]);
  });

  it("a failed scheduled incremental offers EXECUTE IMMEDIATELY (resuming a paused schedule first) and a by-hand run without the schedule's AS OF", () => {
    const description = "BACKUP INTO LATEST IN 'gs://b/movr' AS OF SYSTEM TIME '2026-11-25 20:00:00+00' WITH OPTIONS (detached)";
    expect(sqls({ status: 'failed', description, schedule: { id: '77', schedule_status: 'ACTIVE' } })).toEqual([
      'SHOW JOB 42;',
      'ALTER BACKUP SCHEDULE 77 EXECUTE IMMEDIATELY;',
      "BACKUP INTO LATEST IN 'gs://b/movr' WITH OPTIONS (detached);",
    ]);
    expect(sqls({ status: 'canceled', description: "BACKUP INTO 'gs://b/movr' WITH detached", schedule: { id: '77', schedule_status: 'PAUSED' } })).toEqual([
      'SHOW JOB 42;',
      'RESUME SCHEDULE 77;',
      'ALTER BACKUP SCHEDULE 77 EXECUTE FULL IMMEDIATELY;',
      "BACKUP INTO 'gs://b/movr' WITH detached;",
    ]);
  });

  it("a scheduled incremental's description names the chain's subdirectory; an empty statement falls back to the description", () => {
    const description = "BACKUP DATABASE movr INTO '/2026/12/01-180000.00' IN 'gs://b/movr' AS OF SYSTEM TIME '2026-12-02 00:00:00+00:00' WITH detached";
    expect(sqls({ status: 'failed', description, statement: '', schedule: { id: '77', schedule_status: 'ACTIVE' } })).toEqual([
      'SHOW JOB 42;',
      'ALTER BACKUP SCHEDULE 77 EXECUTE IMMEDIATELY;',
      "BACKUP DATABASE movr INTO '/2026/12/01-180000.00' IN 'gs://b/movr' WITH detached;",
    ]);
  });

  it('drops only the AS OF SYSTEM TIME clause', () => {
    expect(withoutAsOf("BACKUP DATABASE movr INTO 's3://x' AS OF SYSTEM TIME '-10s' WITH detached")).toBe("BACKUP DATABASE movr INTO 's3://x' WITH detached");
  });
});
