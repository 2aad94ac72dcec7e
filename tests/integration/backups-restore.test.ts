import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/clusters/[cluster]/backups/route';
import { POST as validateRoute } from '@/app/api/v1/clusters/[cluster]/backups/validate/route';
import type { DemoCluster } from '@/lib/demo/cluster';
import type { BackupsPage, BackupValidation } from '@/lib/api/types/backups';
import { clearBackupsCache } from '@/lib/sql/backups';
import { configureDashboardFor, query, startFrozen } from './demo-helpers';

/** Issue 18 point 7: to when each collection restores, its chain, the RESTORE to copy, an RTO from past restores. */
const CLUSTER = 'restore18';
const DR = 's3://acme-crdb-backups/prod/cluster?AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE&AWS_SECRET_ACCESS_KEY=redacted';
const MOVR = 'gs://acme-crdb-backups/movr?AUTH=implicit';
let demo: DemoCluster;
let page: BackupsPage;
beforeAll(async () => {
  // Five days of job history: payroll_weekly (paused nine days before the start) has no job left, while
  // storage still holds the full backup the demo seeds before its history (as jobs.retention_time deletes jobs, not backups).
  demo = await startFrozen({ version: '25.4', historyDays: 5 });
  configureDashboardFor(demo, CLUSTER);
  clearBackupsCache();
  const res = await listRoute(new Request(`http://x/api/v1/clusters/${CLUSTER}/backups`), { params: Promise.resolve({ cluster: CLUSTER }) });
  expect(res.status).toBe(200);
  page = (await res.json()) as BackupsPage;
});
afterAll(() => demo?.stop());

const coll = (c: string) => {
  const x = page.collections.find((y) => y.collection === c);
  if (!x?.restore) throw new Error(`no restore point for ${c}`);
  return x.restore;
};

describe('restore points per collection', () => {
  it('the newest restorable time is the newest end_time of the newest chain, as SHOW BACKUP says over pgwire', async () => {
    for (const c of [DR, MOVR]) {
      const r = coll(c);
      const rows = await query<{ backup_type: string; end_time: Date }>(demo.sqlUrl, 'SELECT backup_type, end_time FROM [SHOW BACKUP FROM LATEST IN $1]', [c]);
      const ends = rows.rows.map((x) => x.end_time.getTime());
      expect(Date.parse(r.newest_restorable as string)).toBe(Math.max(...ends));
      expect(r.chain_length).toBe(new Set(rows.rows.map((x) => `${x.backup_type}|${x.end_time.toISOString()}`)).size);
      const full = rows.rows.find((x) => x.backup_type === 'full');
      expect(Date.parse(r.full_end_time as string)).toBe(full?.end_time.getTime());
      expect(r.full_age_s).toBeGreaterThanOrEqual(r.rpo_s as number);
    }
  });

  it('surfaces revision_history and encryption from the schedules, and a RESTORE to copy', () => {
    const dr = coll(DR);
    expect(dr).toMatchObject({ revision_history: true, encryption: 'none', is_full_cluster: true });
    // Revision history: AS OF SYSTEM TIME at the newest point, which the operator may move back.
    expect(dr.restore_sql).toMatch(/^RESTORE FROM LATEST IN 's3:\/\/acme-crdb-backups\/prod\/cluster\?[^']*' AS OF SYSTEM TIME '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00:00' WITH detached;$/);
    const movr = coll(MOVR);
    expect(movr).toMatchObject({ revision_history: false, is_full_cluster: false });
    expect(movr.restore_sql).toBe(`RESTORE DATABASE movr FROM LATEST IN '${MOVR}' WITH detached;`);
  });

  it('estimates the restore time from past restores of known size, or says why not', () => {
    const movr = coll(MOVR);
    if (movr.rto) {
      expect(movr.rto.estimate_s).toBe(Math.round(movr.chain_bytes / movr.rto.bytes_per_s));
      expect(movr.rto_note).toMatch(/median throughput of \d+ past restore/);
    } else {
      expect(movr.rto_note).toMatch(/^no estimate: /);
    }
    expect(page.sql.some((s) => /job_type = 'RESTORE'/.test(s))).toBe(true);
  });

  it('Validate says to when the checked chain restores', async () => {
    const backup = page.collections.find((c) => c.collection === DR)?.backups?.[0] as string;
    const res = await validateRoute(new Request(`http://x/api/v1/clusters/${CLUSTER}/backups/validate?${new URLSearchParams({ collection: DR, backup })}`, { method: 'POST' }), { params: Promise.resolve({ cluster: CLUSTER }) });
    const v = (await res.json()) as BackupValidation;
    if (v.ok) {
      expect(v.restorable?.newest).toBe(coll(DR).newest_restorable);
      expect(v.restorable).toMatchObject({ revision_history: true, earliest: coll(DR).full_end_time, layers: coll(DR).chain_length });
    } else {
      expect(v.restorable).toBeNull();
    }
  });
});

describe('a schedule whose success is older than the kept jobs (payroll_weekly)', () => {
  it('says there is no successful job within the 14 days CockroachDB keeps jobs, and names the newest backup in storage', async () => {
    const { GET } = await import('@/app/api/v1/clusters/[cluster]/schedules/route');
    const res = await GET(new Request(`http://x/api/v1/clusters/${CLUSTER}/schedules`), { params: Promise.resolve({ cluster: CLUSTER }) });
    const body = (await res.json()) as { schedules: { label: string; backup_type: string; collection: string; freshness: { age_s: number | null; reason: string } }[]; groups: { label: string; freshness: { age_s: number | null; reason: string } }[] };
    const full = body.schedules.find((s) => s.label === 'payroll_weekly' && s.backup_type === 'FULL');
    expect(full?.freshness.age_s).toBeNull();
    const newest = page.collections.find((c) => c.collection === full?.collection)?.backups?.[0];
    expect(newest).toMatch(/^\/\d{4}\//);
    expect(full?.freshness.reason).toContain(`no successful job within the 14 days CockroachDB keeps jobs; newest backup in storage: ${newest}`);
    expect(full?.freshness.reason).not.toMatch(/never succeeded/);
  });
});
