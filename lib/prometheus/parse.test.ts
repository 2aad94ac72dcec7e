import { describe, expect, it, vi } from 'vitest';
import { parseExposition } from './parse';
import { observable, plainFamilies, plainSamples, toCRLF, withFinalNewline, withoutFinalNewline, type PlainSample } from './test-helpers';

const ALL = { keep: () => true };
const parseAll = (text: string) => parseExposition(text, ALL);

interface Case {
  name: string;
  text: string;
  keep?: (family: string) => boolean;
  samples: Record<string, PlainSample[]>;
}

const s = (value: number, labels: Record<string, string> = {}, timestampMs?: number): PlainSample =>
  timestampMs === undefined ? { labels, value } : { labels, value, timestampMs };

const CASES: Case[] = [
  // ---- label sets seen in real CockroachDB output (reference a.3)
  { name: 'no labels (v19.2, v20.2)', text: '# TYPE a counter\na 56336.0\n', samples: { a: [s(56336)] } },
  { name: 'node_id (23.x+)', text: '# TYPE a counter\na{node_id="1"} 4\n', samples: { a: [s(4, { node_id: '1' })] } },
  {
    name: 'node_id + tenant, one family split per tenant (v25.4 docs)',
    text: '# TYPE sql_insert_count counter\nsql_insert_count{node_id="1",tenant="system"} 12\nsql_insert_count{node_id="1",tenant="demoapp"} 15\n',
    samples: { sql_insert_count: [s(12, { node_id: '1', tenant: 'system' }), s(15, { node_id: '1', tenant: 'demoapp' })] },
  },
  { name: 'store (v19.2)', text: '# TYPE c gauge\nc{store="1"} 0.0\n', samples: { c: [s(0, { store: '1' })] } },
  { name: 'store then node_id', text: '# TYPE c gauge\nc{store="2",node_id="2"} 3\n', samples: { c: [s(3, { store: '2', node_id: '2' })] } },
  {
    name: 'histogram: le buckets, _sum and _count belong to the family',
    text: [
      '# HELP h Latency',
      '# TYPE h histogram',
      'h_bucket{node_id="1",le="671.0"} 3.0',
      'h_bucket{node_id="1",le="5.572592853587432e+08"} 5.0',
      'h_bucket{node_id="1",le="+Inf"} 7.0',
      'h_sum{node_id="1"} 1.2e+06',
      'h_count{node_id="1"} 7.0',
      '',
    ].join('\n'),
    keep: (f) => f === 'h',
    samples: {
      h_bucket: [s(3, { node_id: '1', le: '671.0' }), s(5, { node_id: '1', le: '5.572592853587432e+08' }), s(7, { node_id: '1', le: '+Inf' })],
      h_sum: [s(1.2e6, { node_id: '1' })],
      h_count: [s(7, { node_id: '1' })],
    },
  },
  {
    name: 'summary: quantiles, _sum, _count',
    text: '# TYPE q summary\nq{quantile="0.5"} 1\nq{quantile="0.99"} 2\nq_sum 3\nq_count 4\n',
    keep: (f) => f === 'q',
    samples: { q: [s(1, { quantile: '0.5' }), s(2, { quantile: '0.99' })], q_sum: [s(3)], q_count: [s(4)] },
  },
  {
    name: 'extra child labels (server.child_metrics.enabled)',
    text: '# TYPE cf gauge\ncf{node_id="1",scope="default",feed_id="abc"} 9\n',
    samples: { cf: [s(9, { node_id: '1', scope: 'default', feed_id: 'abc' })] },
  },
  // ---- label value escaping and awkward characters
  {
    name: 'escaped quote, backslash and newline in a label value',
    text: String.raw`x{a="say \"hi\"",b="C:\\dir",c="l1\nl2"} 1` + '\n',
    samples: { x: [s(1, { a: 'say "hi"', b: 'C:\\dir', c: 'l1\nl2' })] },
  },
  {
    name: 'label values containing }, { and ,',
    text: 'x{a="}",b=",{",c="a=\\"1\\",b=2}"} 2\n',
    samples: { x: [s(2, { a: '}', b: ',{', c: 'a="1",b=2}' })] },
  },
  { name: 'empty label value and empty label set', text: 'x{a=""} 1\ny{} 2\n', samples: { x: [s(1, { a: '' })], y: [s(2)] } },
  { name: 'trailing comma and blanks inside braces', text: 'x{ a = "1" , b="2", } 3\n', samples: { x: [s(3, { a: '1', b: '2' })] } },
  { name: 'unknown escape kept verbatim', text: String.raw`x{a="t\tab"} 1` + '\n', samples: { x: [s(1, { a: String.raw`t\tab` })] } },
  { name: 'non-ASCII label values', text: 'x{city="Zürich 🏔"} 1\n', samples: { x: [s(1, { city: 'Zürich 🏔' })] } },
  // ---- values and timestamps
  {
    name: 'value forms: 1.0, 1, -2, exponent, NaN, +Inf, -Inf, Inf, -0',
    text: ['v{k="a"} 1.0', 'v{k="b"} 1', 'v{k="c"} -2', 'v{k="d"} 5.572592853587432e+08', 'v{k="e"} NaN', 'v{k="f"} +Inf', 'v{k="g"} -Inf', 'v{k="h"} Inf', 'v{k="i"} 1.4951782e-08', 'v{k="j"} 0x'].join('\n'),
    samples: {
      v: [
        s(1, { k: 'a' }),
        s(1, { k: 'b' }),
        s(-2, { k: 'c' }),
        s(557259285.3587432, { k: 'd' }),
        s(NaN, { k: 'e' }),
        s(Infinity, { k: 'f' }),
        s(-Infinity, { k: 'g' }),
        s(Infinity, { k: 'h' }),
        s(1.4951782e-8, { k: 'i' }),
      ],
    },
  },
  {
    name: 'optional timestamps after the value',
    text: 'a 1 1700000000000\na{x="1"} 2.5 -1\nb   3\t\t42  \n',
    samples: { a: [s(1, {}, 1700000000000), s(2.5, { x: '1' }, -1)], b: [s(3, {}, 42)] },
  },
  // ---- comments, blank lines, layout
  {
    name: 'HELP/TYPE/other comments and blank lines',
    text: '\n# a plain comment\n#HELP a no space after the hash\n# HELP a Help text\n\n# TYPE a counter\n\n\na 1\n# EOF\n',
    samples: { a: [s(1)] },
  },
  { name: 'leading blanks before a sample or comment', text: '  # TYPE a gauge\n\t a 1\n', samples: { a: [s(1)] } },
  { name: 'metric names with colons (recording-rule style)', text: 'job:rate5m 4\n', samples: { 'job:rate5m': [s(4)] } },
  { name: 'names that are Object.prototype keys', text: 'constructor 1\n__proto__{__proto__="x"} 2\n', samples: { constructor: [s(1)], ['__proto__']: [s(2, { ['__proto__']: 'x' })] } },
  // ---- filtering
  {
    name: 'untyped x_total after counter x is its own family',
    text: '# TYPE x counter\nx 1\nx_total 2\nx_bucket{le="1"} 3\n',
    keep: (f) => f === 'x',
    samples: { x: [s(1)] },
  },
  {
    name: '_bucket without a histogram TYPE is asked as the bare sample name',
    text: 'lat_bucket{le="1"} 1\nlat_count 1\n',
    keep: (f) => f === 'lat_bucket',
    samples: { lat_bucket: [s(1, { le: '1' })] },
  },
  {
    name: 'a family whose name is a prefix of the next one',
    text: '# TYPE jobs_backup_resume_failed counter\njobs_backup_resume_failed 1\n# TYPE jobs_backup_resume_failed_x counter\njobs_backup_resume_failed_x 2\n',
    keep: (f) => f === 'jobs_backup_resume_failed',
    samples: { jobs_backup_resume_failed: [s(1)] },
  },
  {
    name: 'samples of a kept family after other families (out of order)',
    text: '# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\na{x="late"} 3\n',
    keep: (f) => f === 'a',
    samples: { a: [s(1), s(3, { x: 'late' })] },
  },
];

