import type { PGlite } from '@electric-sql/pglite';
import type { ClusterState } from '../cluster-state';
import { showsPauseReason, VERSION_STRINGS, type CrdbVersion, type DemoBackup, type DemoBackupLayer, type DemoJob, type DemoSchedule } from '../types';
import { internalJobsColumns, systemJobsSql } from './columns';

/**
 * The ClusterState mirrored into PGlite tables, so anything Postgres can do (WHERE, ORDER BY, joins,
 * $n parameters) works on CockroachDB's jobs/schedules/backups. Base tables live in schema `crdb`;
 * `crdb_internal.jobs`, `system.jobs` and `system.scheduled_jobs` are views shaped like CockroachDB's.
 * The session's search_path puts `crdb` before pg_catalog so `now()`/`version()` are the cluster's.
 */

const JOB_COLUMNS: [string, string][] = [
  ['job_id', 'int8 PRIMARY KEY'], ['job_type', 'text'], ['description', 'text'], ['statement', 'text'],
  ['user_name', 'text'], ['descriptor_ids', 'int8[]'], ['status', 'text'], ['running_status', 'text'],
  ['created', 'timestamptz'], ['started', 'timestamptz'], ['finished', 'timestamptz'], ['modified', 'timestamptz'],
  ['fraction_completed', 'float8'], ['high_water_timestamp', 'numeric'], ['error', 'text'],
  ['coordinator_id', 'int8'], ['trace_id', 'int8'], ['last_run', 'timestamptz'], ['next_run', 'timestamptz'],
  ['num_runs', 'int8'], ['execution_errors', 'text[]'], ['execution_events', 'jsonb'],
  ['created_by_type', 'text'], ['created_by_id', 'int8'],
];

const SCHEDULE_COLUMNS: [string, string][] = [
  ['id', 'int8 PRIMARY KEY'], ['label', 'text'], ['schedule_status', 'text'], ['next_run', 'timestamptz'],
  ['state', 'text'], ['recurrence', 'text'], ['owner', 'text'], ['created', 'timestamptz'],
  ['on_previous_running', 'text'], ['on_execution_failure', 'text'], ['command', 'jsonb'],
  ['backup_type', 'text'], ['collection', 'text'],
];

const ddl = (cols: [string, string][]) => cols.map(([n, t]) => `${n} ${t}`).join(', ');
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The backup chain lookups and CockroachDB's errors for them (wording: see the comments inside). */
const SHOW_BACKUP_FN = `
CREATE FUNCTION crdb.show_backup(coll text, subdir text, check_files bool) RETURNS SETOF crdb.backup_rows_t
LANGUAGE plpgsql STABLE AS $fn$
DECLARE k text := crdb.coll_key(coll); p text; missing text[];
BEGIN
  IF upper(subdir) = 'LATEST' THEN
    SELECT b.path INTO p FROM crdb.backups_t b WHERE b.coll_key = k ORDER BY b.path DESC LIMIT 1;
    IF p IS NULL THEN
      -- backupccl show.go wraps backupdest.ReadLatestFile's pgcode.UndefinedFile error with "read LATEST path";
      -- the innermost text is cloud.ErrFileDoesNotExist.
      RAISE EXCEPTION USING ERRCODE = '58P01', MESSAGE =
        'read LATEST path: path does not contain a completed latest backup: external_storage: file doesn''t exist';
    END IF;
  ELSE
    p := '/' || btrim(subdir, '/');
    IF NOT EXISTS (SELECT 1 FROM crdb.backups_t b WHERE b.coll_key = k AND b.path = p) THEN
      -- ReadBackupManifestFromStore returns the storage's "file does not exist" error unwrapped (no pgcode →
      -- CockroachDB reports XXUUU); its exact prefix depends on the storage provider.
      RAISE EXCEPTION USING ERRCODE = 'XXUUU', MESSAGE = 'external_storage: file doesn''t exist';
    END IF;
  END IF;
  IF check_files THEN
    SELECT b.missing_msgs INTO missing FROM crdb.backups_t b WHERE b.coll_key = k AND b.path = p;
    IF cardinality(missing) > 0 THEN
      -- show.go checkBackupFiles: errors.Newf("%s\\n\\t%s", prefix, strings.Join(sorted files, "\\n\\t")), max 10.
      RAISE EXCEPTION USING ERRCODE = 'XXUUU', MESSAGE =
        (CASE WHEN cardinality(missing) >= 10 THEN 'Multiple files cannot be read from the backup including:'
              ELSE 'The following files are missing from the backup:' END)
        || E'\\n\\t' || array_to_string(missing[1:10], E'\\n\\t');
    END IF;
  END IF;
  RETURN QUERY SELECT r.* FROM crdb.backup_rows_t r WHERE r.coll_key = k AND r.path = p ORDER BY r.layer_idx, r.obj_idx;
END $fn$`;

