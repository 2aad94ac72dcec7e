import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FAMILIES } from './backup-families';
import { buildFillerFamilies, JOB_FAMILY_TEMPLATES } from './filler-families';
import { startNodeServer, type NodeServer } from './node-server';
import { NODE_ID_HELP, renderStatusVars } from './status-vars';
import { parseExposition, type Exposition } from './test-exposition';
import { FixtureClusterState, fixtureJob } from './test-fixture';

/**
 * Expected backup/restore/scheduler families, written from the reference, not from our table:
 * TYPE from real `# TYPE` lines (reference a.2), HELP from the docs metric catalog
 * (shared/reference/crdb-docs/metrics-catalog/*.csv).
 */
const EXPECTED: Record<string, readonly [type: 'counter' | 'gauge', help: string]> = {
  schedules_BACKUP_started: ['counter', 'Number of BACKUP jobs started'],
  schedules_BACKUP_succeeded: ['counter', 'Number of BACKUP jobs succeeded'],
  schedules_BACKUP_failed: ['counter', 'Number of BACKUP jobs failed'],
  schedules_BACKUP_last_completed_time: [
    'gauge',
    'The unix timestamp of the most recently completed backup by a schedule specified as maintaining this metric',
  ],
  schedules_BACKUP_protected_age_sec: ['gauge', 'The age of the oldest PTS record protected by BACKUP schedules'],
  schedules_BACKUP_protected_record_count: ['gauge', 'Number of PTS records held by BACKUP schedules'],
  schedules_round_reschedule_skip: ['gauge', 'The number of schedules rescheduled due to SKIP policy'],
  schedules_round_reschedule_wait: ['gauge', 'The number of schedules rescheduled due to WAIT policy'],
  schedules_round_jobs_started: ['gauge', 'The number of jobs started'],
  schedules_error: ['gauge', 'Number of schedules which did not execute successfully'],
  schedules_malformed: ['gauge', 'Number of malformed schedules'],
};
for (const t of ['backup', 'restore']) {
  Object.assign(EXPECTED, {
    [`jobs_${t}_currently_running`]: ['gauge', `Number of ${t} jobs currently running in Resume or OnFailOrCancel state`],
    [`jobs_${t}_currently_paused`]: ['gauge', `Number of ${t} jobs currently considered Paused`],
    [`jobs_${t}_currently_idle`]: ['gauge', `Number of ${t} jobs currently considered Idle and can be freely shut down`],
    [`jobs_${t}_resume_completed`]: ['counter', `Number of ${t} jobs which successfully resumed to completion`],
    [`jobs_${t}_resume_failed`]: ['counter', `Number of ${t} jobs which failed with a non-retriable error`],
    [`jobs_${t}_resume_retry_error`]: ['counter', `Number of ${t} jobs which failed with a retriable error`],
    [`jobs_${t}_fail_or_cancel_completed`]: ['counter', `Number of ${t} jobs which successfully completed their failure or cancelation process`],
    [`jobs_${t}_fail_or_cancel_failed`]: [
      'counter',
      `Number of ${t} jobs which failed with a non-retriable error on their failure or cancelation process`,
    ],
    [`jobs_${t}_fail_or_cancel_retry_error`]: [
      'counter',
      `Number of ${t} jobs which failed with a retriable error on their failure or cancelation process`,
    ],
    [`jobs_${t}_protected_age_sec`]: ['gauge', `The age of the oldest PTS record protected by ${t} jobs`],
    [`jobs_${t}_protected_record_count`]: ['gauge', `Number of protected timestamp records held by ${t} jobs`],
    [`jobs_${t}_expired_pts_records`]: ['counter', `Number of expired protected timestamp records owned by ${t} jobs`],
  });
}

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(state: FixtureClusterState, nodeId = 1, seed = 7): Promise<NodeServer> {
  const s = await startNodeServer({ state, nodeId, port: 0, seed });
  servers.push(s);
  state.setNodeAddrs(nodeId, { http_addr: `127.0.0.1:${s.port}` });
  return s;
}

async function scrape(s: NodeServer): Promise<{ text: string; exp: Exposition }> {
  const res = await fetch(`${s.url}/_status/vars`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, exp: parseExposition(text) };
}

