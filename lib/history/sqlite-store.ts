import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  CLUSTER_MINUTES, INCREASE_BUCKETS, RAW_BUCKETS, ROLLUP_5M_BACKFILL, ROLLUP_5M_INCREASE_BUCKETS, ROLLUP_5M_RAW_BUCKETS, ROLLUP_5M_REBUILD_DELETE,
  ROLLUP_5M_REBUILD_INSERT, ROLLUP_5M_UPSERT, ROLLUP_BACKFILL, ROLLUP_INCREASE_BUCKETS, ROLLUP_RAW_BUCKETS, ROLLUP_REBUILD_DELETE, ROLLUP_REBUILD_INSERT,
  ROLLUP_UPSERT, SCHEMA, SCHEMA_VERSION, rawAggregateSql,
} from './sqlite-schema';
import type { HistoryStore, NodeSample, NodeSeries, PastScrape, Point, RangeSpec, Span } from './types';

type Db = Database.Database;
type Bucket = { b: number; lo: number; hi: number };
type IncBucket = { b: number; inc: number };
type Params = Record<string, number>;

const MINUTE_MS = 60_000;
const FIVE_MIN_MS = 300_000;
/**
 * The cluster aggregate of each scrape is stored as one more series under this node id
 * (CockroachDB numbers nodes from 1), so the panel's aggregate line is one series read, not a
 * sum over every node's samples.
 */
export const AGGREGATE_NODE = 0;

/**
 * The embedded history store: better-sqlite3 in WAL mode. WAL lets the range queries read while
 * the recorder writes, and with synchronous=NORMAL a committed scrape survives a crash of this
 * process (only an OS crash can lose the last few commits). One transaction per scrape.
 */
export class SqliteStore implements HistoryStore {
  private readonly db: Db;
  private readonly ids = new Map<string, number>();
  /** Last value per series id: the base of the next sample's reset-aware delta. */
  private readonly last = new Map<number, number | null>();
  private readonly insert: Database.Statement;
  private readonly rollup: Database.Statement;
  private readonly rollup5: Database.Statement;
  private readonly lastStmt: Database.Statement<[number], { value: number }>;
  private readonly rawStmt: Database.Statement<[Params], Bucket>;
  private readonly incStmt: Database.Statement<[Params], IncBucket>;
  private readonly rollupRawStmt: Database.Statement<[Params], Bucket>;
  private readonly rollupIncStmt: Database.Statement<[Params], IncBucket>;
  private readonly rollup5RawStmt: Database.Statement<[Params], Bucket>;
  private readonly rollup5IncStmt: Database.Statement<[Params], IncBucket>;

