import type { ClusterState, SqlFault } from '../cluster-state';
import { runControl } from './control';
import { execLocal, type LocalCtx } from './local';
import type { Mutex, PgSession } from './pgraw';
import type { Plan } from './plan';
import type { StatementCounts } from './statement-counts';
import { APPLIED_VARS, defaultVars } from './session';
import * as w from './wire';

export type Stmt = { kind: 'pg'; pgName: string; parse: Uint8Array; tag?: string } | { kind: 'local'; plan: Plan; nParams: number };
export type Portal = { kind: 'pg'; pgName: string; tag?: string } | { kind: 'local'; plan: Plan; bind: w.Bind };

export interface Shared {
  pg: PgSession;
  lock: Mutex;
  state: ClusterState;
  getFault(): SqlFault;
  /** Every statement received, for tests (lib/demo/sql/statement-counts.ts). */
  statements: StatementCounts;
}

/** Per-connection state and the steps shared by the simple and extended protocol paths. */
export class ConnectionBase {
  protected stmts = new Map<string, Stmt>();
  protected portals = new Map<string, Portal>();
  protected tx: 'I' | 'T' | 'E' = 'I';
  protected pending: Uint8Array[] = [];
  protected release: (() => void) | null = null;
  protected skipping = false;
  protected vars: Map<string, string>;

  constructor(
    readonly id: number,
    protected readonly sh: Shared,
    protected readonly startup: Record<string, string>,
  ) {
    this.vars = defaultVars(sh.state.version, startup);
  }

  protected faultError(message: string): Uint8Array {
    if (this.tx === 'T') this.tx = 'E';
    return w.errorResponse('58000', message);
  }

  protected fail(out: Uint8Array[], code: string, message: string, hint?: string): false {
    out.push(w.errorResponse(code, message, 'ERROR', hint));
    return this.markFailed();
  }

  /** After an error: skip to Sync (extended protocol) and abort an open transaction. */
  protected markFailed(): false {
    this.skipping = true;
    if (this.tx === 'T') this.tx = 'E';
    return false;
  }

  protected abortedError(out: Uint8Array[]): false {
    return this.fail(out, '25P02', 'current transaction is aborted, commands ignored until end of transaction block');
  }

  /** allow_unsafe_internals (v25.4+): absent before 25.4, where nothing is restricted. */
  protected internalsAllowed(): boolean {
    const v = this.vars.get('allow_unsafe_internals');
    return v === undefined || v === 'on';
  }

  protected localCtx(): LocalCtx {
    return {
      tx: this.tx,
      vars: this.vars,
      defaults: defaultVars(this.sh.state.version, this.startup),
      control: (plan, params) => runControl(plan, this.sh.state, params, (sql) => this.sh.pg.rows(sql)),
    };
  }

  protected appliedVars(): Map<string, string> {
    return new Map(APPLIED_VARS.map((k) => [k, this.vars.get(k) ?? '']));
  }

  protected async runLocal(plan: Plan, bind: w.Bind | null, withDescription: boolean, out: Uint8Array[]): Promise<boolean> {
    const ctx = this.localCtx();
    const r = await execLocal(plan, bind, withDescription, ctx);
    this.tx = ctx.tx;
    out.push(...r.out);
    return r.ok || this.markFailed();
  }

  /** Forwards one message to PGlite; passes its replies on (with CockroachDB's command tag). */
  protected async forward(m: Uint8Array, out: Uint8Array[], tag?: string): Promise<boolean> {
    const res = await this.sh.pg.raw(m);
    let ok = true;
    let leftOpen = false;
    for (const r of w.messages(res)) {
      // PGlite's ParameterStatus would contradict the per-connection settings; its ReadyForQuery is replaced.
      if (r.type === 'Z') leftOpen ||= r.body[0] !== 0x49;
      if (r.type === 'S' || r.type === 'Z') continue;
      if (r.type === 'E') ok = false;
      if (r.type === 'C' && tag) {
        const n = /^SELECT (\d+)$/.exec(w.decode(r.body.subarray(0, r.body.length - 1)))?.[1];
        if (n !== undefined) {
          // pgwire cookTag appends the row count to every tag but a plain "SHOW".
          out.push(w.commandComplete(tag === 'SHOW' ? tag : `${tag} ${n}`));
          continue;
        }
      }
      out.push(r.raw.slice());
    }
    if (leftOpen) await this.sh.pg.exec('ROLLBACK');
    if (!ok) this.markFailed();
    return ok;
  }

  protected localParams(name: string): number {
    const s = this.stmts.get(name);
    return s?.kind === 'local' ? s.nParams : 0;
  }

  protected missingStatement(out: Uint8Array[], name: string): false {
    return this.fail(out, '26000', name ? `prepared statement "${name}" does not exist` : 'unnamed prepared statement does not exist');
  }

  /** PGlite has one unnamed statement for everybody: re-parse ours if another batch replaced it. */
  protected async ensureUnnamed(name: string, st: Stmt): Promise<void> {
    if (name !== '' || st.kind !== 'pg' || this.sh.pg.unnamedOwner === this.id) return;
    await this.sh.pg.raw(st.parse);
    this.sh.pg.unnamedOwner = this.id;
  }
}
