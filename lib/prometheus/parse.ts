/**
 * A filtering parser for the Prometheus text format 0.0.4, built for `/_status/vars`: keep the
 * ~40 backup/restore families of a page with 1000+ and spend (almost) nothing on the rest.
 *
 * How it stays fast (bench/parser.bench.ts has the figures):
 * - Lines are found with `indexOf('\n')`, a native scan; no split(), no per-line strings.
 * - expfmt writes each family as `# HELP`, `# TYPE`, then its samples, so the parser keeps the
 *   current family and its keep() decision. Whether a line is one of that family's samples
 *   (`x`, or `x_bucket`/`x_sum`/`x_count` for histograms and summaries, then `{` or a blank) is
 *   one compiled sticky-regex test (family-matcher.ts); a rejected line is then skipped
 *   without allocating anything.
 * - Any other line (untyped samples, families out of order) slices its name once and the
 *   decision is cached per sample name. keep() is called once per family name.
 * Labels and values are parsed only for kept lines (and for the `node_id` identity line).
 */
import { matcherOf, matchersFor, suffixesOf, HISTOGRAM_SUFFIXES, type FamilyMatcher, type FamilyMatchers } from './family-matcher';
import { readSampleTail, scanName, skipBlanks, unescapeHelp } from './lexer';
import { sniffExposition } from './sniff';
import type { FamilyMeta, MetricType, NodeIdentity, ParsedExposition, ParseOptions, Sample } from './types';

// Character codes of the hot loop, declared here rather than imported from lexer.ts: compiled
// to CommonJS (tsx, vitest, webpack) every imported binding is a getter call, which cost ~40 %
// of the parse time on a 1 MB page.
const CR = 13;
const HASH = 35;
const SPACE = 32;
const TAB = 9;

/** The family that owns the node's identity (CRDB recorder.go, `node ID with labels for …`). */
const IDENTITY_FAMILY = 'node_id';

type MutableMeta = { type: MetricType; help?: string };

/** What one parse knows about one family name; one Map lookup per HELP/TYPE line at most. */
interface Family {
  readonly name: string;
  readonly keep: boolean;
  /** From the first TYPE line; undefined until one is seen. */
  type: MetricType | undefined;
  /** The result entry, only for kept families. */
  readonly meta: MutableMeta | undefined;
  readonly matchers: FamilyMatchers;
  /** For the current `type`, built on the first sample line. */
  matcher: FamilyMatcher | null;
  /** Kept sample names [name, name + suffix…] matching matcher.suffixes. */
  sampleNames: readonly string[];
}

class ExpositionParser {
  private readonly samples = new Map<string, Sample[]>();
  private readonly families = new Map<string, MutableMeta>();
  private readonly known = new Map<string, Family>();
  /** Slow-path cache: sample name → whether its family is kept. */
  private readonly bySample = new Map<string, boolean>();
  private identity: NodeIdentity | null = null;
  private malformed = 0;
  private firstError: string | undefined;
  /** The family of the last HELP/TYPE line. */
  private cur: Family | null = null;

  constructor(
    private readonly text: string,
    private readonly keep: (family: string) => boolean,
  ) {}

  run(): ParsedExposition {
    const text = this.text;
    const len = text.length;
    let p = 0;
    let lineNo = 0;
    while (p < len) {
      let nl = text.indexOf('\n', p);
      if (nl < 0) nl = len;
      lineNo++;
      const end = nl > p && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const c = text.charCodeAt(p);
      if (c === HASH) {
        this.comment(p, end, lineNo);
      } else if (p < end) {
        const fam = this.cur;
        const m = fam === null ? null : (fam.matcher ?? this.arm(fam));
        let which = -1;
        if (m !== null && c === m.first) {
          m.re.lastIndex = p;
          if (m.re.test(text)) which = m.suffixByExtraLength[m.re.lastIndex - p - m.nameLength];
        }
        if (which < 0 || fam === null || m === null) {
          this.otherLine(p, end, lineNo);
        } else if (fam.keep) {
          this.take(fam.sampleNames[which], which === 0 ? fam.name : '', m.re.lastIndex, end, lineNo);
        } else if (which === 0 && this.identity === null && fam.name === IDENTITY_FAMILY) {
          this.take(null, IDENTITY_FAMILY, m.re.lastIndex, end, lineNo);
        }
      }
      p = nl + 1;
    }
    return {
      valid: true,
      samples: this.samples,
      families: this.families,
      nodeIdentity: this.identity,
      malformedLines: this.malformed,
      ...(this.firstError === undefined ? {} : { firstError: this.firstError }),
    };
  }

  /** Builds the current family's matcher (and kept sample names) for its TYPE. */
  private arm(fam: Family): FamilyMatcher {
    const m = matcherOf(fam.matchers, fam.type);
    fam.matcher = m;
    if (fam.keep) fam.sampleNames = [fam.name, ...m.suffixes.map((s) => fam.name + s)];
    return m;
  }