/** Every monotone series of a scrape: counter samples and histogram bucket/sum/count samples. */
function monotoneSeries(e: Exposition): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of e.families.values()) {
    if (f.type !== 'counter' && f.type !== 'histogram') continue;
    for (const s of f.samples) out.set(`${s.name}${JSON.stringify(s.labels)}`, s.value);
  }
  return out;
}

describe('/_status/vars over HTTP', () => {
  it('prints every backup metric exactly once with the reference HELP and TYPE (25.4: no fail_or_cancel_failed)', async () => {
    const { text, exp } = await scrape(await serve(new FixtureClusterState({ version: '25.4' })));
    for (const [name, [type, help]] of Object.entries(EXPECTED)) {
      const count = text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `)).length;
      if (name.endsWith('_fail_or_cancel_failed')) {
        expect(exp.families.has(name), name).toBe(false);
        continue;
      }
      expect(count, name).toBe(1);
      const fam = exp.families.get(name);
      expect(fam?.type, name).toBe(type);
      expect(fam?.help, name).toBe(help);
      expect(text).toContain(`# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`);
    }
  });

  it('prints fail_or_cancel_failed where the model reports it (23.2)', async () => {
    const { exp } = await scrape(await serve(new FixtureClusterState({ version: '23.2' })));
    for (const name of Object.keys(EXPECTED)) expect(exp.families.has(name), name).toBe(true);
    expect(exp.families.get('jobs_backup_fail_or_cancel_failed')?.type).toBe('counter');
  });

  it('prints only the backup names nodeMetrics returns, with their values', async () => {
    const state = new FixtureClusterState();
    state.metricsOverride.set(1, { schedules_BACKUP_failed: 3, jobs_backup_protected_age_sec: 12.5, not_a_backup_metric: 9 });
    const { exp } = await scrape(await serve(state));
    const present = Object.keys(EXPECTED).filter((n) => exp.families.has(n));
    expect(present.sort()).toEqual(['jobs_backup_protected_age_sec', 'schedules_BACKUP_failed']);
    expect(exp.families.get('schedules_BACKUP_failed')?.samples[0].rawValue).toBe('3');
    expect(exp.families.get('jobs_backup_protected_age_sec')?.samples[0].rawValue).toBe('12.5');
    expect(exp.families.has('not_a_backup_metric')).toBe(false);
  });

  it('labels every sample with node_id (registry labels first), store samples {store,node_id}, buckets last le', async () => {
    const state = new FixtureClusterState();
    const { exp } = await scrape(await serve(state, 2));
    let store = 0;
    for (const f of exp.families.values()) {
      for (const s of f.samples) {
        expect(s.labels.node_id, s.name).toBe('2');
        if (s.labelOrder[0] === 'store') {
          store++;
          expect(s.labelOrder.slice(0, 2)).toEqual(['store', 'node_id']);
        } else expect(s.labelOrder[0], s.name).toBe('node_id');
        if (s.name.endsWith('_bucket')) expect(s.labelOrder.at(-1)).toBe('le');
      }
    }
    expect(store).toBeGreaterThan(50);
  });

  it('is a full-size payload (>= 100 KB) of real families', async () => {
    const { text, exp } = await scrape(await serve(new FixtureClusterState()));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(100 * 1024);
    expect(exp.families.size).toBeGreaterThan(600);
    for (const name of [
      'sql_select_count',
      'sql_insert_count',
      'jobs_adopt_iterations',
      'jobs_claimed_jobs',
      'jobs_resumed_claimed_jobs',
      'jobs_running_non_idle',
      'jobs_metrics_task_failed',
      'jobs_changefeed_currently_running',
      'jobs_schema_change_resume_completed',
      'jobs_auto_create_stats_currently_running',
      'sql_service_latency',
      'sys_uptime',
    ]) {
      expect(exp.families.has(name), name).toBe(true);
    }
    expect(exp.families.get('jobs_adopt_iterations')?.type).toBe('counter');
    expect(exp.families.get('jobs_running_non_idle')?.type).toBe('gauge');
    // 25.4 dropped fail_or_cancel_failed for every job type, filler included.
    expect(exp.families.has('jobs_changefeed_fail_or_cancel_failed')).toBe(false);
  });

  it('has well-formed histograms: cumulative buckets, +Inf == _count, _sum present', async () => {
    const { exp } = await scrape(await serve(new FixtureClusterState()));
    const hists = [...exp.families.values()].filter((f) => f.type === 'histogram');
    expect(hists.length).toBeGreaterThan(30);
    let nonEmpty = 0;
    for (const f of hists) {
      const buckets = f.samples.filter((s) => s.name === `${f.name}_bucket`);
      const les = buckets.map((b) => b.labels.le);
      expect(les.at(-1), f.name).toBe('+Inf');
      for (let i = 1; i < buckets.length; i++) {
        expect(Number(les[i]) > Number(les[i - 1]) || les[i] === '+Inf', `${f.name} le order`).toBe(true);
        expect(buckets[i].value, `${f.name} cumulative`).toBeGreaterThanOrEqual(buckets[i - 1].value);
      }
      const count = f.samples.filter((s) => s.name === `${f.name}_count`);
      const sum = f.samples.filter((s) => s.name === `${f.name}_sum`);
      expect(count.length, f.name).toBe(1);
      expect(sum.length, f.name).toBe(1);
      expect(buckets.at(-1)?.value, `${f.name} +Inf`).toBe(count[0].value);
      expect(sum[0].value).toBeGreaterThanOrEqual(0);
      if (count[0].value > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('changes family order between scrapes, keeping the same set of families', async () => {
    const s = await serve(new FixtureClusterState());
    const a = (await scrape(s)).exp;
    const b = (await scrape(s)).exp;
    expect(a.order).not.toEqual(b.order);
    expect([...a.order].sort()).toEqual([...b.order].sort());
  });

  it('exports node_id with the node addresses, the HTTP one being where it was scraped', async () => {
    const state = new FixtureClusterState();
    const s = await serve(state, 3);
    const { exp } = await scrape(s);
    const fam = exp.families.get('node_id');
    expect(fam?.type).toBe('gauge');
    expect(fam?.help).toBe(NODE_ID_HELP);
    expect(fam?.help).toBe('node ID with labels for advertised RPC and HTTP addresses');
    expect(fam?.samples).toHaveLength(1);
    const sample = fam?.samples[0];
    expect(sample?.rawValue).toBe('3');
    expect(sample?.labelOrder).toEqual(['node_id', 'advertise_addr', 'http_addr', 'sql_addr']);
    expect(sample?.labels).toEqual({
      node_id: '3',
      advertise_addr: '127.0.0.1:26259',
      http_addr: `127.0.0.1:${s.port}`,
      sql_addr: '127.0.0.1:26259',
    });
  });

  it('never decreases counters or histogram series as the cluster clock advances', async () => {
    const state = new FixtureClusterState();
    const s = await serve(state);
    let prev = monotoneSeries((await scrape(s)).exp);
    let grew = 0;
    for (const stepMs of [1_000, 10_000, 600_000, 3_600_000]) {
      state.advance(stepMs);
      const cur = monotoneSeries((await scrape(s)).exp);
      expect([...cur.keys()].sort()).toEqual([...prev.keys()].sort());
      for (const [k, v] of cur) {
        expect(v, k).toBeGreaterThanOrEqual(prev.get(k) ?? 0);
        if (v > (prev.get(k) ?? 0)) grew++;
      }
      prev = cur;
    }
    expect(grew).toBeGreaterThan(100);
  });

  it('reports per-type job gauges from the model jobs (coordinator node only)', async () => {
    const state = new FixtureClusterState();
    state.jobList.push(
      fixtureJob({ job_id: '1', job_type: 'AUTO CREATE STATS', status: 'running', coordinator_id: 1 }),
      fixtureJob({ job_id: '2', job_type: 'CHANGEFEED', status: 'running', coordinator_id: 2 }),
      fixtureJob({ job_id: '3', job_type: 'CHANGEFEED', status: 'paused', coordinator_id: null }),
    );
    const one = (await scrape(await serve(state, 1))).exp;
    const two = (await scrape(await serve(state, 2))).exp;
    const v = (e: Exposition, n: string) => e.families.get(n)?.samples[0].value;
    expect(v(one, 'jobs_auto_create_stats_currently_running')).toBe(1);
    expect(v(two, 'jobs_auto_create_stats_currently_running')).toBe(0);
    expect(v(two, 'jobs_changefeed_currently_running')).toBe(1);
    expect(v(one, 'jobs_changefeed_currently_paused')).toBe(1);
    expect(v(two, 'jobs_changefeed_currently_paused')).toBe(0);
    // Node 1 also coordinates the fixture's running backup.
    expect(v(one, 'jobs_running_non_idle')).toBe(2);
  });

  it('reports paused counts on the node running POLL JOBS STATS, which sits idle', async () => {
    const state = new FixtureClusterState();
    state.jobList.push(
      fixtureJob({ job_id: '1', job_type: 'POLL JOBS STATS', status: 'running', coordinator_id: 2 }),
      fixtureJob({ job_id: '2', job_type: 'CHANGEFEED', status: 'paused', coordinator_id: null }),
    );
    const one = (await scrape(await serve(state, 1))).exp;
    const two = (await scrape(await serve(state, 2))).exp;
    const v = (e: Exposition, n: string) => e.families.get(n)?.samples[0].value;
    expect(v(one, 'jobs_changefeed_currently_paused')).toBe(0);
    expect(v(two, 'jobs_changefeed_currently_paused')).toBe(1);
    expect(v(two, 'jobs_poll_jobs_stats_currently_running')).toBe(1);
    expect(v(two, 'jobs_poll_jobs_stats_currently_idle')).toBe(1);
    expect(v(two, 'jobs_running_non_idle')).toBe(0);
  });
});

describe('renderStatusVars', () => {
  it('is deterministic for a seed, node, time and scrape, and differs across nodes', () => {
    const state = new FixtureClusterState();
    const a = renderStatusVars({ state, nodeId: 1, seed: 5, scrapeNo: 3 });
    expect(renderStatusVars({ state, nodeId: 1, seed: 5, scrapeNo: 3 })).toBe(a);
    const b = renderStatusVars({ state, nodeId: 2, seed: 5, scrapeNo: 3 });
    const line = (t: string) => t.split('\n').find((l) => l.startsWith('sql_select_count{'))?.split(' ')[1];
    expect(line(a)).not.toBe(line(b));
  });

  it('renders a 100+ KB payload in a few ms once compiled', () => {
    const state = new FixtureClusterState();
    renderStatusVars({ state, nodeId: 1, seed: 9, scrapeNo: 0 });
    const n = 20;
    const t0 = performance.now();
    for (let i = 1; i <= n; i++) renderStatusVars({ state, nodeId: 1, seed: 9, scrapeNo: i });
    const ms = (performance.now() - t0) / n;
    expect(ms).toBeLessThan(25); // typically ~1–2 ms; loose for busy CI machines
  });

  it('throws for a node the cluster does not have', () => {
    expect(() => renderStatusVars({ state: new FixtureClusterState(), nodeId: 9, seed: 1, scrapeNo: 1 })).toThrow(/node 9/);
  });
});

describe('family tables', () => {
  it('the per-job-type HELP templates reproduce the backup table exactly', () => {
    for (const t of ['backup', 'restore']) {
      for (const tpl of JOB_FAMILY_TEMPLATES) {
        const f = BACKUP_FAMILIES.find((x) => x.name === `jobs_${t}_${tpl.suffix}`);
        expect(f, tpl.suffix).toBeDefined();
        expect(f?.help).toBe(tpl.help.replace('%s', t));
        expect(f?.type).toBe(tpl.type);
      }
    }
  });

  it('the backup table equals the expected table', () => {
    expect(BACKUP_FAMILIES.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of BACKUP_FAMILIES) expect([f.type, f.help]).toEqual([...EXPECTED[f.name]]);
  });

  it('filler never shadows a backup family or node_id', () => {
    const names = buildFillerFamilies({ version: '24.3', seed: 1, nodeId: 1 }).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of [...Object.keys(EXPECTED), 'node_id']) expect(names).not.toContain(n);
  });

  // The docs catalog extract ships in shared/ (beside the repo); cross-check HELP/TYPE when present.
  const catalog = fileURLToPath(
    new URL('../../../../shared/reference/crdb-docs/metrics-catalog/backup-restore-metrics-from-metrics.yaml-v25.3-v26.3.csv', import.meta.url),
  );
  it.skipIf(!existsSync(catalog))('matches the docs metric catalog (v25.3–v26.3 metrics.yaml)', () => {
    const rows = readFileSync(catalog, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
    let checked = 0;
    for (const f of BACKUP_FAMILIES) {
      const row = rows.find((r) => r.includes(`,${f.name},`));
      if (!row) continue;
      expect(row, f.name).toContain(`,${f.type.toUpperCase()},`);
      expect(row.endsWith(`,${f.help}`) || row.endsWith(`,"${f.help}"`), f.name).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(BACKUP_FAMILIES.length - 2);
  });
});
