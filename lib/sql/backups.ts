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
import { knownCollections, normalizeBackupPath, redactMessage, type KnownCollection } from '../schedules/backup-paths';
import { redactUri, sqlLiteral } from '../schedules/redact';
import type { BackupCollection, BackupObjectRow, BackupsPage } from '../api/types/backups';
import { TtlCache, type Cached } from './backups-cache';
import { readFinishedRestores, type FinishedRestores } from './restore-jobs';
import { layerKey, readTrends } from './backup-trends';
import { isoTimestamp, rawTypes } from './pg-types';
import { readScheduleRows } from './schedules';
import { withReadOnly, type Session, type SessionInfo } from './session';

/** SHOW BACKUPS IN can list years of hourly backups: the newest this many are kept. */
export const MAX_PATHS = 500;

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

export interface Known {
  collections: KnownCollection[];
  schedules: { id: string; label: string | null; backup_type: string | null }[];
  /** The backup statements of the schedules writing to each collection (by its redacted form). */
  statements: Map<string, string[]>;
  /** The cluster's clock when the schedules were read (SELECT now()): ages are measured against it. */
  nowMs: number;
  sql: string[];
}

export async function readKnown(c: Session, info: SessionInfo): Promise<Known> {
  const state = await readScheduleRows(c, info);
  const schedules = state.schedules.filter((s) => s.rawCollection !== null);
  const statements = new Map<string, string[]>();
  for (const s of schedules) {
    const key = redactUri(s.rawCollection as string);
    if (s.command.statement) statements.set(key, [...(statements.get(key) ?? []), s.command.statement]);
  }
  return {
    statements,
    nowMs: state.nowMs,
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

/**
 * The newest subdirectory SHOW BACKUPS IN lists for each of these collections (as SHOW SCHEDULES printed
 * them), through the same cache as the backups page; null where the listing failed or is empty.
 */
export async function newestBackups(c: Session, cluster: ClusterConfig, rawCollections: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const raw of new Set(rawCollections)) {
    const listed = await listPaths(c, cluster, { collection: redactUri(raw), raw, schedules: [] }, false);
    out.set(listed.collection, listed.backups?.[0] ?? null);
  }
  return out;
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
): Promise<{ sizes: Map<string, Map<string, number>>; chains: ChainsRead; sql: string[] }> {
  const sizes = new Map(known.map((k) => [k.collection, new Map<string, number>()]));
  const chains: ChainsRead = new Map(known.map((k) => [k.collection, new Map<string, BackupObjectRow[]>()]));
  const sql: string[] = [];
  const deadline = performance.now() + SIZE_BUDGET_MS;
  for (let i = 0; i < SIZE_CHAINS; i++) {
    for (const k of known) {
      const path = listed.find((l) => l.collection === k.collection)?.backups?.[i];
      if (path === undefined) continue;
      if (performance.now() > deadline) return { sizes, chains, sql };
      const again = fresh.yes && i === 0 && !(fresh.reread?.collection === k.collection && fresh.reread.backup === path);
      const r = await showBackup(c, cluster, k, path, { newest: i === 0, fresh: again });
      sql.push(showBackupSql(path, k.collection));
      if (!r.value.ok) continue;
      addLayerSizes(sizes.get(k.collection) as Map<string, number>, r.value.value);
      chains.get(k.collection)?.set(path, r.value.value);
    }
  }
  return { sizes, chains, sql };
}


/** The chains read for an answer: collection → subdirectory → SHOW BACKUP rows. */
export type ChainsRead = Map<string, Map<string, BackupObjectRow[]>>;

/** The page, and what lib/api composes the restore points from (never sent as such). */
export interface BackupsRead {
  page: BackupsPage;
  chains: ChainsRead;
  statements: Map<string, string[]>;
  nowMs: number;
  restores: FinishedRestores;
}

export async function listBackups(cluster: ClusterConfig, sel: { collection?: string; backup?: string; fresh?: boolean }): Promise<BackupsPage> {
  return (await readBackups(cluster, sel)).page;
}

export async function readBackups(cluster: ClusterConfig, sel: { collection?: string; backup?: string; fresh?: boolean }): Promise<BackupsRead> {
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
    const restores = await readFinishedRestores(c, info);
    const page = {
      collections,
      selected,
      trends: t.trends,
      sql: [...known.sql, ...known.collections.map((k) => `SHOW BACKUPS IN ${sqlLiteral(k.collection)}`), ...s.sql, ...t.sql, restores.sql],
    };
    return { page, chains: s.chains, statements: known.statements, nowMs: known.nowMs, restores };
  });
}

/** A subdirectory that is not in the collection: CockroachDB says "file doesn't exist" (XXUUU / 58P01). */
export function notFoundOr(err: unknown, backup: string): unknown {
  const e = err as { message?: string; code?: string };
  if (/doesn'?t exist|does not exist|not found/i.test(e.message ?? '')) return new ApiError('not_found', `no backup ${backup} in that collection: ${redactMessage(e.message ?? '')}`, err);
  if (e.message) e.message = redactMessage(e.message);
  return err;
}
