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
 * A sample value as Go's strconv.ParseFloat reads it: decimals, exponents, and (case-insensitive)
 * `NaN`, `Inf`, `Infinity` with an optional sign. `undefined` when it is not a number, since NaN
 * is itself a legal value. JS `Number()` alone would turn `''` into 0 and `+Inf` into NaN.
 */
export function parseSampleValue(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const n = +s;
  if (n === n) return n; // not NaN: the common case, one builtin call
  switch (s.toLowerCase()) {
    case 'nan':
    case '+nan':
    case '-nan':
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
      return undefined;
  }
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
  if (p < end && first === LBRACE) {
    p = readLabels(text, p, end, labels);
    if (p < 0) return 'malformed label set';
  } else if (p < end && first !== SPACE && first !== TAB) {
    return 'invalid character in metric name';
  }
  p = skipBlanks(text, p, end);
  let q = p;
  while (q < end && text.charCodeAt(q) !== SPACE && text.charCodeAt(q) !== TAB) q++;
  if (q === p) return 'missing value';
  const value = parseSampleValue(text.slice(p, q));
  if (value === undefined) return `invalid value ${JSON.stringify(text.slice(p, q))}`;
  p = skipBlanks(text, q, end);
  if (p >= end) return { labels, value };
  q = p;
  while (q < end && text.charCodeAt(q) !== SPACE && text.charCodeAt(q) !== TAB) q++;
  const ts = Number(text.slice(p, q));
  if (!Number.isInteger(ts)) return `invalid timestamp ${JSON.stringify(text.slice(p, q))}`;
  if (skipBlanks(text, q, end) < end) return 'unexpected text after the timestamp';
  return { labels, value, timestampMs: ts };
}
