/**
 * Roles, as Grafana and DB Console split them: a viewer sees every page and GET API; an operator
 * may also pause, resume and cancel jobs and pause and resume schedules (when ENABLE_JOB_CONTROL
 * allows control at all).
 */
export const ROLES = ['viewer', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** How a request proved who it is. */
export const AUTH_METHODS = ['none', 'session', 'basic', 'token', 'proxy'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export interface Principal {
  user: string;
  role: Role;
  via: AuthMethod;
}

export function atLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * The role a set of groups (a proxy's groups header, an OIDC role claim) maps to: operator when any
 * is an operator group; viewer otherwise, or null when viewer groups are configured and none match
 * (such a user is not let in).
 */
export function roleFromGroups(groups: readonly string[], cfg: { operatorGroups: readonly string[]; viewerGroups: readonly string[] | null }): Role | null {
  if (groups.some((g) => cfg.operatorGroups.includes(g))) return 'operator';
  if (cfg.viewerGroups === null || groups.some((g) => cfg.viewerGroups?.includes(g))) return 'viewer';
  return null;
}
