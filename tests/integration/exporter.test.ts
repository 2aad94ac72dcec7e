/**
 * `GET /metrics` against a frozen demo cluster: the families, labels without credentials, the
 * bound per cluster, promtool's verdict, and that scraping it often costs the cluster nothing more.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metricsRoute } from '@/app/metrics/route';
import type { DemoCluster } from '@/lib/demo/cluster';
import { configureDashboardFor, startFrozen } from './demo-helpers';

const ID = 'exporter';
let demo: DemoCluster;
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

beforeAll(async () => {
  demo = await startFrozen({ version: '25.4' });
  configureDashboardFor(demo, ID);
  // Pinned: process.env outlives a test file in its vitest worker, and another file's 1 s timeout
  // (alerts-engine, schedules-api) times out the 3 × 540 KB scrape on a loaded machine.
  process.env.SCRAPE_INTERVAL = '10s';
  process.env.SCRAPE_TIMEOUT = '5s';
  process.env.HISTORY_DB = path.join(mkdtempSync(path.join(tmpdir(), 'exporter-')), 'h.sqlite');
});
afterAll(() => demo?.stop());

async function scrapeText(): Promise<string> {
  const res = await metricsRoute();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}
const lines = (text: string, family: string) => text.split('\n').filter((l) => l.startsWith(`${family}{`) || l.startsWith(`${family} `));

describe('GET /metrics', () => {
  it('exports per-schedule freshness with cluster, schedule_id, label, backup_type, collection — never a credential', async () => {
    const text = await scrapeText();
    const last = lines(text, 'crdb_monitor_schedule_last_success_timestamp_seconds');
    expect(last.length).toBeGreaterThanOrEqual(6);
    expect(last.join('\n')).toMatch(/cluster="exporter",schedule_id="\d+",label="cluster_dr",backup_type="(FULL|INCREMENTAL)",collection="s3:\/\/acme-crdb-backups\/prod\/cluster"/);
    expect(text).not.toMatch(/AKIAIOSFODNN7EXAMPLE/);
    const stale = lines(text, 'crdb_monitor_schedule_freshness').filter((l) => l.includes('label="payroll_weekly"') && l.includes('status="stale"'));
    expect(stale.some((l) => l.endsWith(' 1'))).toBe(true);
    // One status per schedule is 1, the others 0.
    const perSchedule = new Map<string, number>();
    for (const l of lines(text, 'crdb_monitor_schedule_freshness')) perSchedule.set(l.replace(/,status="\w+"/, '').split(' ')[0], (perSchedule.get(l.replace(/,status="\w+"/, '').split(' ')[0]) ?? 0) + Number(l.split(' ')[1]));
    expect([...perSchedule.values()].every((n) => n === 1)).toBe(true);
    expect(lines(text, 'crdb_monitor_schedule_paused').filter((l) => l.includes('payroll_weekly')).some((l) => l.endsWith(' 1'))).toBe(true);
    expect(lines(text, 'crdb_monitor_schedule_paused').filter((l) => l.includes('cluster_dr')).every((l) => l.endsWith(' 0'))).toBe(true);
    for (const f of ['crdb_monitor_schedule_expected_interval_seconds', 'crdb_monitor_schedule_stale_after_seconds', 'crdb_monitor_schedule_last_run_succeeded']) expect(lines(text, f).length).toBeGreaterThan(0);
    expect(lines(text, 'crdb_monitor_schedules')).toEqual([`crdb_monitor_schedules{cluster="${ID}"} ${lines(text, 'crdb_monitor_schedule_paused').length}`]);
    expect(lines(text, 'crdb_monitor_schedules_not_exported')).toEqual([`crdb_monitor_schedules_not_exported{cluster="${ID}"} 0`]);
  });

  it('exports scrape health per node, SQL reachability and the process\'s own metrics', async () => {
    const text = await scrapeText();
    expect(lines(text, 'crdb_monitor_node_up').sort()).toEqual([1, 2, 3].map((n) => `crdb_monitor_node_up{cluster="${ID}",node="n${n}",node_id="${n}"} 1`));
    expect(lines(text, 'crdb_monitor_node_scrape_bytes').every((l) => Number(l.split(' ')[1]) > 100_000)).toBe(true);
    expect(lines(text, 'crdb_monitor_sql_up')).toEqual([`crdb_monitor_sql_up{cluster="${ID}"} 1`]);
    expect(lines(text, 'process_cpu_user_seconds_total').length).toBe(1);
    expect(lines(text, 'nodejs_heap_size_used_bytes').length).toBe(1);
  });

  it('a node down is 0, not missing', async () => {
    await demo.setNodeFault(3, { mode: 'down' });
    try {
      // The snapshot is cached for the scrape interval: wait it out rather than assume.
      await expect.poll(async () => lines(await scrapeText(), 'crdb_monitor_node_up').find((l) => l.includes('node_id="3"')), { timeout: 20_000, interval: 1000 }).toMatch(/ 0$/);
    } finally {
      await demo.setNodeFault(3, { mode: 'ok' });
    }
  });

  it('scraping it often reads SQL at most once a minute', async () => {
    const before = demo.sqlStatements('SHOW SCHEDULES');
    for (let i = 0; i < 5; i++) await scrapeText();
    expect(demo.sqlStatements('SHOW SCHEDULES') - before).toBe(0);
  });

  it.skipIf(!hasPromtool)('passes promtool check metrics', async () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: await scrapeText(), encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });
});