  /** `file` ':memory:' for tests; otherwise its folder is created. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      this.db.transaction(() => {
        if (version < 2) this.db.exec(ROLLUP_BACKFILL);
        this.db.exec(ROLLUP_5M_BACKFILL);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    this.insert = this.db.prepare('INSERT OR REPLACE INTO samples (series, ts, value) VALUES (?, ?, ?)');
    this.rollup = this.db.prepare(ROLLUP_UPSERT);
    this.rollup5 = this.db.prepare(ROLLUP_5M_UPSERT);
    this.lastStmt = this.db.prepare('SELECT value FROM samples WHERE series = ? ORDER BY ts DESC LIMIT 1');
    this.rawStmt = this.db.prepare(RAW_BUCKETS);
    this.incStmt = this.db.prepare(INCREASE_BUCKETS);
    this.rollupRawStmt = this.db.prepare(ROLLUP_RAW_BUCKETS);
    this.rollupIncStmt = this.db.prepare(ROLLUP_INCREASE_BUCKETS);
    this.rollup5RawStmt = this.db.prepare(ROLLUP_5M_RAW_BUCKETS);
    this.rollup5IncStmt = this.db.prepare(ROLLUP_5M_INCREASE_BUCKETS);
  }

  async write(cluster: string, tsMs: number, nodes: readonly NodeSample[], aggregate?: Record<string, number>): Promise<void> {
    const ts = Math.round(tsMs);
    const m = Math.floor(ts / MINUTE_MS);
    const m5 = Math.floor(ts / FIVE_MIN_MS);
    const all = aggregate ? [...nodes, { node_id: AGGREGATE_NODE, metrics: aggregate }] : nodes;
    this.db.transaction(() => {
      for (const n of all) {
        for (const [metric, value] of Object.entries(n.metrics)) {
          // CockroachDB prints no NaN/Inf for these metrics; a REAL NOT NULL column could not hold them usefully.
          if (!Number.isFinite(value)) continue;
          const id = this.seriesId(cluster, metric, n.node_id, true);
          const prev = this.lastValue(id);
          // Counter semantics (only read for counters): a drop is a restart from 0, so the growth is the value itself.
          const inc = prev === null ? 0 : value >= prev ? value - prev : value;
          this.insert.run(id, ts, value);
          this.rollup.run(id, m, value, value, inc);
          this.rollup5.run(id, m5, value, value, inc);
          this.last.set(id, value);
        }
      }
    })();
  }

  /**
   * Writes a stretch read back from CockroachDB's time-series store, in one transaction with its
   * span (so an interrupted backfill resumes exactly after the last stretch written). The samples
   * may sit before, between or after recorded ones: each touched series' minute rollup (and from it the 5-minute one) is rebuilt
   * from the stretch's first minute through the minute of the first sample after it, so increases
   * are counted against the true previous sample and the backfilled/recorded seam is no false reset.
   * Returns the number of samples written.
   */
  writePast(cluster: string, span: Span, scrapes: readonly PastScrape[]): number {
    const touched = new Set<number>();
    // Series ids by node and metric for this call: the general lookup builds a string key per sample.
    const idOf = new Map<number, Map<string, number>>();
    const id = (node: number, metric: string): number => {
      let byMetric = idOf.get(node);
      if (!byMetric) idOf.set(node, (byMetric = new Map()));
      let v = byMetric.get(metric);
      if (v === undefined) {
        v = this.seriesId(cluster, metric, node, true);
        byMetric.set(metric, v);
        touched.add(v);
      }
      return v;
    };
    let n = 0;
    const put = (node: number, metrics: Record<string, number>, ts: number) => {
      for (const metric in metrics) {
        const value = metrics[metric] as number;
        if (!Number.isFinite(value)) continue;
        this.insert.run(id(node, metric), ts, value);
        n++;
      }
    };
    this.db.transaction(() => {
      for (const s of scrapes) {
        const ts = Math.round(s.tMs);
        for (const node of s.nodes) put(node.node_id, node.metrics, ts);
        put(AGGREGATE_NODE, s.aggregate, ts);
      }
      const fromM = Math.floor(span.fromMs / MINUTE_MS);
      const next = this.db.prepare<[number, number], { ts: number }>('SELECT ts FROM samples WHERE series = ? AND ts >= ? ORDER BY ts LIMIT 1');
      const del = this.db.prepare(ROLLUP_REBUILD_DELETE);
      const ins = this.db.prepare(ROLLUP_REBUILD_INSERT);
      const del5 = this.db.prepare(ROLLUP_5M_REBUILD_DELETE);
      const ins5 = this.db.prepare(ROLLUP_5M_REBUILD_INSERT);
      for (const id of touched) {
        const after = next.get(id, span.toMs)?.ts;
        const toM = Math.floor((after ?? span.toMs - 1) / MINUTE_MS) + 1;
        del.run({ series: id, fromM, toM });
        ins.run({ series: id, fromM, toM });
        // Parameters bind as REAL in SQLite: the 5-minute edges are computed here, not divided in SQL.
        const m5 = { series: id, fromM5: Math.floor(fromM / 5), toM5: Math.ceil(toM / 5) };
        del5.run(m5);
        ins5.run(m5);
        // The live writer's base of the next delta is the newest sample, which this may have changed.
        this.last.delete(id);
      }
      const c = this.lookup('clusters', cluster, true) as number;
      this.db.prepare('INSERT OR REPLACE INTO backfill_spans (cluster, from_ms, to_ms) VALUES (?, ?, ?)').run(c, Math.round(span.fromMs), Math.round(span.toMs));
    })();
    return n;
  }

  /** The stretches written from CockroachDB's time-series store, merged, oldest first. */
  backfilledSpans(cluster: string): Span[] {
    const c = this.lookup('clusters', cluster, false);
    if (c === undefined) return [];
    const rows = this.db.prepare<[number], { from_ms: number; to_ms: number }>('SELECT from_ms, to_ms FROM backfill_spans WHERE cluster = ? ORDER BY from_ms').all(c);
    const out: Span[] = [];
    for (const r of rows) {
      const prev = out.at(-1);
      if (prev && r.from_ms <= prev.toMs) prev.toMs = Math.max(prev.toMs, r.to_ms);
      else out.push({ fromMs: r.from_ms, toMs: r.to_ms });
    }
    return out;
  }

  /** The minutes (unix ms / 60000) within [fromMs, toMs) in which the cluster has any sample. */
  minutesWithData(cluster: string, fromMs: number, toMs: number): number[] {
    const c = this.lookup('clusters', cluster, false);
    if (c === undefined) return [];
    return this.db
      .prepare<[Params], { m: number }>(CLUSTER_MINUTES)
      .all({ cluster: c, fromM: Math.floor(fromMs / MINUTE_MS), toM: Math.ceil(toMs / MINUTE_MS) })
      .map((r) => r.m);
  }

