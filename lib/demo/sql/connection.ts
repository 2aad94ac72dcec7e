import type { SqlFault } from '../cluster-state';
import { splitStatements, tokenize } from './lexer';
import { describeLocal, isTxnEnd } from './local';
import { ConnectionBase, type Stmt } from './conn-base';
import { rewriteQuery, rewriteStatement } from './rewrite';
import { gateInternals } from './unsafe-internals';
import { startupParameterStatus } from './session';
import * as w from './wire';

export type { Shared } from './conn-base';

const EMPTY = new Uint8Array(0);
const chr = (b: number) => String.fromCharCode(b);

/**
 * One client connection. PGlite is a single session, so the connection owns everything that is
 * per-session in Postgres: prepared statement and portal names (renamed `crdb_c<id>_…` on PGlite),
 * session variables, and the transaction status. Extended-protocol messages are buffered until
 * Sync (or Flush) and then run under the server-wide lock, so batches never interleave.
 */
export class Connection extends ConnectionBase {
  /** AuthenticationOk (trust), CockroachDB's ParameterStatus set, BackendKeyData, ReadyForQuery. */
  startupResponse(): Uint8Array {
    const status = startupParameterStatus(this.vars).map(([k, v]) => w.parameterStatus(k, v));
    return w.concat([w.authOk(), ...status, w.backendKeyData(this.id, (Math.random() * 2 ** 31) | 0), w.readyForQuery('I')]);
  }

  /** Returns the bytes to send, or null to let pg-gateway handle the message (Terminate). */
  async handle(m: Uint8Array): Promise<Uint8Array | null> {
    const type = chr(m[0]);
    const fault = this.sh.getFault();
    switch (type) {
      case 'Q': {
        if (fault.mode === 'error') return w.concat([this.faultError(fault.message), w.readyForQuery(this.tx)]);
        const sql = new w.Reader(m.subarray(5)).cstring();
        this.sh.statements.add(sql);
        // A Query after Flush without Sync: the batch this connection holds the lock for ends here.
        const held = this.release;
        this.release = null;
        const release = held ?? (await this.sh.lock.lock());
        try {
          if (held) await this.sh.pg.sync();
          this.pending = [];
          return w.concat(await this.simpleQuery(sql));
        } finally {
          release();
        }
      }
      case 'P': case 'B': case 'D': case 'E': case 'C':
        this.pending.push(m.slice());
        return EMPTY;
      case 'H':
      case 'S':
        try {
          return await this.endOfBatch(type, fault);
        } catch (e) {
          this.release?.();
          this.release = null;
          this.pending = [];
          const out = [w.errorResponse('XX000', e instanceof Error ? e.message : String(e))];
          if (type === 'S') out.push(w.readyForQuery(this.tx));
          return w.concat(out);
        }
      case 'X':
        return null;
      case 'F':
        return w.concat([w.errorResponse('0A000', 'unimplemented: fastpath function calls'), w.readyForQuery(this.tx)]);
      default:
        return EMPTY;
    }
  }

  /** Flush or Sync: runs the buffered extended-protocol messages under the lock (held until Sync). */
  private async endOfBatch(type: 'H' | 'S', fault: SqlFault): Promise<Uint8Array> {
    const out: Uint8Array[] = [];
    if (fault.mode === 'error' && this.pending.length) {
      if (!this.skipping) out.push(this.faultError(fault.message));
      this.pending = [];
      this.skipping = true;
    }
    if (this.pending.length) {
      if (!this.release) {
        this.release = await this.sh.lock.lock();
        await this.sh.pg.prepare(this.sh.state.now());
        const e = await this.sh.pg.apply(this.appliedVars());
        if (e) this.fail(out, e.code, e.message);
      }
      for (const p of this.pending) if (!this.skipping) await this.extended(p, out);
      this.pending = [];
    }
    if (type === 'S') {
      if (this.release) {
        await this.sh.pg.sync();
        this.release();
        this.release = null;
      }
      this.skipping = false;
      this.portals.clear();
      out.push(w.readyForQuery(this.tx));
    }
    return out.length ? w.concat(out) : EMPTY;
  }

  /** Frees this connection's prepared statements on PGlite (and the lock, if it died mid-batch). */
  async close(): Promise<void> {
    const release = this.release ?? (await this.sh.lock.lock());
    this.release = null;
    try {
      for (const s of this.stmts.values()) {
        if (s.kind === 'pg' && s.pgName) await this.sh.pg.raw(w.msg('C', w.byte('S'), w.cstr(s.pgName)));
      }
      await this.sh.pg.sync();
    } finally {
      release();
    }
  }

