import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '@/lib/demo/cluster';
import { query, scrape, startFrozen, valueOf } from './demo-helpers';

/**
 * The demo cluster's `/_status/vars`, checked against the reference (shared/reference/cockroachdb.md
 * a.2): exported names, TYPE lines, node_id labels, and agreement with what SQL says.
 */
const EXPECTED: Record<string, 'counter' | 'gauge'> = {
  schedules_BACKUP_failed: 'counter',
  schedules_BACKUP_started: 'counter',
  schedules_BACKUP_succeeded: 'counter',
  schedules_BACKUP_last_completed_time: 'gauge',
  schedules_BACKUP_protected_age_sec: 'gauge',
  schedules_BACKUP_protected_record_count: 'gauge',
  schedules_round_reschedule_skip: 'gauge',
  schedules_round_reschedule_wait: 'gauge',
  schedules_round_jobs_started: 'gauge',
  schedules_error: 'gauge',
  schedules_malformed: 'gauge',
  ...Object.fromEntries(
    ['backup', 'restore'].flatMap((t) => [
      [`jobs_${t}_currently_paused`, 'gauge'],
      [`jobs_${t}_currently_running`, 'gauge'],
      [`jobs_${t}_currently_idle`, 'gauge'],
      [`jobs_${t}_protected_age_sec`, 'gauge'],
      [`jobs_${t}_protected_record_count`, 'gauge'],
      [`jobs_${t}_resume_completed`, 'counter'],
      [`jobs_${t}_resume_failed`, 'counter'],
      [`jobs_${t}_resume_retry_error`, 'counter'],
      [`jobs_${t}_fail_or_cancel_completed`, 'counter'],
      [`jobs_${t}_fail_or_cancel_retry_error`, 'counter'],
      [`jobs_${t}_expired_pts_records`, 'counter'],
    ]),
  ),
};

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startFrozen();
});
afterAll(() => cluster?.stop());

const scrapeAll = () => Promise.all(cluster.nodeUrls.map(scrape));
const total = (exps: Awaited<ReturnType<typeof scrapeAll>>, name: string) => exps.reduce((a, e) => a + (valueOf(e, name) ?? 0), 0);

describe('demo /_status/vars', () => {
  it('serves every backup/restore metric with CockroachDB’s name and TYPE, labelled with the node id', async () => {
    const exps = await scrapeAll();
    exps.forEach((exp, i) => {
      for (const [name, type] of Object.entries(EXPECTED)) {
        const fam = exp.families.get(name);
        expect(fam, name).toBeDefined();
        expect(fam!.type, name).toBe(type);
        expect(fam!.help.length, name).toBeGreaterThan(10);
        expect(fam!.samples.map((s) => s.labels.node_id)).toEqual([String(i + 1)]);
      }
      const id = exp.families.get('node_id')!.samples[0];
      expect(id.value).toBe(i + 1);
      expect(id.labels.http_addr).toBe(new URL(cluster.nodeUrls[i]).host);
      // 25.4 dropped fail_or_cancel_failed (docs metrics.yaml v25.4+).
      expect(exp.families.has('jobs_backup_fail_or_cancel_failed')).toBe(false);
    });
  });

  it('agrees with SQL: running and paused jobs, per coordinator node', async () => {
    const exps = await scrapeAll();
    const { rows } = await query<{ job_type: string; status: string; coordinator_id: string | null; n: string }>(
      cluster.sqlUrl,
      `SELECT job_type, status, coordinator_id, count(*) AS n FROM crdb_internal.jobs WHERE job_type IN ('BACKUP', 'RESTORE') AND status IN ('running', 'reverting', 'pause-requested', 'cancel-requested', 'paused') GROUP BY 1, 2, 3`,
    );
    for (const [t, type] of [['backup', 'BACKUP'], ['restore', 'RESTORE']] as const) {
      const running = rows.filter((r) => r.job_type === type && r.status !== 'paused');
      expect(total(exps, `jobs_${t}_currently_running`)).toBe(running.reduce((a, r) => a + Number(r.n), 0));
      exps.forEach((e, i) => {
        const mine = running.filter((r) => r.coordinator_id === String(i + 1)).reduce((a, r) => a + Number(r.n), 0);
        expect(valueOf(e, `jobs_${t}_currently_running`), `${t} on n${i + 1}`).toBe(mine);
      });
      const paused = rows.filter((r) => r.job_type === type && r.status === 'paused').reduce((a, r) => a + Number(r.n), 0);
      expect(total(exps, `jobs_${t}_currently_paused`)).toBe(paused);
    }
    // The paused backup still holds its protected timestamp: the oldest record is over an hour old.
    expect(Math.max(...exps.map((e) => valueOf(e, 'jobs_backup_protected_age_sec') ?? 0))).toBeGreaterThan(3600);
  });

  it('counts scheduled backups on the node that ran them, matching the jobs the schedules created', async () => {
    const exps = await scrapeAll();
    const { rows } = await query<{ status: string; n: string }>(
      cluster.sqlUrl,
      `SELECT status, count(*) AS n FROM system.jobs WHERE created_by_type = 'crdb_schedule' GROUP BY status`,
    );
    const count = (pred: (s: string) => boolean) => rows.filter((r) => pred(r.status)).reduce((a, r) => a + Number(r.n), 0);
    expect(total(exps, 'schedules_BACKUP_started')).toBe(count(() => true));
    expect(total(exps, 'schedules_BACKUP_succeeded')).toBe(count((s) => s === 'succeeded'));
    expect(total(exps, 'schedules_BACKUP_failed')).toBe(count((s) => s === 'failed' || s === 'canceled'));
  });

  it('never decreases a counter as time passes, except across a node restart', async () => {
    const counters = Object.entries(EXPECTED).filter(([, t]) => t === 'counter').map(([n]) => n);
    let before = await scrapeAll();
    for (let i = 0; i < 4; i++) {
      cluster.model.advance(20 * 60_000);
      const after = await scrapeAll();
      for (const name of counters) after.forEach((e, n) => expect(valueOf(e, name)!, `${name} n${n + 1}`).toBeGreaterThanOrEqual(valueOf(before[n], name)!));
      before = after;
    }
    expect(total(before, 'schedules_BACKUP_started')).toBeGreaterThan(0);
    await cluster.restartNode(3, 50);
    const restarted = await scrape(cluster.nodeUrls[2]);
    for (const name of counters) expect(valueOf(restarted, name), name).toBe(0);
    expect(valueOf(restarted, 'schedules_BACKUP_last_completed_time')).toBe(0);
  });
});