function schemaSql(state: ClusterState): string[] {
  const v = state.version;
  const clockFn = (name: string) =>
    `CREATE FUNCTION crdb.${name}() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT current_setting('crdb.now')::timestamptz $$`;
  return [
    'CREATE SCHEMA crdb', 'CREATE SCHEMA crdb_internal', 'CREATE SCHEMA system',
    `CREATE TABLE crdb.jobs_t (${ddl(JOB_COLUMNS)})`,
    `CREATE TABLE crdb.schedules_t (${ddl(SCHEDULE_COLUMNS)})`,
    `CREATE TABLE crdb.backups_t (coll_key text, collection text, path text, missing_msgs text[], PRIMARY KEY (coll_key, path))`,
    `CREATE TABLE crdb.backup_rows_t (coll_key text, path text, layer_idx int4, obj_idx int4, database_name text,
      parent_schema_name text, object_name text, object_type text, backup_type text, start_time timestamptz,
      end_time timestamptz, size_bytes int8, rows int8, is_full_cluster bool, regions text, file_bytes int8)`,
    'CREATE INDEX ON crdb.backup_rows_t (coll_key, path)',
    `CREATE TABLE crdb.nodes_t (node_id int8 PRIMARY KEY, address text, sql_address text, started_at timestamptz)`,
    // SHOW JOBS' 12 h filter and FOR SCHEDULE lookups; without them every SHOW JOBS scans all history.
    'CREATE INDEX ON crdb.jobs_t (finished)',
    'CREATE INDEX ON crdb.jobs_t (created_by_id)',
    `SET crdb.now = ${lit(state.now().toISOString())}`,
    ...['now', 'transaction_timestamp', 'statement_timestamp', 'clock_timestamp'].map(clockFn),
    `CREATE FUNCTION crdb.version() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT ${lit(VERSION_STRINGS[v])}::text $$`,
    // Clients connect to `defaultdb` (CockroachDB's default database), not PGlite's `postgres`.
    `CREATE FUNCTION crdb.current_database() RETURNS name LANGUAGE sql IMMUTABLE AS $$ SELECT 'defaultdb'::name $$`,
    // Collections are matched without their query string (credentials differ between callers).
    `CREATE FUNCTION crdb.coll_key(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT rtrim(split_part($1, '?', 1), '/') $$`,
    SHOW_BACKUP_FN,
    // Virtual tables list in primary-key order in CockroachDB, so SHOW JOB(S) <ids> comes out by id.
    `CREATE VIEW crdb_internal.jobs AS SELECT ${internalJobsColumns(v).join(', ')} FROM crdb.jobs_t ORDER BY job_id`,
    ...systemJobsSql(v),
    // crdb_internal.gossip_nodes: how a client finds every node (the dashboard's discovery reads node_id, address).
    `CREATE VIEW crdb_internal.gossip_nodes AS SELECT node_id, 'tcp'::text AS network, address, address AS advertise_address,
      'tcp'::text AS sql_network, sql_address, sql_address AS advertise_sql_address, '[]'::jsonb AS attrs, ''::text AS locality,
      'demo'::text AS cluster_name, ${lit(VERSION_STRINGS[v].split(' ')[2])}::text AS server_version, ${lit(VERSION_STRINGS[v].split(' ')[2])}::text AS build_tag,
      (started_at AT TIME ZONE 'UTC') AS started_at, true AS is_live, 0::int8 AS ranges, 0::int8 AS leases FROM crdb.nodes_t ORDER BY node_id`,
    `CREATE VIEW system.scheduled_jobs AS SELECT id AS schedule_id, label AS schedule_name, created, owner, next_run,
      recurrence AS schedule_expr, 'scheduled-backup-executor'::text AS executor_type FROM crdb.schedules_t ORDER BY id`,
    // Protected timestamp records (reference §f): CockroachDB's system table, columns and types as in systemschema.
    `CREATE TABLE crdb.pts_t (id uuid PRIMARY KEY, ts numeric NOT NULL, meta_type text NOT NULL, meta bytea, num_spans int8 NOT NULL,
      spans bytea NOT NULL, verified bool NOT NULL, target bytea, decoded_target jsonb, internal_meta jsonb, num_ranges int8, last_updated numeric)`,
    `CREATE VIEW system.protected_ts_records AS SELECT id, ts, meta_type, meta, num_spans, spans, verified, target FROM crdb.pts_t ORDER BY id`,
    KV_PTS_FN,
    `CREATE VIEW crdb_internal.kv_protected_ts_records AS SELECT * FROM crdb.kv_protected_ts_records()`,
  ];
}

