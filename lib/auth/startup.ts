/**
 * Start-up checks of the access configuration (instrumentation.ts): a bad variable, an unreadable
 * users or tokens file, or job control on an open server stops start-up with a message naming what
 * to change; the mode in force is printed in one line.
 */
import { ConfigError } from '../config';
import { authConfig } from './config';
import { controlRefusal, listenHost } from './control-policy';
import { trustedProxies } from './peer';
import { loadUsers } from './users';
import { readTokens } from './tokens';

export function checkAuthConfig(): void {
  const cfg = authConfig();
  const refusal = controlRefusal(cfg.mode);
  if (refusal) throw new ConfigError(`ENABLE_JOB_CONTROL: job control is refused on this server.\n${refusal}`);
  if (cfg.usersFile && cfg.mode === 'basic') {
    const users = loadUsers(cfg.usersFile);
    if (users.length === 0) throw new ConfigError(`AUTH_USERS_FILE: ${cfg.usersFile} lists no user: nobody could sign in`);
  }
  if (cfg.tokensFile) readTokens(cfg.tokensFile);
  try {
    trustedProxies(cfg.proxyTrusted);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const where = listenHost() || 'every interface';
  const detail: Record<typeof cfg.mode, string> = {
    none: `no sign-in: read-only to whoever reaches ${where}`,
    basic: `sign-in with the users in ${cfg.usersFile}`,
    proxy: `the user from ${cfg.proxyUserHeader}, trusted from ${cfg.proxyTrusted.join(', ')}`,
    oidc: `sign-in with OpenID Connect at ${cfg.oidc?.issuer}`,
  };
  console.log(`access: AUTH_MODE=${cfg.mode} (${detail[cfg.mode]})${cfg.tokensFile ? `; bearer tokens from ${cfg.tokensFile}` : ''}`);
  if (cfg.sessionSecretGenerated && (cfg.mode === 'basic' || cfg.mode === 'oidc')) {
    console.warn('access: AUTH_SESSION_SECRET is not set: sessions are sealed with a random key and end when the server restarts');
  }
}
