/**
 * Where to go after signing in (`next=`): a path on this dashboard only. Anything else (another
 * origin, `//host`, a backslash that browsers read as a slash, a control character) becomes `/`,
 * so a sign-in link can never send the user to another site.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return '/';
  return raw;
}
