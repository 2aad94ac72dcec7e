/**
 * The backup inventory: for each collection a schedule writes to (or BACKUP_COLLECTIONS names),
 * SHOW BACKUPS IN; for a chosen backup SHOW BACKUP FROM '<subdir>' IN '<collection>'; trends per
 * schedule. Validate (WITH check_files) is lib/sql/backup-validate.ts.
 *
 * The collection comes from SHOW SCHEDULES, and real CockroachDB prints it with its secrets
 * redacted (`AWS_SECRET_ACCESS_KEY=redacted`, reference §c.4): such a URI cannot authenticate, so
 * SHOW BACKUPS IN fails for it and the collection shows that error instead of its backups. The
 * real-world fix is an external connection (CREATE EXTERNAL CONNECTION; schedules writing to
 * `external://name` carry no secret), or the full URI in BACKUP_COLLECTIONS.
 * Collections and subdirectories are passed as placeholders, never inlined: CockroachDB's grammar
 * takes them there (show_backup_stmt: `SHOW BACKUPS IN string_or_placeholder_opt_list`,
 * `SHOW BACKUP FROM string_or_placeholder IN string_or_placeholder_opt_list opt_with_options`;
 * docs/generated/sql/bnf/stmt_block.bnf), and the demo cluster accepts the same.
 */
import { staticConfig, type ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { asOfOf, knownCollections, normalizeBackupPath, redactMessage, type KnownCollection } from '../schedules/backup-paths';
import { sqlLiteral } from '../schedules/redact';
import { RUNS_WINDOW_DAYS, scheduleJobsUnion, TERMINAL_FAILED, TERMINAL_OK } from '../schedules/runs';
import type { BackupCollection, BackupObjectRow, BackupsPage } from '../api/types/backups';
import { TtlCache, type Cached } from './backups-cache';
import { isoTimestamp, rawTypes } from './pg-types';
import { readScheduleRows } from './schedules';
import { withInternals, withReadOnly, type Session, type SessionInfo } from './session';

/** SHOW BACKUPS IN can list years of hourly backups: the newest this many are kept. */
export const MAX_PATHS = 500;
/** Runs per schedule in the trends (newest first, within RUNS_WINDOW_DAYS). */
export const TREND_RUNS = 300;

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 't' || v === 'true');

function toObjectRow(r: Record<string, unknown>): BackupObjectRow {
  return {
    database_name: str(r.database_name),
    parent_schema_name: str(r.parent_schema_name),
    object_name: str(r.object_name),
    object_type: str(r.object_type),
    backup_type: str(r.backup_type),
    start_time: isoTimestamp(r.start_time),
    end_time: isoTimestamp(r.end_time),
    size_bytes: num(r.size_bytes),
    rows: num(r.rows),
    is_full_cluster: bool(r.is_full_cluster),
  };
}

interface Known {
  collections: KnownCollection[];
  schedules: { id: string; label: string | null; backup_type: string | null }[];
  sql: string[];
}

export async function readKnown(c: Session, info: SessionInfo): Promise<Known> {
  const state = await readScheduleRows(c, info);
  const schedules = state.schedules.filter((s) => s.rawCollection !== null);
  return {
    collections: knownCollections(
      schedules.map((s) => ({ id: s.id, label: s.label, backup_type: s.backup_type, rawCollection: s.rawCollection })),
      staticConfig().backupCollections,
    ),
    schedules: schedules.map((s) => ({ id: s.id, label: s.label, backup_type: s.backup_type })),
    sql: state.sql,
  };
}

export function pick(known: KnownCollection[], collection: string, clusterId: string): KnownCollection {
  const hit = known.find((k) => k.collection === collection);
  // The request's value is not echoed: it may carry a secret.
  if (!hit) throw new ApiError('not_found', `that collection is not one a backup schedule of cluster "${clusterId}" writes to, nor one configured in BACKUP_COLLECTIONS`);
  return hit;
}

/**
 * Runs a statement that may fail for one collection (bad credentials, missing bucket): the error is
 * the result. Reads run outside an explicit transaction, so one failure does not poison the next.
 */
