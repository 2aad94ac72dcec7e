/**
 * A strict reader of the Prometheus text format (0.0.4) for this folder's tests: it accepts exactly
 * what expfmt.MetricFamilyToText writes (HELP, then TYPE, then the family's samples; no blank
 * lines, no timestamps, last line terminated) and throws on anything else, so "garbage" bodies and
 * format slips both fail loudly. The dashboard's own parser lives in lib/prometheus/.
 */

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Label names in printed order. */
  readonly labelOrder: readonly string[];
  readonly value: number;
  /** The value exactly as printed. */
  readonly rawValue: string;
}

export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  readonly samples: Sample[];
}

export interface Exposition {
  /** Families in printed order. */
  readonly order: readonly string[];
  readonly families: ReadonlyMap<string, Family>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Go strconv 'g' output or the special values expfmt writes.
const VALUE = /^(?:[-+]?Inf|NaN|-?\d+(?:\.\d+)?(?:e[-+]\d{2,3})?)$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function unescape(s: string, quotes: boolean): string {
  return s.replace(/\\(.)/g, (m: string, c: string) => {
    if (c === '\\') return '\\';
    if (c === 'n') return '\n';
    if (c === '"' && quotes) return '"';
    throw new Error(`bad escape ${m}`);
  });
}

function parseLabels(s: string, lineNo: number): { labels: Record<string, string>; order: string[] } {
  const labels: Record<string, string> = {};
  const order: string[] = [];
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf('=', i);
    if (eq < 0) throw new Error(`line ${lineNo}: label without '='`);
    const k = s.slice(i, eq);
    if (!LABEL_NAME.test(k)) throw new Error(`line ${lineNo}: bad label name ${JSON.stringify(k)}`);
    if (s[eq + 1] !== '"') throw new Error(`line ${lineNo}: label value not quoted`);
    let j = eq + 2;
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    if (j >= s.length) throw new Error(`line ${lineNo}: unterminated label value`);
    if (k in labels) throw new Error(`line ${lineNo}: duplicate label ${k}`);
    labels[k] = unescape(s.slice(eq + 2, j), true);
    order.push(k);
    i = j + 1;
    if (i < s.length) {
      if (s[i] !== ',') throw new Error(`line ${lineNo}: expected ',' between labels`);
      i++;
      if (i >= s.length) throw new Error(`line ${lineNo}: trailing ','`);
    }
  }
  return { labels, order };
}

function belongs(sample: string, fam: Family): boolean {
  if (fam.type !== 'histogram') return sample === fam.name;
  return sample === `${fam.name}_bucket` || sample === `${fam.name}_sum` || sample === `${fam.name}_count`;
}

export function parseExposition(text: string): Exposition {
  if (text.length === 0) throw new Error('empty body');
  if (!text.endsWith('\n')) throw new Error('last line not terminated');
  const families = new Map<string, Family>();
  const order: string[] = [];
  let cur: Family | null = null;
  let pendingHelp: { name: string; help: string } | null = null;
  const lines = text.slice(0, -1).split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const lineNo = n + 1;
    if (line.startsWith('# HELP ')) {
      const rest = line.slice(7);
      const sp = rest.indexOf(' ');
      const name = sp < 0 ? rest : rest.slice(0, sp);
      if (!NAME.test(name)) throw new Error(`line ${lineNo}: bad family name in HELP`);
      if (pendingHelp) throw new Error(`line ${lineNo}: HELP for ${pendingHelp.name} without TYPE`);
      pendingHelp = { name, help: sp < 0 ? '' : unescape(rest.slice(sp + 1), false) };
    } else if (line.startsWith('# TYPE ')) {
      const [name, type, extra] = line.slice(7).split(' ');
      if (extra !== undefined || !TYPES.has(type)) throw new Error(`line ${lineNo}: bad TYPE line`);
      if (!pendingHelp || pendingHelp.name !== name) throw new Error(`line ${lineNo}: TYPE ${name} not preceded by its HELP`);
      if (families.has(name)) throw new Error(`line ${lineNo}: family ${name} appears twice (samples not grouped)`);
      cur = { name, help: pendingHelp.help, type, samples: [] };
      pendingHelp = null;
      families.set(name, cur);
      order.push(name);
    } else if (line.startsWith('#') || line.trim() === '') {
      throw new Error(`line ${lineNo}: unexpected ${line.trim() === '' ? 'blank line' : 'comment'}`);
    } else {
      if (!cur || pendingHelp) throw new Error(`line ${lineNo}: sample before HELP/TYPE`);
      const brace = line.indexOf('{');
      const sp = line.lastIndexOf(' ');
      if (sp < 0) throw new Error(`line ${lineNo}: sample without value`);
      let name: string;
      let parsed = { labels: {} as Record<string, string>, order: [] as string[] };
      if (brace >= 0 && brace < sp) {
        name = line.slice(0, brace);
        const close = line.lastIndexOf('}');
        if (close !== sp - 1) throw new Error(`line ${lineNo}: malformed label set`);
        parsed = parseLabels(line.slice(brace + 1, close), lineNo);
      } else {
        name = line.slice(0, sp);
      }
      if (!NAME.test(name)) throw new Error(`line ${lineNo}: bad metric name ${JSON.stringify(name.slice(0, 40))}`);
      if (!belongs(name, cur)) throw new Error(`line ${lineNo}: sample ${name} outside its family (current ${cur.name})`);
      const rawValue = line.slice(sp + 1);
      if (!VALUE.test(rawValue)) throw new Error(`line ${lineNo}: bad value ${JSON.stringify(rawValue.slice(0, 40))}`);
      const value = rawValue.endsWith('Inf') ? (rawValue.startsWith('-') ? -Infinity : Infinity) : Number(rawValue);
      cur.samples.push({ name, labels: parsed.labels, labelOrder: parsed.order, value, rawValue });
    }
  }
  if (pendingHelp) throw new Error(`HELP for ${pendingHelp.name} without TYPE at end`);
  for (const f of families.values()) if (f.samples.length === 0) throw new Error(`family ${f.name} has no samples`);
  return { order, families };
}

/** name → value of every label-free-apart-from-registry-labels sample (counters/gauges). */
export function scalarValues(e: Exposition): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of e.families.values()) if (f.type !== 'histogram') for (const s of f.samples) out.set(`${s.name}${JSON.stringify(s.labels)}`, s.value);
  return out;
}
