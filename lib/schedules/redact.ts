/**
 * Credentials out of backup statements and storage URIs before they reach a browser, a log or a
 * URL. CockroachDB already redacts the parameters it knows are secret in SHOW SCHEDULES
 * (`AWS_SECRET_ACCESS_KEY=redacted`, reference §c.4), but it cannot know about a password someone
 * put in a URI's userinfo, and older versions or other statements may print more: redacting again
 * here is idempotent and cheap.
 * CockroachDB's own list: cloud.SanitizeExternalStorageURI / the `redactedParams` of each provider
 * (https://www.cockroachlabs.com/docs/stable/use-cloud-storage#authentication).
 */

export const REDACTED = 'redacted';

/** Query parameters whose value is a secret, by name (case-insensitive). AWS_ACCESS_KEY_ID is not one: CockroachDB shows it. */
const SECRET_PARAM =
  /^(AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AZURE_ACCOUNT_KEY|AZURE_CLIENT_SECRET|CREDENTIALS|BEARER_TOKEN|ASSUME_ROLE_TOKEN|GOOGLE_APPLICATION_CREDENTIALS|.*SECRET.*|.*PASSWORD.*|.*PASSPHRASE.*|.*TOKEN.*|.*PRIVATE_KEY.*|.*ACCOUNT_KEY.*|SIG|SAS|SHARED_ACCESS_SIGNATURE)$/i;

/** `scheme://user:password@host/…?A=1&B=2` with every secret replaced by "redacted". Not a URI → unchanged. */
export function redactUri(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(uri);
  if (!m) return uri;
  const [, scheme, authority, path, query = '', fragment = ''] = m;
  const at = authority.lastIndexOf('@');
  let auth = authority;
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) auth = `${userinfo.slice(0, colon)}:${REDACTED}${authority.slice(at)}`;
  }
  const q = query.replace(/([?&])([^=&]+)=([^&]*)/g, (all, sep: string, key: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      // a malformed escape: judge the raw name
    }
    return SECRET_PARAM.test(name) ? `${sep}${key}=${REDACTED}` : all;
  });
  return `${scheme}${auth}${path}${q}${fragment}`;
}

/** SQL string literal with '' escapes. */
const LITERAL = /'((?:[^']|'')*)'/g;

/**
 * A statement (BACKUP … INTO '<uri>' WITH kms = '<uri>', encryption_passphrase = '…') with every
 * URI literal redacted and the passphrase replaced.
 */
export function redactStatement(sql: string): string {
  const passphrase = sql.replace(/(encryption_passphrase\s*=\s*)'(?:[^']|'')*'/gi, `$1'${REDACTED}'`);
  return passphrase.replace(LITERAL, (all, body: string) => {
    const text = body.replace(/''/g, "'");
    const red = redactUri(text);
    return red === text ? all : `'${red.replace(/'/g, "''")}'`;
  });
}

/** SQL string literal for a value: CockroachDB and Postgres both read '' as a quote inside. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
