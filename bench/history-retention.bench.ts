/**
 * History at retention (issue 17): 14 days × 100 nodes × every catalog metric in the embedded SQLite
 * store — its size, the cost of one more scrape at that size, a 14-day panel query, and one prune of
 * an hour's worth. Baseline: the naive full-resolution read of the same 14 days.
 *
 * Scaled: the samples table is filled at one sample per minute, not every 10 s (6× fewer sample rows:
 * 14 d × 100 nodes × 35 metrics at 10 s is 423 M rows, hours to build here). The rollups — what a
 * 14-day panel reads — have one row per series-minute (-5 minutes) at any interval ≤ 60 s, so they are full size; the
 * size at 10 s is extrapolated from the measured bytes per sample row. The file is built by SQL
 * (INSERT … SELECT over a recursive CTE, in key order) once and cached under the OS temp dir by a key
 * of its shape; every run works on a copy.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CATALOG } from '../lib/catalog';
import { SCHEMA_VERSION } from '../lib/history/sqlite-schema';
import { SqliteStore } from '../lib/history/sqlite-store';
import { chooseStep } from '../lib/history/step';
import type { NodeSample, RangeSpec } from '../lib/history/types';

const NODES = 100;
const DAYS = 14;
const MINUTE_MS = 60_000;
const T0 = Date.parse('2026-11-10T00:00:00Z');
const T1 = T0 + DAYS * 86_400_000;
const RUNS = 5;
const KEY = `v${SCHEMA_VERSION}-${NODES}n-${DAYS}d-${CATALOG.length}m-1min`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mmx = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;

function metricsAt(m: number, node: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, c] of CATALOG.entries()) out[c.exported] = c.kind === 'counter' ? m + node : c.kind === 'timestamp' ? 1_795_000_000 + Math.floor(m / 60) * 3600 : (m * 7 + k + node) % 97;
  return out;
}

/** Builds the store: series rows through SqliteStore (so ids are its own), then every minute by SQL. */
function build(file: string): number {
  const t0 = performance.now();
  const s = new SqliteStore(file);
  const first: NodeSample[] = Array.from({ length: NODES }, (_, n) => ({ node_id: n + 1, metrics: metricsAt(0, n + 1) }));
  void s.write('bench', T0, first, metricsAt(0, 0));
  s.close();
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const series = db.prepare<[], { id: number; node: number; kind: string; k: number }>('SELECT s.id, s.node, m.name AS kind, 0 AS k FROM series s JOIN metrics m ON m.id = s.metric').all();
  const kindOf = new Map<string, { kind: string; k: number }>(CATALOG.map((c, k) => [c.exported, { kind: c.kind, k }]));
  const m0 = T0 / MINUTE_MS + 1;
  const m1 = T1 / MINUTE_MS;
  const gen = `WITH RECURSIVE t(m) AS (SELECT ${m0} UNION ALL SELECT m + 1 FROM t WHERE m + 1 < ${m1})`;
  const fill = db.transaction(() => {
    for (const r of series) {
      const c = kindOf.get(r.kind);
      if (!c) continue;
      // The same values metricsAt gives, in SQL; a counter grows by 1 a minute (inc 1), a gauge cycles.
      const v = c.kind === 'counter' ? `(m - ${m0 - 1} + ${r.node})` : c.kind === 'timestamp' ? `(1795000000 + ((m - ${m0 - 1}) / 60) * 3600)` : `(((m - ${m0 - 1}) * 7 + ${c.k} + ${r.node}) % 97)`;
      const inc = c.kind === 'counter' ? '1' : '0';
      db.exec(`${gen} INSERT INTO samples (series, ts, value) SELECT ${r.id}, m * ${MINUTE_MS}, ${v} FROM t`);
      db.exec(`${gen} INSERT OR REPLACE INTO rollup_1m (series, m, lo, hi, inc) SELECT ${r.id}, m, ${v}, ${v}, ${inc} FROM t`);
      db.exec(`INSERT OR REPLACE INTO rollup_5m (series, m5, lo, hi, inc) SELECT series, m / 5, min(lo), max(hi), sum(inc) FROM rollup_1m WHERE series = ${r.id} GROUP BY m / 5`);
    }
  });
  fill();
  db.pragma('journal_mode = WAL');
  db.close();
  return (performance.now() - t0) / 1000;
}

