import { PGlite } from '@electric-sql/pglite';
import type { Mirror } from './mirror';
import { byte, concat, cstr, decode, errorFields, i16, i32, messages, msg, Reader } from './wire';

/**
 * Raw wire access to the single PGlite session, shared by every connection. Callers hold the
 * server-wide lock (see Mutex) for a whole batch, so nothing here interleaves.
 */
export class PgSession {
  /** Connection id whose unnamed prepared statement PGlite currently holds (it is shared). */
  unnamedOwner: number | null = null;
  /** Values of the per-connection variables currently SET on PGlite. */
  readonly applied = new Map<string, string>();

  constructor(
    readonly db: PGlite,
    readonly mirror: Mirror,
  ) {}

  raw(m: Uint8Array): Promise<Uint8Array> {
    return this.db.execProtocolRaw(m, { syncToFs: false });
  }

  /** Runs a simple Query for the server's own bookkeeping; returns the error text, if any. */
  async exec(sql: string): Promise<{ code: string; message: string } | null> {
    const out = await this.raw(msg('Q', cstr(sql)));
    // A simple Query replaces PGlite's unnamed statement.
    this.unnamedOwner = null;
    let error: { code: string; message: string } | null = null;
    for (const m of messages(out)) {
      if (m.type === 'E') {
        const f = errorFields(m.body);
        error = { code: f.C ?? 'XX000', message: f.M ?? 'error' };
      }
      if (m.type === 'Z' && m.body[0] !== 'I'.charCodeAt(0)) await this.raw(msg('Q', cstr('ROLLBACK')));
    }
    return error;
  }

  /** Ends an extended-protocol batch on PGlite; never leaves the shared session inside a transaction. */
  async sync(): Promise<void> {
    const out = await this.raw(msg('S'));
    for (const m of messages(out)) if (m.type === 'Z' && m.body[0] !== 'I'.charCodeAt(0)) await this.exec('ROLLBACK');
  }

  /** Mirror refresh + the cluster clock, before a client batch. */
  async prepare(now: Date): Promise<void> {
    if (await this.mirror.sync()) this.unnamedOwner = null;
    await this.exec(`SET crdb.now = '${now.toISOString()}'`);
  }

  /** Makes PGlite's copies of per-connection variables match `wanted` (only those that differ). */
  async apply(wanted: Map<string, string>): Promise<{ code: string; message: string } | null> {
    const sets: string[] = [];
    for (const [k, v] of wanted) {
      if (this.applied.get(k) !== v) sets.push(`SET ${k} = '${v.replace(/'/g, "''")}'`);
    }
    if (sets.length === 0) return null;
    const e = await this.exec(sets.join('; '));
    if (e) {
      this.applied.clear();
      return e;
    }
    for (const [k, v] of wanted) this.applied.set(k, v);
    return null;
  }

  /**
   * Runs a parameterless query through a private named statement and portal without Sync, so it can
   * run in the middle of a client's extended-protocol batch without touching the client's unnamed
   * statement/portal. Rows come back as text.
   */
  async rows(sql: string): Promise<{ rows: (string | null)[][] } | { code: string; message: string }> {
    const out = await this.raw(
      concat([
        msg('P', cstr('crdb_ctl'), cstr(sql), i16(0)),
        msg('B', cstr('crdb_ctl_p'), cstr('crdb_ctl'), i16(0), i16(0), i16(0)),
        msg('E', cstr('crdb_ctl_p'), i32(0)),
        msg('C', byte('P'), cstr('crdb_ctl_p')),
        msg('C', byte('S'), cstr('crdb_ctl')),
      ]),
    );
    const rows: (string | null)[][] = [];
    for (const m of messages(out)) {
      if (m.type === 'E') {
        const f = errorFields(m.body);
        // The error leaves PGlite skipping until Sync; end that and drop the private statement.
        await this.sync();
        await this.raw(concat([msg('C', byte('S'), cstr('crdb_ctl')), msg('S')]));
        return { code: f.C ?? 'XX000', message: f.M ?? 'error' };
      }
      if (m.type === 'D') {
        const r = new Reader(m.body);
        rows.push(Array.from({ length: r.int16() }, () => {
          const n = r.int32();
          return n < 0 ? null : decode(r.bytes(n));
        }));
      }
    }
    return { rows };
  }
}


/** A FIFO lock: each client batch (a Query, or extended messages up to Sync) runs alone on PGlite. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => held);
    return prev.then(() => release);
  }
}

let template: Promise<File | Blob | null> | null = null;

/**
 * PGlite runs initdb on every create (1.5–3 s of WASM); later instances in this process start from a
 * copy of the first instance's freshly initialised data directory instead (~0.4 s).
 */
/**
 * Postgres's default shared_buffers (128 MB) is most of a PGlite instance's memory, touched as the
 * mirror is written; the mirror's tables are a few MB, so 16 MB holds them with room to spare. This
 * took the three-cluster demo from ~1.7 GB to ~1.3 GB RSS (README "Performance").
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=8MB', '-c', 'temp_buffers=1MB'];

export async function createPglite(): Promise<PGlite> {
  if (!template) {
    const first = PGlite.create({ startParams: START_PARAMS });
    template = first.then((db) => db.dumpDataDir('none')).catch(() => null);
    const db = await first;
    await template;
    return db;
  }
  const dump = await template;
  return dump ? PGlite.create({ loadDataDir: dump, startParams: START_PARAMS }) : PGlite.create({ startParams: START_PARAMS });
}