async function attempt<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string; cause: unknown }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    const e = err as { message?: string; code?: string };
    // A lost connection or a node shutting down is not a per-collection problem; a statement
    // timeout (57014) is: one slow bucket must not blank the other collections.
    if (e.code && (e.code.startsWith('08') || e.code.startsWith('57P'))) throw err;
    if (!e.code && /connection|ECONN|timeout/i.test(e.message ?? '')) throw err;
    return { ok: false, error: redactMessage(e.message ?? String(err)), cause: err };
  }
}

/**
 * What storage reads cost, and the bounds on them. SHOW BACKUPS IN lists the collection's bucket and
 * SHOW BACKUP reads a chain's manifests: on a real cluster each is a slow, billed round trip to cloud
 * storage, so they go through a cache shared by every viewer and API caller of this process
 * (lib/sql/backups-cache.ts: single flight, bounded). Validate (WITH check_files) never does: it is
 * asked for on purpose and must look at storage now.
 */
/**
 * A collection's listing changes only when a full backup starts a new chain (at most once per full
 * schedule's run, typically daily): a minute old is plenty for an inventory, and a viewer who
 * expects a newer one re-lists (`fresh=1`).
 */
export const LIST_TTL_MS = 60_000;
/**
 * The newest chain grows: each incremental run appends a layer (as often as every few minutes),
 * so its SHOW BACKUP is kept no longer than the listing.
 */
export const NEWEST_CHAIN_TTL_MS = LIST_TTL_MS;
/**
 * An older chain is immutable: incrementals only ever go on top of the newest full backup. It is
 * still not kept forever, because its files can disappear (a bucket lifecycle rule or a person
 * deleting them): a quarter of an hour bounds how long a deleted chain can still be shown.
 */
export const OLD_CHAIN_TTL_MS = 15 * 60_000;
/** A per-collection failure (bad credentials, a slow bucket) is retried soon, but not by every viewer at once. */
export const ERROR_TTL_MS = 5_000;
/**
 * The size trend reads the newest this many chains per collection. Cold, that is up to this many
 * SHOW BACKUPs per collection; warm, one per collection per minute (the newest chain), the older
 * ones once per OLD_CHAIN_TTL_MS.
 */
export const SIZE_CHAINS = 6;
/**
 * Time the size reads of one request may take (reads that miss the cache). They run one after
 * another on the request's one connection, newest chain of every collection first; a read is not
 * started past the budget (one already running is bounded by the statement timeout), and the sizes
 * known by then are returned. The reads that did finish are cached, so the next request goes further.
 * Two seconds: the page waits on this request, and a cold first visit must not keep an on-call
 * engineer looking at a spinner for the sake of a trend chart (the first listing measured 2.8 s
 * here with 4 s; the listings themselves are well under a second).
 */
export const SIZE_BUDGET_MS = 2_000;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; cause: unknown };
/** A read's outcome and how long it may be served if it succeeded. */
type Kept<T> = Outcome<T> & { ttl: number };
const keptCache = <T>(max: number) => new TtlCache<Kept<T>>({ ttlMs: (r) => (r.ok ? r.ttl : ERROR_TTL_MS), max });

// On globalThis: Next may load this module once per route bundle, and there must be one cache.
const KEY = Symbol.for('crdb-monitor.backups-cache');
// SHOW BACKUP of a full-cluster chain can be thousands of rows: fewer of those are kept.
const caches = ((globalThis as Record<symbol, unknown>)[KEY] ??= { listings: keptCache<string[]>(200), chains: keptCache<BackupObjectRow[]>(100) }) as {
  listings: TtlCache<Kept<string[]>>;
  chains: TtlCache<Kept<BackupObjectRow[]>>;
};

/** Forgets every cached read (tests). */
export function clearBackupsCache(): void {
  caches.listings.clear();
  caches.chains.clear();
}

const keyOf = (cluster: ClusterConfig, ...parts: string[]) => [cluster.id, ...parts].join('\n');
const isoOf = (ms: number) => new Date(ms).toISOString();