function tableBytes(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare<[], { name: string; n: number }>("SELECT name, sum(pgsize) AS n FROM dbstat GROUP BY name").all();
  db.close();
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

export async function run(): Promise<string> {
  const cached = path.join(os.tmpdir(), `history-retention-${KEY}.sqlite`);
  let buildS: number | null = null;
  if (!existsSync(cached)) {
    const tmp = `${cached}.building`;
    rmSync(tmp, { force: true });
    buildS = build(tmp);
    renameSync(tmp, cached);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'history-retention-'));
  const file = path.join(dir, 'h.sqlite');
  try {
    copyFileSync(cached, file);
    const bytes = tableBytes(file);
    const sampleRows = NODES * CATALOG.length * ((T1 - T0) / MINUTE_MS) + CATALOG.length * ((T1 - T0) / MINUTE_MS);
    const perSampleRow = (bytes.samples ?? 0) / sampleRows;
    const rollups = (bytes.rollup_1m ?? 0) + (bytes.rollup_5m ?? 0);
    const at10s = (bytes.samples ?? 0) * 6 + rollups;
    const store = new SqliteStore(file);

    // The 14-day panel, as rangeQuery asks it: ≤ 499 raw buckets (two points each) / 999 increase buckets.
    const spec = (metric: string, fn: RangeSpec['fn']): RangeSpec => ({ cluster: 'bench', metric, nodes: null, fromMs: T0, toMs: T1, fn, stepS: chooseStep(T0, T1, { maxBuckets: fn === 'raw' ? 499 : 999, minStepS: 20 }) });
    const gauge = spec('jobs_backup_protected_age_sec', 'raw');
    const counter = spec('jobs_backup_resume_completed', 'increase');
    const panel = async (sp: RangeSpec, how: 'sum' | 'max') => {
      const series = await store.range(sp);
      await store.aggregate(sp, how);
      if (series.length !== NODES) throw new Error(`expected ${NODES} series, got ${series.length}`);
    };
    const db = new Database(file, { readonly: true });
    const ids = db.prepare<[], { id: number }>("SELECT s.id FROM series s JOIN metrics m ON m.id = s.metric WHERE m.name = 'jobs_backup_protected_age_sec' AND s.node > 0").all();
    const naive = db.prepare('SELECT ts, value FROM samples WHERE series = ? AND ts >= ? AND ts < ? ORDER BY ts').raw(true);
    let naivePoints = 0;
    const naiveRead = () => {
      naivePoints = 0;
      for (const { id } of ids) naivePoints += naive.all(id, T0, T1).length;
    };
    await panel(gauge, 'max');
    const g: number[] = [];
    const c: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await panel(gauge, 'max');
      g.push(performance.now() - t);
      t = performance.now();
      await panel(counter, 'sum');
      c.push(performance.now() - t);
      t = performance.now();
      naiveRead();
      n.push(performance.now() - t);
    }
    db.close();

    // One more scrape at that size (a store reopened: its last values come from the file).
    const writes: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const nodes: NodeSample[] = Array.from({ length: NODES }, (_, k) => ({ node_id: k + 1, metrics: metricsAt(20_160 + i, k + 1) }));
      const t = performance.now();
      await store.write('bench', T1 + i * 10_000, nodes, metricsAt(20_160 + i, 0));
      writes.push(performance.now() - t);
    }
    // Retention: one prune of the oldest hour.
    let t = performance.now();
    const pruned = await store.prune(T0 + 3_600_000);
    const pruneMs = performance.now() - t;
    t = performance.now();
    store.close();

    const samplesPerScrape = NODES * CATALOG.length;
    const gm = median(g);
    return [
      `## History at retention: ${DAYS} d × ${NODES} nodes × ${CATALOG.length} catalog metrics (SQLite store)`,
      '',
      `Scaled: samples at 1 per minute (not every 10 s; the rollups a 14-day panel reads are full size). ${buildS === null ? `Built once and cached (${path.basename(cached)}).` : `Built in ${buildS.toFixed(0)} s and cached as ${path.basename(cached)}.`} Median (min–max) of ${RUNS} runs.`,
      '',
      '| what | figure | notes |',
      '|---|---|---|',
      `| file size (samples at 1/min + rollups) | ${gb((bytes.samples ?? 0) + rollups)} | samples ${gb(bytes.samples ?? 0)} (${perSampleRow.toFixed(1)} B per row), minute rollup ${gb(bytes.rollup_1m ?? 0)}, 5-minute rollup ${gb(bytes.rollup_5m ?? 0)} |`,
      `| file size at a 10 s scrape (extrapolated: 6× the sample rows) | ${gb(at10s)} | |`,
      `| write one scrape at that size (${samplesPerScrape.toLocaleString('en-US')} samples + aggregate) | ${mmx(writes)} | ${((median(writes) * 1000) / samplesPerScrape).toFixed(1)} µs per sample; first of 20 reads every series' last value |`,
      `| **14-day panel: gauge (raw, step ${gauge.stepS} s) + aggregate, ${NODES} nodes** | **${mmx(g)}** | target ≤ 300 ms: ${gm <= 300 ? 'met' : 'MISSED'} |`,
      `| 14-day panel: counter (increase, step ${counter.stepS} s) + aggregate | ${mmx(c)} | |`,
      `| baseline: naive full-resolution read of the same 14 d (gauge, ${NODES} series) | ${mmx(n)} | ${naivePoints.toLocaleString('en-US')} points at 1/min (6× that at 10 s) |`,
      `| prune the oldest hour at retention | ${pruneMs.toFixed(0)} ms | ${pruned.toLocaleString('en-US')} sample rows deleted, one transaction |`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
