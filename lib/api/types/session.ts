/** Who is signed in, as the nav shows it (components/layout/session-bar.tsx). */
export interface SessionView {
  mode: 'none' | 'basic' | 'proxy' | 'oidc';
  user: string;
  role: 'viewer' | 'operator';
  /** A session the dashboard holds (basic, oidc) can be ended here; a proxy's or a token's cannot. */
  canSignOut: boolean;
  /** The audit trail is shown to operators (and to everyone when nobody signs in). */
  canSeeAudit: boolean;
}
