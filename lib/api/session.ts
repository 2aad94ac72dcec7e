/**
 * The signed-in user of the page being rendered (server components), from the same checks proxy.ts
 * made: what the nav shows, whether control buttons are offered, whether /audit is shown.
 */
import { headers } from 'next/headers';
import type { SessionView } from './types/session';
import { authenticate } from '../auth/authenticate';
import { authConfig } from '../auth/config';
import { controlAvailable } from '../auth/control-policy';
import type { Principal } from '../auth/roles';

export async function currentPrincipal(): Promise<Principal | null> {
  const r = await authenticate({ headers: new Headers(await headers()) });
  return r.ok ? r.principal : null;
}

export function viewOf(p: Principal): SessionView {
  const mode = authConfig().mode;
  return { mode, user: p.user, role: p.role, canSignOut: p.via === 'session', canSeeAudit: mode === 'none' || p.role === 'operator' };
}

export async function currentSession(): Promise<SessionView | null> {
  const p = await currentPrincipal();
  return p && viewOf(p);
}

/** Control buttons are offered when control is on for this server and the user is an operator. */
export async function controlOffered(): Promise<boolean> {
  if (!controlAvailable(authConfig().mode)) return false;
  return (await currentPrincipal())?.role === 'operator';
}