describe('parseExposition: syntax table', () => {
  it.each(CASES)('$name', ({ text, keep, samples }) => {
    const p = parseExposition(text, { keep: keep ?? (() => true) });
    expect(p.valid).toBe(true);
    expect(plainSamples(p)).toEqual(samples);
  });

  it.each(CASES)('$name: CRLF, no final newline and extra blank lines parse the same', ({ text, keep }) => {
    const opts = { keep: keep ?? (() => true) };
    const base = observable(parseExposition(text, opts));
    expect(observable(parseExposition(toCRLF(text), opts))).toEqual(base);
    expect(observable(parseExposition(withoutFinalNewline(text), opts))).toEqual(base);
    expect(observable(parseExposition(withFinalNewline(text), opts))).toEqual(base);
    expect(observable(parseExposition(`\n\n${text.replace(/\n/g, '\n\n')}`, opts))).toEqual(base);
  });
});

describe('parseExposition: families, HELP and TYPE', () => {
  it('reports TYPE and unescaped HELP per kept family, untyped without TYPE', () => {
    const p = parseAll(String.raw`# HELP a Line one\nline two \\ done` + '\n# TYPE a gauge\na 1\n# TYPE b WEIRD\nb 2\nc 3\n');
    expect(plainFamilies(p)).toEqual({
      a: { type: 'gauge', help: 'Line one\nline two \\ done' },
      b: { type: 'untyped' },
      c: { type: 'untyped' },
    });
  });

  it('keeps families with a TYPE but no samples', () => {
    const p = parseAll('# HELP e Nothing yet\n# TYPE e counter\n# TYPE f gauge\nf 1\n');
    expect([...p.families.keys()]).toEqual(['e', 'f']);
    expect(p.samples.has('e')).toBe(false);
  });

  it('asks keep() once per family, with the family name for histogram parts', () => {
    const keep = vi.fn((f: string) => f === 'h');
    const text = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n# TYPE g gauge\ng 1\ng{a="1"} 2\nu 1\nu 2\n';
    parseExposition(text, { keep });
    expect(keep.mock.calls.map((c) => c[0]).sort()).toEqual(['g', 'h', 'u']);
  });

  it('returns only what keep() accepts', () => {
    const text = '# TYPE a gauge\na 1\n# TYPE b histogram\nb_bucket{le="+Inf"} 1\nb_sum 1\nb_count 1\n# TYPE c counter\nc 3\nd 4\n';
    const p = parseExposition(text, { keep: (f) => f === 'b' || f === 'd' });
    expect([...p.samples.keys()].sort()).toEqual(['b_bucket', 'b_count', 'b_sum', 'd']);
    expect([...p.families.keys()].sort()).toEqual(['b', 'd']);
  });
});