  /** The minutes within [fromMs, toMs) in which one metric's cluster series has a sample. */
  metricMinutes(cluster: string, metric: string, fromMs: number, toMs: number): number[] {
    const agg = this.seriesOf({ cluster, metric, nodes: null, fromMs, toMs, stepS: 60, fn: 'raw' }, true).find((s) => s.node === AGGREGATE_NODE);
    if (!agg) return [];
    return this.db
      .prepare<[number, number, number], { m: number }>('SELECT m FROM rollup_1m WHERE series = ? AND m >= ? AND m < ? ORDER BY m')
      .all(agg.id, Math.floor(fromMs / MINUTE_MS), Math.ceil(toMs / MINUTE_MS))
      .map((r) => r.m);
  }

  async range(spec: RangeSpec): Promise<NodeSeries[]> {
    return this.seriesOf(spec).map(({ node, id }) => ({ node_id: node, points: this.bucketsOf(id, spec) })).filter((s) => s.points.length > 0);
  }

  async aggregate(spec: RangeSpec, how: 'sum' | 'max'): Promise<Point[]> {
    const series = this.seriesOf(spec);
    if (series.length === 0) return [];
    const stepMs = spec.stepS * 1000;
    // Every node: the stored per-scrape aggregate is exact and one series to read.
    const stored = spec.nodes === null && spec.fn === 'raw' ? this.seriesOf(spec, true).find((s) => s.node === AGGREGATE_NODE) : undefined;
    if (stored) return this.bucketsOf(stored.id, spec);
    if (spec.fn === 'raw') {
      // A subset of nodes: summed (or maxed) per scrape from their samples.
      const rows = this.db.prepare<[Record<string, number | string>], Bucket>(rawAggregateSql(how)).all({ ids: JSON.stringify(series.map((s) => s.id)), from: spec.fromMs, to: spec.toMs, stepMs });
      return minMaxPoints(rows, stepMs);
    }
    const byBucket = new Map<number, number>();
    // Increases add up per node (each node's counter resets on its own), so the cluster's is their sum.
    for (const s of series) {
      for (const [t, v] of this.bucketsOf(s.id, spec)) {
        const prev = byBucket.get(t);
        byBucket.set(t, prev === undefined ? v : how === 'sum' ? prev + v : Math.max(prev, v));
      }
    }
    return [...byBucket].sort((a, b) => a[0] - b[0]);
  }

  async prune(beforeMs: number): Promise<number> {
    // Per series, so each delete is a range at the start of that series' key space, not a table scan.
    const del = this.db.prepare('DELETE FROM samples WHERE series = ? AND ts < ?');
    const delRollup = this.db.prepare('DELETE FROM rollup_1m WHERE series = ? AND m < ?');
    const delRollup5 = this.db.prepare('DELETE FROM rollup_5m WHERE series = ? AND m5 < ?');
    const ids = this.db.prepare<[], { id: number }>('SELECT id FROM series').all();
    let n = 0;
    this.db.transaction(() => {
        for (const { id } of ids) {
        n += del.run(id, beforeMs).changes;
        delRollup.run(id, Math.floor(beforeMs / MINUTE_MS));
        delRollup5.run(id, Math.floor(beforeMs / FIVE_MIN_MS));
      }
      this.db.prepare('DELETE FROM backfill_spans WHERE to_ms < ?').run(beforeMs);
    })();
    return n;
  }

  /** Bytes on disk (main file; the WAL is checkpointed into it). */
  sizeBytes(): number {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const size = this.db.pragma('page_size', { simple: true }) as number;
    return pages * size;
  }