async function listPaths(c: Session, cluster: ClusterConfig, k: KnownCollection, fresh: boolean): Promise<BackupCollection> {
  const r = await caches.listings.get(
    keyOf(cluster, k.raw),
    async () => {
      const a = await attempt(() => c.query<{ path: string }>('SHOW BACKUPS IN $1', [k.raw]));
      // CockroachDB lists oldest first; the page wants newest first.
      return { ...(a.ok ? { ok: true as const, value: a.value.rows.map((x) => String(x.path)).reverse().slice(0, MAX_PATHS) } : a), ttl: LIST_TTL_MS };
    },
    { fresh },
  );
  const v = r.value;
  return { collection: k.collection, schedules: k.schedules, backups: v.ok ? v.value : null, error: v.ok ? null : v.error, as_of: isoOf(r.at) };
}

/** SHOW BACKUP FROM '<path>' IN '<collection>', through the cache (TTL by whether the chain can still grow). */
function showBackup(c: Session, cluster: ClusterConfig, k: KnownCollection, path: string, opts: { newest: boolean; fresh: boolean }): Promise<Cached<Outcome<BackupObjectRow[]>>> {
  const ttl = opts.newest ? NEWEST_CHAIN_TTL_MS : OLD_CHAIN_TTL_MS;
  return caches.chains.get(
    keyOf(cluster, k.raw, path),
    async () => {
      const a = await attempt(() => c.query({ text: 'SHOW BACKUP FROM $1 IN $2', values: [path, k.raw], types: rawTypes }));
      return { ...(a.ok ? { ok: true as const, value: (a.value.rows as Record<string, unknown>[]).map(toObjectRow) } : a), ttl };
    },
    { fresh: opts.fresh },
  );
}

/** The statement as shown to the operator (the redacted collection; what ran used placeholders). */
export const showBackupSql = (backup: string, collection: string, extra = '') => `SHOW BACKUP FROM ${sqlLiteral(backup)} IN ${sqlLiteral(collection)}${extra}`;

/** Adds a chain's layer sizes, keyed by layer type and end_time (a full and an incremental can end at the same time). */
function addLayerSizes(sizes: Map<string, number>, rows: BackupObjectRow[]): void {
  for (const o of rows) {
    if (o.end_time === null || o.size_bytes === null) continue;
    const key = layerKey(o.backup_type, o.end_time);
    sizes.set(key, (sizes.get(key) ?? 0) + o.size_bytes);
  }
}

/**
 * Layer sizes of the newest SIZE_CHAINS chains of every collection, newest chain of each collection
 * first, within SIZE_BUDGET_MS (see there). `fresh` re-reads the newest chains (the ones that grow),
 * except one this request has just re-read (`reread`). Returns the sizes per collection and the statements.
 */
async function chainSizes(
  c: Session,
  cluster: ClusterConfig,
  known: KnownCollection[],
  listed: BackupCollection[],
  fresh: { yes: boolean; reread: { collection: string; backup: string } | null },
): Promise<{ sizes: Map<string, Map<string, number>>; sql: string[] }> {
  const sizes = new Map(known.map((k) => [k.collection, new Map<string, number>()]));
  const sql: string[] = [];
  const deadline = performance.now() + SIZE_BUDGET_MS;
  for (let i = 0; i < SIZE_CHAINS; i++) {
    for (const k of known) {
      const path = listed.find((l) => l.collection === k.collection)?.backups?.[i];
      if (path === undefined) continue;
      if (performance.now() > deadline) return { sizes, sql };
      const again = fresh.yes && i === 0 && !(fresh.reread?.collection === k.collection && fresh.reread.backup === path);
      const r = await showBackup(c, cluster, k, path, { newest: i === 0, fresh: again });
      sql.push(showBackupSql(path, k.collection));
      if (r.value.ok) addLayerSizes(sizes.get(k.collection) as Map<string, number>, r.value.value);
    }
  }
  return { sizes, sql };
}

const layerKey = (backupType: string | null, endTime: string) => `${(backupType ?? '').toLowerCase()}|${new Date(Date.parse(endTime)).toISOString()}`;

type Trend = BackupsPage['trends'][number];

