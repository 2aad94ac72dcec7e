/**
 * The small pieces of the text format 0.0.4 grammar (prometheus/common expfmt/text_parse.go is
 * the reference implementation; CockroachDB writes with expfmt's text_create.go).
 * Only ever run on lines the parser decided to keep, so they favour clarity over tricks, but
 * still avoid regexes and intermediate strings.
 */
import type { Labels, Sample } from './types';

export const CR = 13;
export const HASH = 35;
const SPACE = 32;
const TAB = 9;
const LBRACE = 123;
const RBRACE = 125;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const EQUALS = 61;

/** Bit flags per ASCII code: metric name start/continue, label name start/continue. */
const NAME_START = 1;
const NAME_CONT = 2;
const LABEL_START = 4;
const LABEL_CONT = 8;
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const letter = /[a-zA-Z_]/.test(ch);
  const digit = /[0-9]/.test(ch);
  if (letter || ch === ':') CHAR_CLASS[c] |= NAME_START | NAME_CONT;
  if (digit) CHAR_CLASS[c] |= NAME_CONT | LABEL_CONT;
  if (letter) CHAR_CLASS[c] |= LABEL_START | LABEL_CONT;
}

export function isNameStart(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & NAME_START) !== 0;
}

/** End of the metric name that starts at `p` (returns `p` when there is none). */
export function scanName(text: string, p: number, end: number): number {
  if (p >= end || !isNameStart(text.charCodeAt(p))) return p;
  let i = p + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (CHAR_CLASS[c] & NAME_CONT) === 0) break;
    i++;
  }
  return i;
}

export function skipBlanks(text: string, p: number, end: number): number {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c !== SPACE && c !== TAB) break;
    p++;
  }
  return p;
}

/**
 * A sample value as the Prometheus text parsers read it (prometheus/common expfmt text_parse.go
 * and prometheus model/textparse promparse.go, both `parseFloat`): Go's strconv.ParseFloat of a
 * decimal float, after refusing any `p`, `P` or `_`; so no hex floats, no digit separators. Go's
 * special values are `Inf`/`Infinity` with an optional sign and an unsigned `NaN`, any case; a
 * value out of float64 range is an error there, not Inf. `undefined` when it is not a number,
 * since NaN is itself a legal value.
 * JS `+s` agrees with that grammar on decimals but also reads `0x1`, `0b1`, `0o1` (as 1), trims
 * whitespace (`\f1`), turns `''` into 0 and an overflow into Infinity: those are refused here.
 */
export function parseSampleValue(s: string): number | undefined {
  const len = s.length;
  if (len === 0) return undefined;
  const n = +s;
  if (n - n === 0) {
    // Finite: the common case, one builtin call and three char tests. A decimal starts with a
    // digit, a sign or a dot and ends with a digit or a dot; `0x…`, `0o…`, `0b…` start with `0`
    // and a letter other than the exponent's `e`.
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(len - 1);
    if (!isDigitOrDot(last) || !(isDigitOrDot(first) || first === PLUS || first === MINUS)) return undefined;
    if (first === ZERO && len > 1 && ((s.charCodeAt(1) | 0x20) === LOWER_X || (s.charCodeAt(1) | 0x20) === LOWER_O || (s.charCodeAt(1) | 0x20) === LOWER_B)) return undefined;
    return n;
  }
  switch (s.toLowerCase()) {
    case 'nan':
      return NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      return undefined; // `+NaN`, `1e999` (out of range), words
  }
}

/** A timestamp as strconv.ParseInt(token, 10, 64) reads it: optional sign, decimal digits, int64 range. */
export function parseTimestamp(s: string): number | undefined {
  const len = s.length;
  let i = s.charCodeAt(0) === PLUS || s.charCodeAt(0) === MINUS ? 1 : 0;
  if (i === len) return undefined;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return undefined;
  }
  const n = Number(s);
  return Math.abs(n) <= INT64_MAX ? n : undefined;
}

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_X = 120;
const LOWER_O = 111;
const LOWER_B = 98;
/** 2^63 − 1 as the nearest double (9223372036854775807 rounds to 2^63, which ParseInt refuses). */
const INT64_MAX = 9223372036854775807;

