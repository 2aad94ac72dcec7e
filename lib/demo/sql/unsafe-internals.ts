import { isBlank, type Tok } from './lexer';
import type { Plan } from './plan';

/**
 * CockroachDB's gate on its internals (v25.4+, restricted by default from v26.1; reference §e): a
 * statement whose own text names an object of `crdb_internal` or `system` fails unless the session has
 * `allow_unsafe_internals = on`. What the client wrote is checked, not what a SHOW statement expands
 * to: delegated SHOW statements (SHOW JOBS, SHOW JOB <id>, SHOW JOBS FOR SCHEDULES, SHOW SCHEDULES) keep
 * working although their own queries read crdb_internal/system (pkg/sql/unsafesql access tests), while
 * `SHOW JOBS SELECT id FROM system.jobs` is denied (the client wrote system.jobs).
 */

/** The error as CockroachDB prints it (DOCS v26.2 logging-use-cases.md, "Unsafe internals disabled"). */
export const RESTRICTED = {
  code: '42501',
  message: 'Access to crdb_internal and system is restricted.',
  hint: 'These interfaces are unsupported in production. To proceed, set the session variable allow_unsafe_internals = true (not recommended), or contact Cockroach Labs for a supported alternative.',
} as const;

/** crdb_internal objects CockroachDB lets through regardless (its own tests: crdb_internal.zones). */
const ALLOWED_INTERNAL = new Set(['zones']);

const unquote = (t: Tok) => (t.kind === 'qid' ? t.text.slice(1, -1) : t.text).toLowerCase();

/** The first `crdb_internal.<x>` / `system.<x>` the statement names (as written by the client), or null. */
export function internalsReference(toks: readonly Tok[]): string | null {
  const sig = toks.filter((t) => !isBlank(t));
  for (let i = 0; i + 2 < sig.length; i++) {
    const t = sig[i];
    if (t.kind !== 'word' && t.kind !== 'qid') continue;
    const schema = unquote(t);
    if (schema !== 'crdb_internal' && schema !== 'system') continue;
    if (sig[i + 1].text !== '.' || (sig[i + 2].kind !== 'word' && sig[i + 2].kind !== 'qid')) continue;
    // `AS OF SYSTEM TIME` never has a dot; a column named `system.x` would need a table of that name.
    const object = unquote(sig[i + 2]);
    if (schema === 'crdb_internal' && ALLOWED_INTERNAL.has(object)) continue;
    return `${schema}.${object}`;
  }
  return null;
}

/**
 * System tables readable by admin only (SELECT; pkg/sql/catalog/catprivilege/system.go) or with the
 * VIEWSYSTEMTABLE system privilege (v23.1.11+). The demo's users: `root` and names starting with
 * `admin` are admins; anyone else lacks the privilege, so tests can see the error a monitoring user gets.
 */
const ADMIN_ONLY = new Set(['system.protected_ts_records', 'crdb_internal.kv_protected_ts_records']);
const isAdmin = (user: string) => user === 'root' || user.startsWith('admin');

function privilegeError(toks: readonly Tok[], user: string): Plan | null {
  if (isAdmin(user)) return null;
  const sig = toks.filter((t) => !isBlank(t));
  for (let i = 0; i + 2 < sig.length; i++) {
    if (sig[i + 1].text !== '.') continue;
    const name = `${unquote(sig[i])}.${unquote(sig[i + 2])}`;
    // CockroachDB names the relation without its schema.
    if (ADMIN_ONLY.has(name)) return { kind: 'error', code: '42501', message: `user ${user} does not have SELECT privilege on relation ${unquote(sig[i + 2])}` };
  }
  return null;
}

/**
 * The statement's plan, or CockroachDB's error when it reaches into restricted internals (checked
 * first: the gate runs at name resolution), or into an admin-only system table without the privilege.
 */
export function gateInternals(toks: readonly Tok[], allowed: boolean, plan: () => Plan, user = 'root'): Plan {
  if (!allowed && internalsReference(toks) !== null) return { kind: 'error', ...RESTRICTED };
  return privilegeError(toks, user) ?? plan();
}