describe('parseExposition: malformed lines', () => {
  it.each([
    ['unterminated label value', 'a{x="1} 1'],
    ['missing value', 'a{x="1"}'],
    ['bad value', 'a 1.2.3'],
    ['bad label name', 'a{1x="1"} 1'],
    ['garbage after timestamp', 'a 1 2 3'],
    ['non-integer timestamp', 'a 1 2.5'],
    ['invalid character in name', 'a-b 1'],
  ])('%s: counted, skipped, the rest still parsed', (_, line) => {
    const p = parseAll(`# TYPE ok gauge\nok 1\n# TYPE a gauge\n${line}\n# TYPE z gauge\nz 2\n`);
    expect(p.valid).toBe(true);
    expect(p.malformedLines).toBe(1);
    expect(p.firstError).toMatch(/^line 4: /);
    expect(plainSamples(p)).toMatchObject({ ok: [s(1)], z: [s(2)] });
    expect(p.samples.has('a')).toBe(false);
  });

  it('does not examine lines of rejected families (that is the point of the filter)', () => {
    const p = parseExposition('# TYPE a gauge\na{x="1} 1\n# TYPE b gauge\nb 2\n', { keep: (f) => f === 'b' });
    expect(p.malformedLines).toBe(0);
    expect(plainSamples(p)).toEqual({ b: [s(2)] });
  });
});

describe('parseExposition: node identity', () => {
  const v19 = '# HELP node_id node ID with labels for advertised RPC and HTTP addresses\n# TYPE node_id gauge\nnode_id{advertise_addr="roach1:26257",http_addr="roach1:8080",sql_addr="roach1:26257"} 1.0\n';
  const v23 = '# TYPE node_id gauge\nnode_id{node_id="3",advertise_addr="10.0.0.3:26257",http_addr="10.0.0.3:8080",sql_addr="10.0.0.3:26257"} 3\n';
  const other = '# TYPE a gauge\na{node_id="3"} 1\n';

  it.each([
    ['v19.2 shape, keep nothing', v19, () => false, { node_id: 1, labels: { advertise_addr: 'roach1:26257', http_addr: 'roach1:8080', sql_addr: 'roach1:26257' } }],
    ['v19.2 shape, keep everything', v19, () => true, { node_id: 1, labels: { advertise_addr: 'roach1:26257', http_addr: 'roach1:8080', sql_addr: 'roach1:26257' } }],
    ['23.x shape after other families', other + v23, (f: string) => f === 'a', { node_id: 3, labels: { node_id: '3', advertise_addr: '10.0.0.3:26257', http_addr: '10.0.0.3:8080', sql_addr: '10.0.0.3:26257' } }],
    ['without a TYPE line', 'node_id{http_addr="h:1"} 2', () => false, { node_id: 2, labels: { http_addr: 'h:1' } }],
    ['absent', other, () => true, null],
    ['not a positive integer', '# TYPE node_id gauge\nnode_id{http_addr="h:1"} 0\n', () => false, null],
  ])('%s', (_, text, keep, want) => {
    expect(parseExposition(text, { keep }).nodeIdentity).toEqual(want);
  });

  it('does not report node_id as a kept family unless keep() says so', () => {
    const p = parseExposition(v19, { keep: () => false });
    expect(p.samples.size).toBe(0);
    expect(p.families.size).toBe(0);
  });
});

describe('parseExposition: not the exposition format', () => {
  it.each([
    ['HTML error page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'],
    ['JSON', '{"error":"not found","code":5}'],
    ['binary (gzip decoded as text)', '\u001f\uFFFD\b\u0000\u0000\u0000\u0000\u0000\u0000\u0003'],
    ['empty', ''],
    ['plain text', '404 page not found\n'],
  ])('%s → valid: false with a reason', (_, text) => {
    const p = parseAll(text);
    expect(p.valid).toBe(false);
    expect(p.reason).toBeTruthy();
    expect(p.samples.size).toBe(0);
    expect(p.nodeIdentity).toBeNull();
  });
});
