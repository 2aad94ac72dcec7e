/**
 * The embedded store's schema. One row per (series, ts): a series is one (cluster, metric, node),
 * named by a small integer so a sample row is three numbers. WITHOUT ROWID makes the primary key
 * the table itself: a range read of one series is one contiguous B-tree walk, and there is no
 * second index to keep up to date on every insert. `ts` is unix ms; `value` REAL (SQLite writes
 * whole-number REALs as integers on disk, so counters stay small).
 */
/** PRAGMA user_version: 1 = samples only, 2 = with the minute rollup, 3 = with the 5-minute rollup. */
export const SCHEMA_VERSION = 3;

/** Builds the minute rollup from the samples (a store written before the rollup existed). */
export const ROLLUP_BACKFILL = `
INSERT OR REPLACE INTO rollup_1m (series, m, lo, hi, inc)
SELECT series, ts / 60000, min(value), max(value), coalesce(sum(CASE WHEN d < 0 THEN value ELSE d END), 0)
FROM (SELECT series, ts, value, value - lag(value) OVER (PARTITION BY series ORDER BY ts) AS d FROM samples)
GROUP BY series, ts / 60000`;

/** Builds the 5-minute rollup from the minute rollup (a store written before it existed). */
export const ROLLUP_5M_BACKFILL = `
INSERT OR REPLACE INTO rollup_5m (series, m5, lo, hi, inc)
SELECT series, m / 5, min(lo), max(hi), sum(inc) FROM rollup_1m GROUP BY series, m / 5`;

function rollupTableSql(table: string, key: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
  series INTEGER NOT NULL,
  ${key} INTEGER NOT NULL,
  lo REAL NOT NULL,
  hi REAL NOT NULL,
  inc REAL NOT NULL,
  PRIMARY KEY (series, ${key})
) WITHOUT ROWID;`;
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS clusters (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS metrics (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS series (
  id INTEGER PRIMARY KEY,
  cluster INTEGER NOT NULL REFERENCES clusters(id),
  metric INTEGER NOT NULL REFERENCES metrics(id),
  node INTEGER NOT NULL,
  UNIQUE (cluster, metric, node)
);
CREATE TABLE IF NOT EXISTS samples (
  series INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (series, ts)
) WITHOUT ROWID;
-- Per series and minute (m = ts / 60000): min, max, and the counter's reset-aware growth since the
-- previous sample (summed). Kept up to date on every write, so a range with a step of whole
-- minutes reads one row per minute instead of every sample: a day is 1,440 rows per node, not
-- 8,640 at a 10 s scrape (43,200 at 2 s).
${rollupTableSql('rollup_1m', 'm')}
-- The same per 5 minutes (m5 = ts / 300000): a 14-day panel (a step of 30 min or more) reads 4,032 rows
-- per series instead of 20,160 (bench/history-retention.bench.ts, 14 d × 100 nodes: 413 → 108 ms, target 300).
${rollupTableSql('rollup_5m', 'm5')}
-- Stretches written from CockroachDB's time-series store (/ts/query) rather than recorded: the
-- backfill's resume point (a stretch listed here is not fetched again) and the charts' "from
-- CockroachDB's time-series store until …" label.
CREATE TABLE IF NOT EXISTS backfill_spans (
  cluster INTEGER NOT NULL REFERENCES clusters(id),
  from_ms INTEGER NOT NULL,
  to_ms INTEGER NOT NULL,
  PRIMARY KEY (cluster, from_ms)
) WITHOUT ROWID;
`;

/** A rollup table: its key column (ts / unitMs) and the range parameters naming its edges. */
interface Rollup {
  table: string;
  key: string;
  unitMs: number;
  from: string;
  to: string;
}
const MINUTE: Rollup = { table: 'rollup_1m', key: 'm', unitMs: 60_000, from: 'fromM', to: 'toM' };
const FIVE_MINUTES: Rollup = { table: 'rollup_5m', key: 'm5', unitMs: 300_000, from: 'fromM5', to: 'toM5' };

/**
 * Rebuilds one series' minute rollup over [@fromM, @toM) from its samples, the growth counted from
 * the last sample before the stretch (as ROLLUP_BACKFILL does for the whole table). The backfill
 * writes samples older than those already stored, and ROLLUP_UPSERT's increase was computed at
 * write time against whatever was the previous sample then: without this, the first sample after
 * a backfilled stretch would keep the growth (or the false reset) it was given across the gap.
 */
export const ROLLUP_REBUILD_DELETE = 'DELETE FROM rollup_1m WHERE series = @series AND m >= @fromM AND m < @toM';
export const ROLLUP_REBUILD_INSERT = `
INSERT INTO rollup_1m (series, m, lo, hi, inc)
SELECT @series, ts / 60000, min(value), max(value), coalesce(sum(CASE WHEN d < 0 THEN value ELSE d END), 0)
FROM (
  SELECT ts, value, value - lag(value) OVER (ORDER BY ts) AS d FROM (
    SELECT ts, value FROM (SELECT ts, value FROM samples WHERE series = @series AND ts < @fromM * 60000 ORDER BY ts DESC LIMIT 1)
    UNION ALL
    SELECT ts, value FROM samples WHERE series = @series AND ts >= @fromM * 60000 AND ts < @toM * 60000
  )
)
WHERE ts >= @fromM * 60000 GROUP BY ts / 60000`;

