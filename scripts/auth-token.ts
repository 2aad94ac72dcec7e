// `npm run auth:token -- <name> <viewer|operator>`: a new bearer token for scripts or Prometheus.
// Prints the token once (keep it in the client) and, as the last line, the entry for AUTH_TOKENS_FILE.
import { ROLES, type Role } from '../lib/auth/roles';
import { newToken } from '../lib/auth/tokens';

const [name, role = 'viewer'] = process.argv.slice(2);
if (!name || !(ROLES as readonly string[]).includes(role)) {
  console.error('usage: npm run auth:token -- <name> <viewer|operator>   (e.g. npm run auth:token -- prometheus viewer)');
  process.exit(2);
}
const t = newToken();
console.error(`token (send as "Authorization: Bearer <token>"; it is shown only now):\n${t.token}\nentry for AUTH_TOKENS_FILE:`);
console.log(JSON.stringify({ name, role: role as Role, hash: t.hash }));