/** The success rates and the newest runs of every schedule, from system.jobs and crdb_internal.jobs. */
function trendStatements(terminal: string[]) {
  const rates = {
    text: `SELECT created_by_id::STRING AS schedule_id,
  count(*) FILTER (WHERE status = 'succeeded' AND created > now() - '7 days'::INTERVAL) AS ok_7d,
  count(*) FILTER (WHERE status = ANY($1::STRING[]) AND created > now() - '7 days'::INTERVAL) AS n_7d,
  count(*) FILTER (WHERE status = 'succeeded') AS ok_30d,
  count(*) FILTER (WHERE status = ANY($1::STRING[])) AS n_30d
FROM system.jobs
WHERE created_by_type = 'crdb_schedule' AND created > now() - $2::INTERVAL
GROUP BY created_by_id`,
    values: [terminal, `${RUNS_WINDOW_DAYS} days`],
  };
  const runs = {
    text: `SELECT s.created_by_id::STRING AS schedule_id, j.job_id, j.status, j.created, j.finished, j.description
FROM (
  SELECT id, created_by_id, row_number() OVER (PARTITION BY created_by_id ORDER BY created DESC) AS rn
  FROM system.jobs
  WHERE created_by_type = 'crdb_schedule' AND created > now() - $1::INTERVAL AND status = ANY($2::STRING[])
) AS s
JOIN crdb_internal.jobs AS j ON j.job_id = s.id
WHERE s.rn <= $3
ORDER BY s.created_by_id, j.created DESC`,
    values: [`${RUNS_WINDOW_DAYS} days`, terminal, TREND_RUNS],
  };
  return { rates, runs };
}

/** The same rows without internals (restricted, reference §e): from SHOW JOBS FOR SCHEDULE of each schedule. */
function trendStatementsFromShow(terminal: string[], ids: string[]) {
  const jobs = ids.length === 0 ? `SELECT NULL::STRING AS schedule_id, NULL::INT8 AS job_id, NULL::STRING AS status, NULL::TIMESTAMPTZ AS created, NULL::TIMESTAMPTZ AS finished, NULL::STRING AS description WHERE false` : scheduleJobsUnion(ids, ['job_id', 'status', 'created', 'finished', 'description']);
  const rates = {
    text: `SELECT schedule_id,
  count(*) FILTER (WHERE status = 'succeeded' AND created > now() - '7 days'::INTERVAL) AS ok_7d,
  count(*) FILTER (WHERE status = ANY($1::STRING[]) AND created > now() - '7 days'::INTERVAL) AS n_7d,
  count(*) FILTER (WHERE status = 'succeeded') AS ok_30d,
  count(*) FILTER (WHERE status = ANY($1::STRING[])) AS n_30d
FROM (${jobs}) AS j
WHERE created > now() - $2::INTERVAL
GROUP BY schedule_id`,
    values: [terminal, `${RUNS_WINDOW_DAYS} days`],
  };
  const runs = {
    text: `SELECT schedule_id, job_id, status, created, finished, description
FROM (
  SELECT *, row_number() OVER (PARTITION BY schedule_id ORDER BY created DESC) AS rn
  FROM (${jobs}) AS j
  WHERE created > now() - $1::INTERVAL AND status = ANY($2::STRING[])
) AS s
WHERE rn <= $3
ORDER BY schedule_id, created DESC`,
    values: [`${RUNS_WINDOW_DAYS} days`, terminal, TREND_RUNS],
  };
  return { rates, runs };
}

/**
 * Success rate over 7 and 30 days (finished runs only; null with none), and per run its duration
 * (finished − created: `started` is gone from 25.3 and equals created, reference §c.1) and its size
 * when its layer is in one of the chains chainSizes read (null otherwise).
 */