function isDigitOrDot(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === DOT;
}

/** HELP escapes are `\\` and `\n` only (expfmt writeEscapedString with quoted=false). */
export function unescapeHelp(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === '\\' ? '\\' : `\\${c}`));
}

/** Label value escapes: `\\`, `\"`, `\n`. Unknown escapes are kept verbatim rather than failing the line. */
function unescapeLabelValue(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== BACKSLASH || i + 1 >= end) {
      out += text[i];
      continue;
    }
    const n = text[++i];
    out += n === 'n' ? '\n' : n === '"' || n === '\\' ? n : `\\${n}`;
  }
  return out;
}

/**
 * Reads `{k="v",…}` starting at the `{` at `p`, filling `out`. Returns the position after `}`,
 * or -1 when the label set is malformed. Values are scanned quote-aware, so `}` and `,` inside
 * a value are fine; a raw newline cannot occur since lines were split first.
 */
export function readLabels(text: string, p: number, end: number, out: Labels): number {
  p++;
  for (;;) {
    p = skipBlanks(text, p, end);
    if (p >= end) return -1;
    let c = text.charCodeAt(p);
    if (c === RBRACE) return p + 1; // also accepts a trailing comma, as expfmt does
    if (c >= 128 || (CHAR_CLASS[c] & LABEL_START) === 0) return -1;
    const keyStart = p++;
    while (p < end) {
      c = text.charCodeAt(p);
      if (c >= 128 || (CHAR_CLASS[c] & LABEL_CONT) === 0) break;
      p++;
    }
    const key = text.slice(keyStart, p);
    p = skipBlanks(text, p, end);
    if (text.charCodeAt(p) !== EQUALS) return -1;
    p = skipBlanks(text, p + 1, end);
    if (text.charCodeAt(p) !== QUOTE) return -1;
    const valStart = ++p;
    let escaped = false;
    while (p < end) {
      c = text.charCodeAt(p);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        p++; // skip the escaped character, which may be a quote
      }
      p++;
    }
    if (p >= end) return -1; // unterminated value
    out[key] = escaped ? unescapeLabelValue(text, valStart, p) : text.slice(valStart, p);
    p = skipBlanks(text, p + 1, end);
    c = text.charCodeAt(p);
    if (c === COMMA) p++;
    else if (c !== RBRACE) return -1;
  }
}

/**
 * Everything after the metric name: optional label set, value, optional timestamp.
 * `p` is just past the name. Returns the sample, or a short description of what is wrong.
 */
export function readSampleTail(text: string, p: number, end: number): Sample | string {
  const labels: Labels = Object.create(null);
  const first = text.charCodeAt(p);
  if (p < end && first !== LBRACE && first !== SPACE && first !== TAB) return 'invalid character in metric name';
  // Blanks may stand between the name and its label set (`name {a="b"} 1`): the format allows
  // them and both upstream parsers accept them (expfmt readingMetricName skips blanks first).
  if (first !== LBRACE) p = skipBlanks(text, p, end);
  if (p < end && text.charCodeAt(p) === LBRACE) {
    p = readLabels(text, p, end, labels);
    if (p < 0) return 'malformed label set';
  }
  p = skipBlanks(text, p, end);
  let q = p;
  while (q < end && text.charCodeAt(q) !== SPACE && text.charCodeAt(q) !== TAB) q++;
  if (q === p) return 'missing value';
  const value = parseSampleValue(text.slice(p, q));
  if (value === undefined) return `expected float as value, got ${JSON.stringify(text.slice(p, q))}`;
  p = skipBlanks(text, q, end);
  if (p >= end) return { labels, value };
  q = p;
  while (q < end && text.charCodeAt(q) !== SPACE && text.charCodeAt(q) !== TAB) q++;
  const ts = parseTimestamp(text.slice(p, q));
  if (ts === undefined) return `expected integer as timestamp, got ${JSON.stringify(text.slice(p, q))}`;
  if (skipBlanks(text, q, end) < end) return 'unexpected text after the timestamp';
  return { labels, value, timestampMs: ts };
}