  private async simpleQuery(sql: string): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    const statements = splitStatements(tokenize(sql));
    if (statements.length === 0) out.push(w.emptyQuery());
    let stale = true;
    for (const toks of statements) {
      // Gated when reached: `SET allow_unsafe_internals = on; SELECT … FROM crdb_internal.jobs` works in one Query.
      const plan = gateInternals(toks, this.internalsAllowed(), () => rewriteStatement(toks, this.sh.state.version), this.vars.get('session_user'));
      if (stale && (plan.kind === 'sql' || plan.kind === 'control')) {
        // Between statements PGlite is idle, so the mirror can catch up with earlier control statements.
        await this.sh.pg.prepare(this.sh.state.now());
        stale = false;
      }
      if (plan.kind === 'control') stale = true;
      if (this.tx === 'E' && !isTxnEnd(plan)) {
        this.abortedError(out);
        break;
      }
      if (plan.kind === 'error') {
        this.fail(out, plan.code, plan.message, plan.hint);
        break;
      }
      if (plan.kind === 'sql') {
        const e = await this.sh.pg.apply(this.appliedVars());
        if (e) {
          this.fail(out, e.code, e.message);
          break;
        }
        const ok = await this.forward(w.msg('Q', w.cstr(plan.sql)), out, plan.tag);
        this.sh.pg.unnamedOwner = null;
        if (!ok) break;
      } else {
        const ok = await this.runLocal(plan, null, true, out);
        // The id lookup ran as an extended-protocol step; end its implicit transaction on PGlite.
        if (plan.kind === 'control') await this.sh.pg.sync();
        if (!ok) break;
      }
    }
    this.skipping = false;
    out.push(w.readyForQuery(this.tx));
    return out;
  }

  private async extended(m: Uint8Array, out: Uint8Array[]): Promise<void> {
    const type = chr(m[0]);
    const r = new w.Reader(m.subarray(5));
    const pgPortal = (name: string) => (name === '' ? '' : `crdb_c${this.id}_p_${name}`);
    if (type === 'P') {
      const name = r.cstring();
      const query = r.cstring();
      this.sh.statements.add(query);
      const types = Array.from({ length: r.int16() }, () => r.int32());
      if (name !== '' && this.stmts.has(name)) return void this.fail(out, '42P05', `prepared statement "${name}" already exists`);
      const plans = rewriteQuery(query, this.sh.state.version, { internals: this.internalsAllowed(), user: this.vars.get('session_user') });
      if (plans.length > 1) return void this.fail(out, '42601', 'cannot insert multiple commands into a prepared statement');
      const plan = plans[0];
      if (plan?.kind === 'error') return void this.fail(out, plan.code, plan.message, plan.hint);
      if (this.tx === 'E' && !isTxnEnd(plan)) return void this.abortedError(out);
      if (plan === undefined || plan.kind === 'sql') {
        const pgName = name === '' ? '' : `crdb_c${this.id}_s_${name}`;
        const parse = w.msg('P', w.cstr(pgName), w.cstr(plan ? plan.sql : query), w.i16(types.length), ...types.map(w.i32));
        if (await this.forward(parse, out)) {
          this.stmts.set(name, { kind: 'pg', pgName, parse, tag: plan?.tag });
          if (name === '') this.sh.pg.unnamedOwner = this.id;
        } else this.stmts.delete(name);
      } else {
        const nParams = Math.max(0, ...tokenize(query).filter((t) => t.kind === 'param').map((t) => Number(t.text.slice(1))));
        this.stmts.set(name, { kind: 'local', plan, nParams });
        out.push(w.parseComplete());
      }
    } else if (type === 'B') {
      const b = w.parseBind(m.subarray(5));
      const st = this.stmts.get(b.statement);
      if (!st) return void this.missingStatement(out, b.statement);
      if (st.kind === 'local') {
        this.portals.set(b.portal, { kind: 'local', plan: st.plan, bind: b });
        out.push(w.bindComplete());
        return;
      }
      await this.ensureUnnamed(b.statement, st);
      const portal = pgPortal(b.portal);
      if (await this.forward(w.buildBind({ ...b, portal, statement: st.pgName }), out)) {
        this.portals.set(b.portal, { kind: 'pg', pgName: portal, tag: st.tag });
      }
    } else if (type === 'D' || type === 'C') {
      const what = r.byte();
      const name = r.cstring();
      const entry = what === 'S' ? this.stmts.get(name) : this.portals.get(name);
      if (type === 'C') {
        if (what === 'S') this.stmts.delete(name);
        else this.portals.delete(name);
        if (entry?.kind === 'pg' && entry.pgName !== '') await this.forward(w.msg('C', w.byte(what), w.cstr(entry.pgName)), out);
        else out.push(w.closeComplete());
        return;
      }
      if (!entry) return void (what === 'S' ? this.missingStatement(out, name) : this.fail(out, '34000', `portal "${name}" does not exist`));
      if (entry.kind === 'local') {
        if (what === 'S') out.push(w.parameterDescription(Array(this.localParams(name)).fill(w.OID.text)));
        out.push(describeLocal(entry.plan));
        return;
      }
      if (what === 'S') await this.ensureUnnamed(name, entry as Stmt);
      await this.forward(w.msg('D', w.byte(what), w.cstr(entry.pgName)), out);
    } else if (type === 'E') {
      const portalName = r.cstring();
      const maxRows = r.int32();
      const p = this.portals.get(portalName);
      if (!p) return void this.fail(out, '34000', `portal "${portalName}" does not exist`);
      if (this.tx === 'E' && !(p.kind === 'local' && isTxnEnd(p.plan))) return void this.abortedError(out);
      if (p.kind === 'local') {
        await this.runLocal(p.plan, p.bind, false, out);
        return;
      }
      await this.forward(w.msg('E', w.cstr(p.pgName), w.i32(maxRows)), out, p.tag);
    }
  }
}
