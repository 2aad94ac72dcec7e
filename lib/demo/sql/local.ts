import type { ControlResult } from './control';
import type { ControlPlan, Plan } from './plan';
import * as w from './wire';

/** Statements the connection answers itself: transaction keywords, SET/RESET/SHOW <var>, control. */

export interface LocalCtx {
  tx: 'I' | 'T' | 'E';
  vars: Map<string, string>;
  defaults: Map<string, string>;
  control(plan: ControlPlan, params: (string | null)[]): Promise<ControlResult>;
}

export interface LocalResult {
  out: Uint8Array[];
  ok: boolean;
}

/** Statements allowed in an aborted transaction (Postgres and CockroachDB: only ending it). */
export function isTxnEnd(plan: Plan | undefined): boolean {
  return plan?.kind === 'txn' && (plan.op === 'commit' || plan.op === 'rollback' || plan.op === 'rollback_to');
}

export function describeLocal(plan: Plan): Uint8Array {
  if (plan.kind !== 'show_var') return w.noData();
  return w.rowDescription(plan.name === '*' ? ['variable', 'value'] : [plan.name]);
}

const fail = (code: string, message: string, hint?: string): LocalResult => ({ out: [w.errorResponse(code, message, 'ERROR', hint)], ok: false });
const done = (tag: string, ...rows: Uint8Array[]): LocalResult => ({ out: [...rows, w.commandComplete(tag)], ok: true });

export async function execLocal(plan: Plan, bind: w.Bind | null, withDescription: boolean, ctx: LocalCtx): Promise<LocalResult> {
  switch (plan.kind) {
    case 'txn':
      switch (plan.op) {
        case 'begin':
          if (ctx.tx === 'I') ctx.tx = 'T';
          return done('BEGIN');
        case 'commit': {
          // COMMIT of a failed transaction rolls back, and Postgres/CockroachDB say so in the tag.
          const tag = ctx.tx === 'E' ? 'ROLLBACK' : 'COMMIT';
          ctx.tx = 'I';
          return done(tag);
        }
        case 'rollback':
          ctx.tx = 'I';
          return done('ROLLBACK');
        case 'rollback_to':
          if (ctx.tx !== 'I') ctx.tx = 'T';
          return done('ROLLBACK');
        default:
          return done(plan.tag);
      }
    case 'set': {
      if (plan.name === '*') {
        for (const [k, v] of ctx.defaults) ctx.vars.set(k, v);
        return done(plan.tag);
      }
      // A variable this version does not have (allow_unsafe_internals before v25.4) is an error, as in CockroachDB.
      if (VERSIONED_VARS.has(plan.name) && !ctx.defaults.has(plan.name)) return fail('42704', `unrecognized configuration parameter "${plan.name}"`);
      if (plan.value === null) {
        const d = ctx.defaults.get(plan.name);
        if (d === undefined) ctx.vars.delete(plan.name);
        else ctx.vars.set(plan.name, d);
        return done(plan.tag);
      }
      const invalid = validate(plan.name, plan.value);
      if (invalid) return fail('22023', invalid);
      ctx.vars.set(plan.name, BOOL_VARS.has(plan.name) ? boolText(plan.value) : plan.value);
      return done(plan.tag);
    }
    case 'show_var': {
      const head = withDescription ? [describeLocal(plan)] : [];
      if (plan.name === '*') {
        const rows = [...ctx.vars].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => w.dataRow([k, v]));
        return { out: [...head, ...rows, w.commandComplete('SHOW')], ok: true };
      }
      const v = ctx.vars.get(plan.name);
      // CockroachDB (pkg/sql/vars.go): unknown variables are pgcode.UndefinedObject.
      if (v === undefined) return fail('42704', `unrecognized configuration parameter "${plan.name}"`);
      // cookTag: ShowVar's tag is plain "SHOW", without a row count.
      return { out: [...head, w.dataRow([v]), w.commandComplete('SHOW')], ok: true };
    }
    case 'control': {
      const params = bind ? bind.params.map((_, i) => w.paramText(bind, i)) : [];
      const r = await ctx.control(plan, params);
      return r.ok ? done(r.tag) : fail(r.code, r.message);
    }
    case 'error':
      return fail(plan.code, plan.message, plan.hint);
    case 'sql':
      return fail('XX000', 'internal error: SQL plan run locally');
  }
}

/** Session variables that exist only from some version on (defaultVars has them only there). */
const VERSIONED_VARS = new Set(['allow_unsafe_internals']);
/** Boolean session variables: SET takes on/off/true/false/yes/no/1/0, SHOW prints on/off (pkg/sql/vars.go). */
const BOOL_VARS = new Set(['allow_unsafe_internals']);
const TRUE = /^(on|true|yes|1|t|y)$/i;
const FALSE = /^(off|false|no|0|f|n)$/i;
const boolText = (v: string) => (TRUE.test(v) ? 'on' : 'off');

/** Values PGlite must accept later (these variables are applied to it), and booleans: checked up front. */
function validate(name: string, value: string): string | null {
  const bad = `invalid value for parameter "${name}": "${value}"`;
  if (BOOL_VARS.has(name)) return TRUE.test(value) || FALSE.test(value) ? null : `parameter "${name}" requires a Boolean value`;
  if (name === 'timezone') {
    if (/^[+-]?\d{1,2}(:\d\d)?$/.test(value) || /^(utc|gmt|z)$/i.test(value)) return null;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return null;
    } catch {
      return bad;
    }
  }
  if (name === 'extra_float_digits') return /^-?\d+$/.test(value) && Number(value) >= -15 && Number(value) <= 3 ? null : bad;
  if (name === 'intervalstyle') return ['postgres', 'iso_8601', 'sql_standard'].includes(value.toLowerCase()) ? null : bad;
  return null;
}
