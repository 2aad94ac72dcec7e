/**
 * Who may run a control statement, and the audit trail of each: the control routes re-check here
 * what proxy.ts already checked (same origin, signed in), then the role (operator), then run the
 * statement and record who ran what, from where, and CockroachDB's answer. A viewer's attempt is
 * recorded too, as denied. With AUTH_MODE=none the request must also address the server by a
 * loopback name: control is only on when it listens on loopback, and this shuts out DNS rebinding
 * (a page on another site resolving its own name to 127.0.0.1).
 */
import type { AuditKind } from './types/audit';
import { authenticate, remoteOf } from '../auth/authenticate';
import { recordAudit } from '../auth/audit';
import { authConfig } from '../auth/config';
import { controlAvailable } from '../auth/control-policy';
import { isLoopbackHost } from '../auth/peer';
import type { Principal } from '../auth/roles';
import { atLeast } from '../auth/roles';
import { crossSiteRefusal, ownOrigin } from '../auth/same-origin';
import { ApiError } from '../errors';

export interface ControlCaller {
  principal: Principal;
  remote: string;
}

/** Same origin and signed in; throws the 4xx otherwise. The role is checked by runAudited, which records a refusal. */
export async function controlCaller(req: Request): Promise<ControlCaller> {
  const cfg = authConfig();
  const origin = ownOrigin(req, cfg.publicOrigin);
  const refusal = crossSiteRefusal(req, origin);
  if (refusal) throw new ApiError('cross_site', refusal);
  if (!controlAvailable(cfg.mode)) throw new ApiError('job_control_disabled', 'control is off on this dashboard (ENABLE_JOB_CONTROL=true, with sign-in or on loopback only, allows PAUSE/RESUME/CANCEL JOB and PAUSE/RESUME SCHEDULE)');
  if (cfg.mode === 'none' && !cfg.publicOrigin && !isLoopbackHost(new URL(origin).hostname)) {
    throw new ApiError('forbidden', `without sign-in, control is only accepted on a loopback address (http://127.0.0.1:…), not ${new URL(origin).host.slice(0, 80)}`);
  }
  const who = await authenticate(req, cfg);
  if (!who.ok) throw new ApiError(who.code, who.message);
  return { principal: who.principal, remote: remoteOf(req, cfg) };
}

/** Runs a control statement for an operator and records it; a viewer is refused (403) and that is recorded too. */
export async function runAudited<T>(caller: ControlCaller, what: { kind: AuditKind; cluster: string; statement: string }, run: () => Promise<T>, describe: (out: T) => string): Promise<T> {
  const { principal, remote } = caller;
  const base = { user: principal.user, role: principal.role, kind: what.kind, cluster: what.cluster, statement: what.statement, remote };
  if (!atLeast(principal.role, 'operator')) {
    recordAudit({ ...base, outcome: 'denied: the viewer role cannot run control statements' });
    throw new ApiError('forbidden', `${principal.user} is a viewer: ${what.statement} needs the operator role`);
  }
  try {
    const out = await run();
    recordAudit({ ...base, outcome: `ok: ${describe(out)}` });
    return out;
  } catch (err) {
    recordAudit({ ...base, outcome: `failed: ${err instanceof ApiError ? err.message : 'unexpected error (see the server log)'}` });
    throw err;
  }
}
