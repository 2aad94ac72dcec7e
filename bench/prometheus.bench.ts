/**
 * History through Prometheus against the embedded store, in one run: a real Prometheus loaded
 * with 24 h × 100 nodes of a gauge at a 10 s scrape (`promtool tsdb create-blocks-from
 * openmetrics`, then served from those blocks), the same samples written into the embedded store,
 * and the panel's query (raw, ≤ 1,000 points per series, plus the cluster aggregate) timed on
 * both. Then the cost of one `/metrics` rendering at 100 nodes × 10 schedules. Skipped (said so)
 * where Debian's prometheus is not installed.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { ScheduleRow } from '../lib/api/types/schedules';
import type { ClusterSnapshot } from '../lib/api/types/metrics';
import { renderExposition } from '../lib/api/exporter';
import { PrometheusStore } from '../lib/history/prometheus-store';
import { SqliteStore } from '../lib/history/sqlite-store';
import { chooseStep } from '../lib/history/step';
import type { RangeSpec } from '../lib/history/types';
import { startPrometheus } from '../tests/integration/helpers/prometheus';

const NODES = 100;
const STEP_MS = 10_000;
const DAY_MS = 86_400_000;
const RUNS = 7;
const METRIC = 'jobs_backup_currently_running';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const value = (i: number, n: number) => ((i >> 6) + n) % 5;

async function openMetrics(file: string, fromMs: number, toMs: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`# TYPE ${METRIC} gauge\n`);
  for (let n = 1; n <= NODES; n++) {
    let chunk = '';
    for (let t = fromMs, i = 0; t < toMs; t += STEP_MS, i++) chunk += `${METRIC}{job="cockroachdb",node_id="${n}"} ${value(i, n)} ${t / 1000}\n`;
    await write(chunk);
  }
  await write('# EOF\n');
  out.end();
  await once(out, 'finish');
}

function schedules(): ScheduleRow[] {
  return Array.from({ length: 10 }, (_, i) => ({
    id: String(1_000_000_000_000_000 + i), label: `schedule_${i}`, schedule_status: 'ACTIVE', next_run: null, state: null, recurrence: '@hourly', recurrence_text: null, jobsrunning: 0, owner: 'root', created: null,
    on_previous_running: 'wait', on_execution_failure: 'reschedule', command: null, backup_type: i % 2 ? 'INCREMENTAL' : 'FULL', collection: `s3://bucket/path${i}?AUTH=implicit`, paired_with: null,
    last_success: '2026-12-01T10:00:00Z', last_failure: null, runs: [{ job_id: '1', status: 'succeeded', created: null, finished: '2026-12-01T10:00:00Z', error: null }],
    freshness: { status: 'ok', age_s: 600, expected_interval_s: 3600, last_success: '2026-12-01T10:00:00Z', paused: false, reason: 'r', late_after_s: 4200, stale_after_s: 7800 },
  }));
}

export async function run(): Promise<string> {
  const lines: string[] = ['## History through Prometheus, and the exporter', ''];
  // /metrics at 100 nodes × 10 schedules.
  const snapshot: ClusterSnapshot = {
    cluster: 'bench', scraped_at: new Date().toISOString(), scrape_seq: 1, aggregate: {},
    nodes: Array.from({ length: NODES }, (_, i) => ({ node_id: i + 1, name: `n${i + 1}`, url: `http://n${i + 1}:8080`, up: true, error: null, error_kind: null, latency_ms: 40, bytes: 540_000, metrics: {}, labels: {} })),
  };
  const input = [{ cluster: 'bench', snapshot, sql: { configured: true, ok: true, atMs: Date.now(), rows: schedules() }, alerts: [] }];
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    bytes = (await renderExposition(input)).text.length;
    times.push(performance.now() - t0);
  }
  lines.push('| what | median | range | note |', '| --- | --- | --- | --- |', `| one \`/metrics\` rendering, 100 nodes × 10 schedules | ${median(times).toFixed(2)} ms | ${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} ms | ${(bytes / 1024).toFixed(0)} KiB of exposition, no request to the cluster |`);

  if (!existsSync('/usr/bin/prometheus') || spawnSync('promtool', ['--version']).status !== 0) {
    lines.push('', '_Prometheus comparison skipped: Debian\'s `prometheus` is not installed._');
    return lines.join('\n');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prom-bench-'));
  try {
    const toMs = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
    const fromMs = toMs - DAY_MS;
    const om = path.join(dir, 'data.om');
    let t0 = performance.now();
    await openMetrics(om, fromMs, toMs);
    const r = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', om, path.join(dir, 'prom', 'data')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`promtool create-blocks-from: ${r.stderr}`);
    const loadS = (performance.now() - t0) / 1000;
    const prom = await startPrometheus('global: { scrape_interval: 15s }\n', {}, { dir: path.join(dir, 'prom') });
    const sqlite = new SqliteStore(path.join(dir, 'embedded.sqlite'));
    t0 = performance.now();
    for (let t = fromMs, i = 0; t < toMs; t += STEP_MS, i++) {
      const nodes = Array.from({ length: NODES }, (_, n) => ({ node_id: n + 1, metrics: { [METRIC]: value(i, n + 1) } }));
      await sqlite.write('bench', t, nodes, { [METRIC]: nodes.reduce((a, x) => a + x.metrics[METRIC], 0) });
    }
    const writeS = (performance.now() - t0) / 1000;
    const promStore = new PrometheusStore({ cfg: { url: prom.url, headers: {}, ca: null, timeoutMs: 60_000, nodeLabel: 'node_id' }, selectorOf: () => 'job="cockroachdb"' });
    const stepS = chooseStep(fromMs, toMs, { maxBuckets: 499, minStepS: 20 });
    const spec: RangeSpec = { cluster: 'bench', metric: METRIC, nodes: null, fromMs, toMs, stepS, fn: 'raw' };
    const timed = async (store: PrometheusStore | SqliteStore) => {
      const xs: number[] = [];
      let points = 0;
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        const [series, agg] = await Promise.all([store.range(spec), store.aggregate(spec, 'sum')]);
        xs.push(performance.now() - s);
        points = series.reduce((a, x) => a + x.points.length, 0) + agg.length;
      }
      return { xs, points };
    };
    const p = await timed(promStore);
    const e = await timed(sqlite);
    await prom.stop();
    sqlite.close();
    lines.push(
      `| 24 h × ${NODES} nodes panel (raw, step ${stepS} s, + aggregate) from **Prometheus** 2.42 | ${median(p.xs).toFixed(0)} ms | ${spread(p.xs)} ms | ${p.points} points; ${(NODES * DAY_MS) / STEP_MS} samples loaded with promtool in ${loadS.toFixed(0)} s |`,
      `| the same panel from the **embedded store** (baseline) | ${median(e.xs).toFixed(0)} ms | ${spread(e.xs)} ms | ${e.points} points; written in ${writeS.toFixed(0)} s; Prometheus/embedded ${(median(p.xs) / median(e.xs)).toFixed(1)}× |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
