/** GET /api/v1/audit: the audit trail (control actions and sign-ins), newest first. */
export const AUDIT_KINDS = ['sign_in', 'sign_in_failed', 'job_control', 'schedule_control'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEvent {
  /** ISO-8601 UTC. */
  at: string;
  /** The user as signed in (a token shows as `token:<name>`); for a failed sign-in, the name tried. */
  user: string;
  /** viewer | operator, or null when nobody was signed in (a failed sign-in). */
  role: string | null;
  kind: AuditKind;
  /** The cluster a control action ran on; null for sign-ins. */
  cluster: string | null;
  /** The exact statement (PAUSE JOB 123); null for sign-ins. */
  statement: string | null;
  /** What happened: `ok: …` with CockroachDB's answer, `failed: …` with its error, `denied: …`, or the sign-in's method or reason. */
  outcome: string;
  /** Where it came from: the client's address (as the trusted proxy saw it, then `via` the proxy). */
  remote: string;
}

export interface AuditList {
  events: AuditEvent[];
}
