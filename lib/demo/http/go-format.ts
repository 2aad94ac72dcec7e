/**
 * Number and string formatting exactly as CockroachDB's `/_status/vars` prints it.
 *
 * CockroachDB writes the page with `expfmt.MetricFamilyToText` (prometheus/common
 * expfmt/text_create.go). Its `writeFloat` special-cases 1, 0, -1, NaN and ±Inf and otherwise
 * uses Go's `strconv.AppendFloat(f, 'g', -1, 64)`: the shortest digits that round-trip, in
 * %e form when the decimal exponent is < -4 or >= 6 (the shortest-'g' rule in Go's
 * strconv/ftoa.go), with at least two exponent digits (`1.0811807510766068e+06`). So
 * integers print without `.0` (`1033`) but large ones switch to exponent form
 * (`raft_process_workingnanos{…} 1.4951782e+08` in a real 23.x capture). `le` label values go
 * through the same function (`le="12638.482029342978"`, `le="+Inf"`).
 */

export function formatGoFloat(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  if (f === 1) return '1';
  if (f === -1) return '-1';
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  // Fast path: integers in the %f range. |f| < 1e6 means decimal exponent <= 5.
  if (Number.isInteger(f) && f > -1e6 && f < 1e6) return String(f);
  // JS toExponential() without an argument yields the shortest round-trip digits, like Go's -1 precision.
  const e = f.toExponential();
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${e.slice(0, at)}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  // In this exponent range JS's own Number→string is plain decimal with the same shortest digits.
  return String(f);
}

/** HELP text escaping: expfmt `writeEscapedString(w, help, false)` escapes `\` and newline. */
export function escapeHelp(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Label value escaping: expfmt `writeEscapedString(w, v, true)` also escapes `"`. */
export function escapeLabelValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** `{k="v",…}` in the given order (CockroachDB puts registry labels first, then the metric's). */
export function formatLabels(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}