/** The minutes in which a cluster has any sample (its aggregate series: one per metric). */
export const CLUSTER_MINUTES = `
SELECT DISTINCT r.m AS m FROM series s JOIN rollup_1m r ON r.series = s.id
WHERE s.cluster = @cluster AND s.node = 0 AND r.m >= @fromM AND r.m < @toM ORDER BY m`;

/**
 * The 5-minute rollup of the same series over the 5-minute buckets [@fromM5, @toM5), from the
 * minute rollup just rebuilt (as ROLLUP_5M_BACKFILL does for the whole table).
 */
export const ROLLUP_5M_REBUILD_DELETE = 'DELETE FROM rollup_5m WHERE series = @series AND m5 >= @fromM5 AND m5 < @toM5';
export const ROLLUP_5M_REBUILD_INSERT = `
INSERT INTO rollup_5m (series, m5, lo, hi, inc)
SELECT @series, m / 5, min(lo), max(hi), sum(inc) FROM rollup_1m
WHERE series = @series AND m >= @fromM5 * 5 AND m < @toM5 * 5 GROUP BY m / 5`;


const upsertSql = (r: Rollup) => `
INSERT INTO ${r.table} (series, ${r.key}, lo, hi, inc) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (series, ${r.key}) DO UPDATE SET lo = min(lo, excluded.lo), hi = max(hi, excluded.hi), inc = inc + excluded.inc`;

/** Each bucket's min and max of one series, from a rollup (the step is a multiple of its unit). */
const rawBucketsSql = (r: Rollup) => `
SELECT CAST(${r.key} * ${r.unitMs} / @stepMs AS INTEGER) AS b, min(lo) AS lo, max(hi) AS hi
FROM ${r.table} WHERE series = @series AND ${r.key} >= @${r.from} AND ${r.key} < @${r.to}
GROUP BY b ORDER BY b`;

/** Each bucket's increase of one counter series, from a rollup. */
const increaseBucketsSql = (r: Rollup) => `
SELECT CAST(${r.key} * ${r.unitMs} / @stepMs AS INTEGER) AS b, sum(inc) AS inc
FROM ${r.table} WHERE series = @series AND ${r.key} >= @${r.from} AND ${r.key} < @${r.to}
GROUP BY b ORDER BY b`;

export const ROLLUP_UPSERT = upsertSql(MINUTE);
export const ROLLUP_RAW_BUCKETS = rawBucketsSql(MINUTE);
export const ROLLUP_INCREASE_BUCKETS = increaseBucketsSql(MINUTE);
export const ROLLUP_5M_UPSERT = upsertSql(FIVE_MINUTES);
export const ROLLUP_5M_RAW_BUCKETS = rawBucketsSql(FIVE_MINUTES);
export const ROLLUP_5M_INCREASE_BUCKETS = increaseBucketsSql(FIVE_MINUTES);

/** Each bucket's min and max of one series. */
export const RAW_BUCKETS = `
SELECT CAST(ts / @stepMs AS INTEGER) AS b, min(value) AS lo, max(value) AS hi
FROM samples WHERE series = @series AND ts >= @from AND ts < @to
GROUP BY b ORDER BY b`;

/**
 * Each bucket's increase of one counter series: the sum of the deltas between consecutive samples,
 * starting from the last sample before the range (so growth across the range's start is not
 * lost). A drop means the node restarted and the counter began again at 0, so that delta is the
 * new value itself (Prometheus' reset rule).
 */
export const INCREASE_BUCKETS = `
WITH s AS (
  SELECT ts, value FROM (SELECT ts, value FROM samples WHERE series = @series AND ts < @from ORDER BY ts DESC LIMIT 1)
  UNION ALL
  SELECT ts, value FROM samples WHERE series = @series AND ts >= @from AND ts < @to
), d AS (
  SELECT ts, value, value - lag(value) OVER (ORDER BY ts) AS delta FROM s
)
SELECT CAST(ts / @stepMs AS INTEGER) AS b, coalesce(sum(CASE WHEN delta < 0 THEN value ELSE delta END), 0) AS inc
FROM d WHERE ts >= @from GROUP BY b ORDER BY b`;

/**
 * The cluster value of each scrape across the given series (every node of one scrape shares the
 * scrape's timestamp), then each bucket's min and max of it. `@ids` is a JSON array of series ids.
 */
export function rawAggregateSql(how: 'sum' | 'max'): string {
  return `
SELECT CAST(ts / @stepMs AS INTEGER) AS b, min(v) AS lo, max(v) AS hi FROM (
  SELECT ts, ${how === 'sum' ? 'sum' : 'max'}(value) AS v FROM samples
  WHERE series IN (SELECT value FROM json_each(@ids)) AND ts >= @from AND ts < @to
  GROUP BY ts
) GROUP BY b ORDER BY b`;
}