  /**
   * Parses the rest of a sample line. `name` is the kept sample name, or null when the line is
   * read only for the node identity; `family` is non-empty only for a family's own samples.
   */
  private take(name: string | null, family: string, q: number, end: number, lineNo: number): void {
    const s = readSampleTail(this.text, q, end);
    if (typeof s === 'string') return this.bad(lineNo, s);
    if (family === IDENTITY_FAMILY && this.identity === null && Number.isInteger(s.value) && s.value > 0) {
      this.identity = { node_id: s.value, labels: { ...s.labels } };
    }
    if (name === null) return;
    let list = this.samples.get(name);
    if (!list) this.samples.set(name, (list = []));
    list.push(s);
  }

  private family(name: string): Family {
    let fam = this.known.get(name);
    if (!fam) {
      const keep = this.keep(name) === true;
      const meta: MutableMeta | undefined = keep ? { type: 'untyped' } : undefined;
      if (meta) this.families.set(name, meta);
      fam = { name, keep, type: undefined, meta, matchers: matchersFor(name), matcher: null, sampleNames: [] };
      this.known.set(name, fam);
    }
    return fam;
  }

  /** `# HELP name text`, `# TYPE name type`; any other `#` line is a comment. */
  private comment(p: number, end: number, lineNo: number): void {
    const text = this.text;
    let q = skipBlanks(text, p + 1, end);
    const isHelp = text.startsWith('HELP', q);
    if (!isHelp && !text.startsWith('TYPE', q)) return;
    const afterKeyword = q + 4;
    q = skipBlanks(text, afterKeyword, end);
    if (q === afterKeyword) return; // `# HELPER …` is an ordinary comment
    // A TYPE line usually names the family its HELP line just named: test, don't re-scan.
    let fam = this.cur;
    let nameEnd = fam === null ? -1 : this.nameEndIfNamed(fam, q);
    if (fam === null || nameEnd < 0) {
      nameEnd = scanName(text, q, end);
      if (nameEnd === q) return this.bad(lineNo, `${isHelp ? 'HELP' : 'TYPE'} without a metric name`);
      this.cur = fam = this.family(text.slice(q, nameEnd));
    }
    const rest = skipBlanks(text, nameEnd, end);
    if (isHelp) {
      if (fam.meta && fam.meta.help === undefined) fam.meta.help = unescapeHelp(text.slice(rest, end));
      return;
    }
    let tEnd = rest;
    while (tEnd < end && text.charCodeAt(tEnd) !== SPACE && text.charCodeAt(tEnd) !== TAB) tEnd++;
    if (tEnd === rest) return this.bad(lineNo, `TYPE ${fam.name} without a type`);
    if (fam.type !== undefined) return; // expfmt rejects a second TYPE; the first one stands
    fam.type = toMetricType(text.slice(rest, tEnd));
    fam.matcher = null;
    if (fam.meta) fam.meta.type = fam.type;
  }

  /** End of `fam`'s name if the text at `q` is exactly that name followed by a blank, else -1. */
  private nameEndIfNamed(fam: Family, q: number): number {
    const m = matcherOf(fam.matchers, undefined);
    if (this.text.charCodeAt(q) !== m.first) return -1;
    m.re.lastIndex = q;
    return m.re.test(this.text) ? q + m.nameLength : -1;
  }

  /** A line the current-family shortcut could not place: leading blanks, other families, junk. */
  private otherLine(p: number, end: number, lineNo: number): void {
    const text = this.text;
    const s = skipBlanks(text, p, end);
    if (s === end) return; // blank line
    if (text.charCodeAt(s) === HASH) return this.comment(s, end, lineNo);
    const nameEnd = scanName(text, s, end);
    if (nameEnd === s) return this.bad(lineNo, 'line does not start with a metric name');
    const name = text.slice(s, nameEnd);
    const family = this.familyOf(name);
    let kept = this.bySample.get(name);
    if (kept === undefined) this.bySample.set(name, (kept = this.family(family).keep));
    if (kept) return this.take(name, family === name ? name : '', nameEnd, end, lineNo);
    if (name === IDENTITY_FAMILY && this.identity === null) this.take(null, name, nameEnd, end, lineNo);
  }

  /** `x_bucket` belongs to histogram `x`; a name with a TYPE of its own, or none at all, is its own family. */
  private familyOf(name: string): string {
    if (this.known.get(name)?.type !== undefined) return name;
    for (const sfx of HISTOGRAM_SUFFIXES) {
      if (!name.endsWith(sfx)) continue;
      const base = name.slice(0, -sfx.length);
      if (suffixesOf(this.known.get(base)?.type).includes(sfx)) return base;
    }
    return name;
  }

  private bad(lineNo: number, problem: string): void {
    this.malformed++;
    this.firstError ??= `line ${lineNo}: ${problem}`;
  }
}

function toMetricType(token: string): MetricType {
  const t = token.toLowerCase();
  return t === 'counter' || t === 'gauge' || t === 'histogram' || t === 'summary' ? t : 'untyped';
}

const EMPTY_SAMPLES: ReadonlyMap<string, readonly Sample[]> = new Map();
const EMPTY_FAMILIES: ReadonlyMap<string, FamilyMeta> = new Map();

export function parseExposition(text: string, opts: ParseOptions): ParsedExposition {
  const sniff = sniffExposition(text);
  if (!sniff.ok) {
    return { valid: false, reason: sniff.reason, samples: EMPTY_SAMPLES, families: EMPTY_FAMILIES, nodeIdentity: null, malformedLines: 0 };
  }
  return new ExpositionParser(text, opts.keep).run();
}
