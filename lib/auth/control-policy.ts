/**
 * Whether job and schedule control may run at all: ENABLE_JOB_CONTROL=true, and, with no sign-in
 * (AUTH_MODE=none), only on a server that listens on loopback alone (HOST, or HOSTNAME as Next's
 * own servers read it): otherwise anyone who can reach the port could cancel a backup. Start-up
 * refuses that combination (instrumentation.ts); this check keeps the rule where control runs.
 */
import { jobControlEnabled } from '../jobs/control-env';
import type { AuthMode } from './config';
import { isLoopbackHost } from './peer';

/** The address the server listens on; '' is every interface (the default, as `next start`). */
export function listenHost(env: Record<string, string | undefined> = process.env): string {
  return (env.HOST ?? env.HOSTNAME ?? '').trim();
}

export function controlRefusal(mode: AuthMode, env: Record<string, string | undefined> = process.env): string | null {
  if (!jobControlEnabled(env)) return null;
  if (mode !== 'none' || isLoopbackHost(listenHost(env))) return null;
  const host = listenHost(env) || 'every interface';
  return `ENABLE_JOB_CONTROL=true needs sign-in (AUTH_MODE=basic, proxy or oidc) or a server on loopback only (HOST=127.0.0.1); this one listens on ${host}, where anyone who reaches the port could pause or cancel backups`;
}

/** Control runs only when it is enabled and not refused. */
export function controlAvailable(mode: AuthMode, env: Record<string, string | undefined> = process.env): boolean {
  return jobControlEnabled(env) && controlRefusal(mode, env) === null;
}