/**
 * crdb_internal.kv_protected_ts_records (PR #105577, v23.2+; every emulated version is 23.2+): the system
 * table's columns plus decoded_meta ({"jobID": n} / {"scheduleID": n}), decoded_target, internal_meta,
 * num_ranges and last_updated. It looks up every record's job or schedule and fails the whole SELECT when
 * one is gone — exactly the orphaned records (the wording of that error is not verified; the job
 * registry's "job with ID %d does not exist" is used).
 */
const KV_PTS_FN = `
CREATE FUNCTION crdb.kv_protected_ts_records() RETURNS TABLE (id uuid, ts numeric, meta_type text, meta bytea, num_spans int8,
  spans bytea, verified bool, target bytea, decoded_meta jsonb, decoded_target jsonb, internal_meta jsonb, num_ranges int8, last_updated numeric)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE gone record;
BEGIN
  SELECT p.meta_type AS t, convert_from(p.meta, 'UTF8') AS holder INTO gone FROM crdb.pts_t p
   WHERE (p.meta_type = 'jobs' AND NOT EXISTS (SELECT 1 FROM crdb.jobs_t j WHERE j.job_id::text = convert_from(p.meta, 'UTF8')))
      OR (p.meta_type = 'schedules' AND NOT EXISTS (SELECT 1 FROM crdb.schedules_t s WHERE s.id::text = convert_from(p.meta, 'UTF8')))
   ORDER BY p.id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'XXUUU', MESSAGE =
      (CASE WHEN gone.t = 'jobs' THEN 'job' ELSE 'schedule' END) || ' with ID ' || gone.holder || ' does not exist';
  END IF;
  RETURN QUERY SELECT p.id, p.ts, p.meta_type, p.meta, p.num_spans, p.spans, p.verified, p.target,
    CASE WHEN p.meta_type = 'jobs' THEN jsonb_build_object('jobID', convert_from(p.meta, 'UTF8')::int8)
         ELSE jsonb_build_object('scheduleID', convert_from(p.meta, 'UTF8')::int8) END,
    p.decoded_target, p.internal_meta, p.num_ranges, p.last_updated
  FROM crdb.pts_t p ORDER BY p.id;
END $fn$`;