async function readTrends(c: Session, info: SessionInfo, known: Known, sizes: Map<string, Map<string, number>>, collectionOfSchedule: Map<string, string>): Promise<{ trends: Trend[]; sql: string[] }> {
  const terminal = [TERMINAL_OK, ...TERMINAL_FAILED];
  const read = async (q: { rates: { text: string; values: unknown[] }; runs: { text: string; values: unknown[] } }) => ({
    q,
    rr: await c.query(q.rates),
    jr: await c.query({ ...q.runs, types: rawTypes }),
  });
  const { q, rr, jr } = await withInternals(
    info,
    () => read(trendStatements(terminal)),
    () => read(trendStatementsFromShow(terminal, known.schedules.map((x) => x.id))),
  );
  const rateOf = new Map((rr.rows as Record<string, unknown>[]).map((r) => [String(r.schedule_id), r]));
  const runsOf = new Map<string, Trend['runs']>();
  for (const r of jr.rows as Record<string, unknown>[]) {
    const id = String(r.schedule_id);
    const finished = isoTimestamp(r.finished);
    if (!finished) continue;
    const created = isoTimestamp(r.created);
    const asOf = asOfOf(str(r.description));
    const coll = collectionOfSchedule.get(id);
    const type = known.schedules.find((s) => s.id === id)?.backup_type ?? null;
    const size = asOf && coll ? (sizes.get(coll)?.get(layerKey(type, asOf)) ?? null) : null;
    const list = runsOf.get(id) ?? [];
    list.push({
      job_id: String(r.job_id),
      finished,
      duration_s: created ? Math.max(0, Math.round((Date.parse(finished) - Date.parse(created)) / 1000)) : null,
      status: String(r.status),
      size_bytes: String(r.status) === TERMINAL_OK ? size : null,
    });
    runsOf.set(id, list);
  }
  const rate = (ok: unknown, n: unknown) => (Number(n) > 0 ? Number(ok) / Number(n) : null);
  const trends = known.schedules.map((s) => {
    const r = rateOf.get(s.id);
    return {
      schedule_id: s.id,
      label: s.label,
      backup_type: s.backup_type,
      success_rate_7d: r ? rate(r.ok_7d, r.n_7d) : null,
      success_rate_30d: r ? rate(r.ok_30d, r.n_30d) : null,
      runs: runsOf.get(s.id) ?? [],
    };
  });
  return { trends, sql: [q.rates.text, q.runs.text] };
}

export async function listBackups(cluster: ClusterConfig, sel: { collection?: string; backup?: string; fresh?: boolean }): Promise<BackupsPage> {
  const fresh = sel.fresh === true;
  return withReadOnly(cluster, 'listing backups', async (c, info) => {
    const known = await readKnown(c, info);
    const chosen = sel.collection !== undefined ? pick(known.collections, sel.collection, cluster.id) : null;
    const collections: BackupCollection[] = [];
    for (const k of known.collections) collections.push(await listPaths(c, cluster, k, fresh));
    let selected: BackupsPage['selected'] = null;
    if (chosen) {
      const listed = collections.find((x) => x.collection === chosen.collection)?.backups ?? null;
      const backup = sel.backup !== undefined ? normalizeBackupPath(sel.backup) : (listed?.[0] ?? null);
      if (backup !== null) {
        // A path the listing does not have (it failed, or the path is newer) is treated as a growing chain.
        const r = await showBackup(c, cluster, chosen, backup, { newest: (listed?.indexOf(backup) ?? -1) <= 0, fresh });
        if (!r.value.ok) throw notFoundOr(r.value.cause, backup);
        selected = { collection: chosen.collection, backup, rows: r.value.value, sql: showBackupSql(backup, chosen.collection), as_of: isoOf(r.at) };
      }
    }
    const s = await chainSizes(c, cluster, known.collections, collections, { yes: fresh, reread: selected });
    const collectionOfSchedule = new Map(known.collections.flatMap((k) => k.schedules.map((x) => [x.id, k.collection] as const)));
    const t = await readTrends(c, info, known, s.sizes, collectionOfSchedule);
    return {
      collections,
      selected,
      trends: t.trends,
      sql: [...known.sql, ...known.collections.map((k) => `SHOW BACKUPS IN ${sqlLiteral(k.collection)}`), ...s.sql, ...t.sql],
    };
  });
}

/** A subdirectory that is not in the collection: CockroachDB says "file doesn't exist" (XXUUU / 58P01). */
export function notFoundOr(err: unknown, backup: string): unknown {
  const e = err as { message?: string; code?: string };
  if (/doesn'?t exist|does not exist|not found/i.test(e.message ?? '')) return new ApiError('not_found', `no backup ${backup} in that collection: ${redactMessage(e.message ?? '')}`, err);
  if (e.message) e.message = redactMessage(e.message);
  return err;
}