  /** A consistent copy of the whole store (tests, and an operator's backup). */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * A step of whole 5 minutes reads the 5-minute rollup for the whole 5 minutes inside the range and
   * the minute rollup for the minutes at its edges (so a range that does not start on a 5-minute
   * boundary counts nothing from before it); one of whole minutes the minute rollup (the range's
   * edges then round out to the minute); a finer step, only useful over short ranges, the samples.
   */
  private bucketsOf(id: number, spec: RangeSpec): Point[] {
    const stepMs = spec.stepS * 1000;
    const fromM = Math.floor(spec.fromMs / MINUTE_MS);
    const toM = Math.ceil(spec.toMs / MINUTE_MS);
    const p = { series: id, from: Math.floor(spec.fromMs), to: Math.ceil(spec.toMs), stepMs, fromM, toM, fromM5: Math.ceil(fromM / 5), toM5: Math.floor(toM / 5) };
    const unit = stepMs % FIVE_MIN_MS === 0 && p.fromM5 < p.toM5 ? '5m' : stepMs % MINUTE_MS === 0 ? '1m' : 'samples';
    const div = spec.fn === 'rate' ? spec.stepS : 1;
    if (unit === 'samples') {
      if (spec.fn === 'raw') return minMaxPoints(this.rawStmt.all(p), stepMs);
      return this.incStmt.all(p).map((r) => [r.b * stepMs, r.inc / div]);
    }
    // The minute-rollup spans: the whole range, or only the edges around the 5-minute part.
    const minuteSpans = unit === '1m' ? [{ fromM, toM }] : [{ fromM, toM: p.fromM5 * 5 }, { fromM: p.toM5 * 5, toM }].filter((e) => e.fromM < e.toM);
    if (spec.fn === 'raw') {
      const rows = [...(unit === '5m' ? this.rollup5RawStmt.all(p) : []), ...minuteSpans.flatMap((e) => this.rollupRawStmt.all({ ...p, ...e }))];
      return minMaxPoints(mergeBuckets(rows, (a, b) => ({ b: a.b, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) })), stepMs);
    }
    const rows = [...(unit === '5m' ? this.rollup5IncStmt.all(p) : []), ...minuteSpans.flatMap((e) => this.rollupIncStmt.all({ ...p, ...e }))];
    return mergeBuckets(rows, (a, b) => ({ b: a.b, inc: a.inc + b.inc })).map((r) => [r.b * stepMs, r.inc / div]);
  }

  private lastValue(id: number): number | null {
    if (!this.last.has(id)) this.last.set(id, this.lastStmt.get(id)?.value ?? null);
    return this.last.get(id) ?? null;
  }

  private seriesOf(spec: RangeSpec, withAggregate = false): { node: number; id: number }[] {
    const cluster = this.lookup('clusters', spec.cluster, false);
    const metric = this.lookup('metrics', spec.metric, false);
    if (cluster === undefined || metric === undefined) return [];
    const rows = this.db.prepare<[number, number], { node: number; id: number }>('SELECT node, id FROM series WHERE cluster = ? AND metric = ? ORDER BY node').all(cluster, metric);
    if (withAggregate) return rows;
    const nodes = rows.filter((r) => r.node !== AGGREGATE_NODE);
    return spec.nodes === null ? nodes : nodes.filter((r) => spec.nodes?.includes(r.node));
  }

  private seriesId(cluster: string, metric: string, node: number, create: true): number {
    const key = `${cluster}\u0000${metric}\u0000${node}`;
    const hit = this.ids.get(key);
    if (hit !== undefined) return hit;
    const c = this.lookup('clusters', cluster, create) as number;
    const m = this.lookup('metrics', metric, create) as number;
    this.db.prepare('INSERT OR IGNORE INTO series (cluster, metric, node) VALUES (?, ?, ?)').run(c, m, node);
    const id = this.db.prepare<[number, number, number], { id: number }>('SELECT id FROM series WHERE cluster = ? AND metric = ? AND node = ?').get(c, m, node)?.id as number;
    this.ids.set(key, id);
    return id;
  }

  private lookup(table: 'clusters' | 'metrics', name: string, create: boolean): number | undefined {
    const key = `${table}\u0000${name}`;
    const hit = this.ids.get(key);
    if (hit !== undefined) return hit;
    if (create) this.db.prepare(`INSERT OR IGNORE INTO ${table} (name) VALUES (?)`).run(name);
    const id = this.db.prepare<[string], { id: number }>(`SELECT id FROM ${table} WHERE name = ?`).get(name)?.id;
    if (id !== undefined) this.ids.set(key, id);
    return id;
  }
}

/**
 * Buckets → points on the bucket grid: multiples of the step since the epoch, like Prometheus, so
 * every node lines up, a missing bucket reads as a gap, and a refresh does not shift the buckets.
 * The min sits at the bucket's start and, when it differs, the max half a step later, so a
 * single-sample spike is still drawn at any zoom.
 */
/** Rows of the same bucket (from the two rollups) folded into one, in bucket order. */
function mergeBuckets<T extends { b: number }>(rows: T[], fold: (a: T, b: T) => T): T[] {
  const by = new Map<number, T>();
  for (const r of rows) {
    const cur = by.get(r.b);
    by.set(r.b, cur ? fold(cur, r) : r);
  }
  return [...by.values()].sort((a, b) => a.b - b.b);
}

function minMaxPoints(rows: Bucket[], stepMs: number): Point[] {
  const out: Point[] = [];
  for (const r of rows) {
    const t = r.b * stepMs;
    out.push([t, r.lo]);
    if (r.hi !== r.lo) out.push([t + Math.floor(stepMs / 2), r.hi]);
  }
  return out;
}