const UPSERT_SLICE = 5_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * From v26.1 (#158350) a job paused for a reason shows it "as the secondary, informative status of the
 * job aka its running_status"; the status itself stays `paused`. Before, the reason is kept but never shown.
 */
function runningStatus(j: DemoJob, v: CrdbVersion): string | null {
  const pausing = j.status === 'paused' || j.status === 'pause-requested';
  return pausing && j.pause_reason && showsPauseReason(v) ? j.pause_reason : j.running_status;
}

function jobRow(j: DemoJob, v: CrdbVersion): Record<string, unknown> {
  // jsonb_populate_recordset ignores keys that are not columns (pause_reason, pts, rev).
  return {
    ...j, running_status: runningStatus(j, v), descriptor_ids: [], created: iso(j.created), started: iso(j.started), finished: iso(j.finished),
    modified: iso(j.modified), last_run: iso(j.last_run), next_run: iso(j.next_run),
    high_water_timestamp: null, execution_events: [],
  };
}

function scheduleRow(s: DemoSchedule): Record<string, unknown> {
  return { ...s, next_run: iso(s.next_run), created: iso(s.created) };
}

/** Go's path.Join cleaning (it turns "s3://bucket" into "s3:/bucket", as the docs' check_files example shows). */
const pathJoin = (...parts: string[]) => parts.join('/').replace(/\/+/g, '/');

/** Default incremental layout since v22.1: <collection>/incrementals/<full subdir>/<YYYYMMDD>/<HHMMSS.ss>. */
function layerDir(collKey: string, b: DemoBackup, layer: DemoBackupLayer): string {
  if (layer.backup_type === 'full') return pathJoin(collKey, b.path);
  const t = layer.end_time.toISOString();
  const inc = `${t.slice(0, 10).replace(/-/g, '')}/${t.slice(11, 19).replace(/:/g, '')}.${t.slice(20, 22)}`;
  return pathJoin(collKey, 'incrementals', b.path, inc);
}

const collKey = (c: string) => c.split('?')[0].replace(/\/+$/, '');

export class Mirror {
  private lastRev = -1;
  private jobIds = new Set<string>();
  private scheduleIds = new Set<string>();
  /** Per backup chain (coll_key + path): layer count and missing-file count last mirrored. */
  private backupSigs = new Map<string, string>();

  private nodesSig = '';
  private ptsSig = '';
  constructor(
    private readonly db: PGlite,
    private readonly state: ClusterState,
  ) {}

  async init(): Promise<void> {
    for (const stmt of schemaSql(this.state)) await this.db.exec(stmt);
    await this.sync();
    await this.db.exec('ANALYZE crdb.jobs_t');
    // Clients only read; writes would fight the mirror. CockroachDB's search_path order is emulated so
    // the cluster clock and version shadow pg_catalog's.
    await this.db.exec(`SET search_path = crdb, pg_catalog, public; SET default_transaction_read_only = on`);
  }

  /** Brings the tables up to date with the state; returns false when nothing changed. */
  async sync(): Promise<boolean> {
    await this.syncNodes();
    const rev = this.state.revision();
    if (rev === this.lastRev) return false;
    const since = this.lastRev;
    const jobs = this.state.jobs();
    const schedules = this.state.schedules();
    const backups = this.state.backups();
    await this.db.exec('BEGIN READ WRITE');
    try {
      await this.upsert('crdb.jobs_t', 'job_id', JOB_COLUMNS, jobs.filter((j) => j.rev > since).map((j) => jobRow(j, this.state.version)));
      await this.prune('crdb.jobs_t', 'job_id', this.jobIds, jobs.map((j) => j.job_id));
      await this.upsert('crdb.schedules_t', 'id', SCHEDULE_COLUMNS, schedules.filter((s) => s.rev > since).map(scheduleRow));
      await this.prune('crdb.schedules_t', 'id', this.scheduleIds, schedules.map((s) => s.id));
      await this.syncBackups(backups);
      await this.syncPts();
      await this.db.exec('COMMIT');
    } catch (e) {
      await this.db.exec('ROLLBACK');
      // Start over next time: the in-memory bookkeeping no longer matches the tables.
      this.backupSigs.clear();
      this.jobIds.clear();
      this.scheduleIds.clear();
      this.ptsSig = '';
      this.lastRev = -1;
      throw e;
    }
    this.lastRev = rev;
    return true;
  }

  /** The records are few (one per holder): rewritten whenever the set or a timestamp changes. */
  private async syncPts() {
    const records = this.state.ptsRecords();
    const sig = records.map((r) => `${r.id}@${r.ts}`).join(',');
    if (sig === this.ptsSig) return;
    const hex = (b: Uint8Array) => `\\x${Buffer.from(b).toString('hex')}`;
    const rows = records.map((r) => ({
      id: r.id, ts: r.ts, meta_type: r.meta_type, meta: hex(new TextEncoder().encode(r.holder_id)), num_spans: 0,
      // spans: deprecated and empty since 22.1 (targets instead).
      spans: '\\x', verified: r.verified, target: hex(r.target), decoded_target: r.decoded_target, internal_meta: r.internal_meta,
      num_ranges: r.num_ranges, last_updated: r.ts,
    }));
    await this.db.exec('DELETE FROM crdb.pts_t');
    if (rows.length) await this.db.query(`INSERT INTO crdb.pts_t SELECT * FROM jsonb_populate_recordset(NULL::crdb.pts_t, $1::jsonb)`, [JSON.stringify(rows)]);
    this.ptsSig = sig;
  }

  /** Node addresses are known only once every node listens, so they are compared, not revisioned. */
  private async syncNodes() {
    const nodes = this.state.nodes().map((n) => ({ node_id: n.node_id, address: n.advertise_addr, sql_address: n.sql_addr, started_at: new Date(n.started_at).toISOString() }));
    const sig = JSON.stringify(nodes);
    if (sig === this.nodesSig) return;
    await this.db.exec('BEGIN READ WRITE');
    try {
      await this.db.exec('DELETE FROM crdb.nodes_t');
      await this.db.query(`INSERT INTO crdb.nodes_t SELECT * FROM jsonb_populate_recordset(NULL::crdb.nodes_t, $1::jsonb)`, [sig]);
      await this.db.exec('COMMIT');
      this.nodesSig = sig;
    } catch (e) {
      await this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private async upsert(table: string, key: string, cols: [string, string][], rows: Record<string, unknown>[]) {
    const names = cols.map(([n]) => n).filter((n) => n !== key);
    // In slices: one JSON text of 100,000 jobs (--jobs) grew PGlite's heap, which never shrinks, by gigabytes.
    for (let i = 0; i < rows.length; i += UPSERT_SLICE) {
      await this.db.query(
        `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
         ON CONFLICT (${key}) DO UPDATE SET (${names.join(', ')}) = ROW(${names.map((n) => `EXCLUDED.${n}`).join(', ')})`,
        [JSON.stringify(rows.slice(i, i + UPSERT_SLICE))],
      );
    }
  }

  /** Removes rows whose ids the state no longer has (jobs past retention), only when the counts say so. */
  private async prune(table: string, key: string, synced: Set<string>, current: string[]) {
    for (const id of current) synced.add(id);
    if (synced.size === current.length) return;
    const keep = new Set(current);
    for (const id of [...synced]) if (!keep.has(id)) synced.delete(id);
    await this.db.query(`DELETE FROM ${table} WHERE ${key} <> ALL($1::int8[])`, [current]);
  }

  /** Rewrites only the chains whose layer or missing-file count changed (a full rebuild is ~0.5 s). */
  private async syncBackups(backups: readonly DemoBackup[]) {
    const rebuild = this.backupSigs.size === 0;
    const seen = new Set<string>();
    const changed: { coll_key: string; path: string }[] = [];
    const heads: Record<string, unknown>[] = [];
    const rows: Record<string, unknown>[] = [];
    for (const b of backups) {
      const k = collKey(b.collection);
      const key = `${k} ${b.path}`;
      const sig = `${b.layers.length}:${b.layers.reduce((n, l) => n + l.missing_files.length, 0)}`;
      seen.add(key);
      if (this.backupSigs.get(key) === sig) continue;
      this.backupSigs.set(key, sig);
      changed.push({ coll_key: k, path: b.path });
      const missing = b.layers.flatMap((l) => l.missing_files.map((f) => pathJoin(layerDir(k, b, l), f)));
      heads.push({ coll_key: k, collection: b.collection, path: b.path, missing_msgs: [...new Set(missing)].sort() });
      b.layers.forEach((l, li) =>
        l.objects.forEach((o, oi) =>
          rows.push({
            coll_key: k, path: b.path, layer_idx: li, obj_idx: oi, ...o, backup_type: l.backup_type,
            start_time: iso(l.start_time), end_time: iso(l.end_time), is_full_cluster: l.is_full_cluster,
            regions: null,
            // DemoBackupObject has no on-disk size; SHOW BACKUP's docs example shows SST bytes at roughly
            // half the logical size_bytes for tables (and NULL for other objects).
            file_bytes: o.object_type === 'table' && o.size_bytes !== null ? Math.round(o.size_bytes * 0.52) : null,
          }),
        ),
      );
    }
    for (const key of [...this.backupSigs.keys()]) {
      if (seen.has(key)) continue;
      this.backupSigs.delete(key);
      const [coll_key, path] = [key.slice(0, key.lastIndexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
      changed.push({ coll_key, path });
    }
    if (changed.length === 0) return;
    if (rebuild) await this.db.exec('DELETE FROM crdb.backups_t; DELETE FROM crdb.backup_rows_t');
    else {
      const keys = `SELECT * FROM jsonb_to_recordset($1::jsonb) AS k(coll_key text, path text)`;
      for (const t of ['crdb.backups_t', 'crdb.backup_rows_t']) {
        await this.db.query(`DELETE FROM ${t} WHERE (coll_key, path) IN (${keys})`, [JSON.stringify(changed)]);
      }
    }
    const ins = (t: string, r: Record<string, unknown>[]) =>
      r.length ? this.db.query(`INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`, [JSON.stringify(r)]) : null;
    await ins('crdb.backups_t', heads);
    await ins('crdb.backup_rows_t', rows);
  }
}
