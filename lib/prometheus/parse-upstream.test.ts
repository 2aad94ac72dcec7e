/**
 * The parser held against Prometheus's own text-format parser tests, so it neither invents values
 * nor drops valid series. Inputs and expectations are copied from:
 * - prometheus/common expfmt/text_parse_test.go (`testTextParse` scenarios, `testTextParseError`
 *   cases 9–11 and 21–31: "expected float as value" / "expected integer as timestamp");
 * - prometheus/prometheus model/textparse/promparse_test.go (`TestPromParse`, `TestPromParseErrors`).
 * Both upstream parsers read values with `parseFloat`: Go's strconv.ParseFloat after refusing `p`,
 * `P` and `_` (so no hex floats or digit separators); timestamps with strconv.ParseInt(s, 10, 64).
 */
import { describe, expect, it } from 'vitest';
import { parseSampleValue, parseTimestamp } from './lexer';
import { parseExposition } from './parse';
import { plainFamilies, plainSamples, type PlainSample } from './test-helpers';

const parseAll = (text: string) => parseExposition(text, { keep: () => true });
const s = (value: number, labels: Record<string, string> = {}, timestampMs?: number): PlainSample =>
  timestampMs === undefined ? { labels, value } : { labels, value, timestampMs };

/** `line` on a page of valid ones (so the sniff sees Prometheus text), as line 3. */
function oneLine(line: string) {
  const p = parseAll(`# TYPE ok gauge\nok 1\n${line}\nok 2\n`);
  expect(p.valid).toBe(true);
  return p;
}

describe('values: what Go strconv.ParseFloat (behind both upstream parsers) accepts', () => {
  it.each([
    ['1', 1],
    ['-3e3', -3e3], // expfmt scenario 1, `another_metric -3e3 103948`
    ['0.23', 0.23],
    ['.5', 0.5],
    ['5.', 5],
    ['+1', 1],
    ['-0', -0],
    ['08', 8], // expfmt scenario 3, `my_summary_sum{n1="val2"} 08 15`
    ['1E3', 1000],
    ['1e+3', 1000],
    ['4.9351e-05', 4.9351e-5], // promparse TestPromParse
    ['1e-400', 0], // underflow is not an error for ParseFloat
    ['NaN', NaN],
    ['nan', NaN],
    ['Inf', Infinity],
    ['+Inf', Infinity], // expfmt scenario 2
    ['-Inf', -Infinity], // expfmt scenario 2
    ['-inf', -Infinity],
    ['INF', Infinity],
    ['Infinity', Infinity],
    ['-infinity', -Infinity],
  ])('%s → %s', (text, want) => {
    expect(parseSampleValue(text)).toBe(want);
  });

  it.each([
    // expfmt testTextParseError 21–31, promparse TestPromParseErrors: no digit separators, no
    // hex floats, no integer base prefixes (JS's Number() reads the last three as 1).
    '1_2',
    '1_000',
    '0x1p-3',
    '0x1P-3',
    '0x1',
    '0X1',
    '0b1',
    '0B1',
    '0o1',
    '0O1',
    '0xff',
    // ParseFloat's special values take a sign only for Inf; NaN is unsigned.
    '+NaN',
    '-NaN',
    'infin',
    // out of float64 range: ParseFloat answers ±Inf with ErrRange, which both parsers reject
    '1e999',
    '-1e999',
    // not numbers at all
    'true', // promparse TestPromParseErrors `a true`
    'blubb', // expfmt testTextParseError 11
    '',
    '.',
    'e3',
    '1e',
    '1.2.3',
    '--1',
    '+-1',
    // whitespace JS would trim (only blanks and tabs separate tokens in the format)
    '\u000b1',
    '1\u000c',
    '\u00a01',
    '1\ufeff',
  ])('%j is not a value', (text) => {
    expect(parseSampleValue(text)).toBeUndefined();
  });

  it.each(['foo 0x1', 'foo 0X1', 'foo 0b1', 'foo 0B1', 'foo 0o1', 'foo 0O1', 'foo 1_2', 'foo 0x1p-3'])('%j: the line is rejected, not read as a number', (line) => {
    const p = oneLine(line);
    expect(p.samples.has('foo')).toBe(false);
    expect(p.malformedLines).toBe(1);
    expect(p.firstError).toMatch(/^line 3: expected float as value, got "/);
  });
});

describe('timestamps: strconv.ParseInt(s, 10, 64)', () => {
  it.each([
    ['123123', 123123],
    ['-2', -2], // expfmt scenario 3, `decoy -1 -2`
    ['+5', 5],
    ['9223372036854775807', 9223372036854775807],
  ])('%s → %s', (text, want) => {
    expect(parseTimestamp(text)).toBe(want);
  });

  it.each(['2.72', '1_2', '0x10', '1e3', '', '-', '+', '99999999999999999999', ' 1'])('%j is not a timestamp', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it.each([
    ['metric{label="bla"} 3.14 2.72', /expected integer as timestamp/], // expfmt testTextParseError 9
    ['metric{label="bla"} 3.14 2 3', /unexpected text after the timestamp/], // expfmt 10 ("spurious string after timestamp")
    ['foo 0 1_2', /expected integer as timestamp/], // promparse TestPromParseErrors
  ])('%j is rejected', (line, problem) => {
    const p = oneLine(line);
    expect(p.malformedLines).toBe(1);
    expect(p.firstError).toMatch(problem);
  });
});

describe('expfmt testTextParse scenario 2: counters & gauges, docstrings, various whitespace, escape sequences', () => {
  // Verbatim, including `name {…}` (a blank between the name and its label set).
  const input = `
# A normal comment.
#
# TYPE name counter
name{labelname="val1",basename="basevalue"} NaN
name {labelname="val2",basename="base\\"v\\\\al\\nue"} 0.23 1234567890
# HELP name two-line\\n doc  str\\\\ing

 # HELP  name2  	doc str"ing 2
  #    TYPE    name2 gauge
name2{labelname="val2"	,basename   =   "basevalue2"		} +Inf 54321
name2{ labelname = "val1" , }-Inf
`;

  it('reads every series with its labels, value and timestamp', () => {
    const p = parseAll(input);
    expect(p.valid).toBe(true);
    expect(p.malformedLines).toBe(0);
    expect(plainSamples(p)).toEqual({
      name: [s(NaN, { labelname: 'val1', basename: 'basevalue' }), s(0.23, { labelname: 'val2', basename: 'base"v\\al\nue' }, 1234567890)],
      name2: [s(Infinity, { labelname: 'val2', basename: 'basevalue2' }, 54321), s(-Infinity, { labelname: 'val1' })],
    });
    expect(plainFamilies(p)).toEqual({
      name: { type: 'counter', help: 'two-line\n doc  str\\ing' },
      name2: { type: 'gauge', help: 'doc str"ing 2' },
    });
  });

  it('finds `name {…}` through the filtered fast path too (keeping only that family)', () => {
    const p = parseExposition(input, { keep: (f) => f === 'name' });
    expect(plainSamples(p).name).toHaveLength(2);
  });
});

describe('promparse TestPromParse: the series it reads', () => {
  // The upstream input, less its two NUL-byte lines: this parser's sniff refuses a body with NUL
  // in its head as binary (CockroachDB never writes one), a deliberate difference.
  const input = `# HELP go_gc_duration_seconds A summary of the GC invocation durations.
# 	TYPE go_gc_duration_seconds summary
go_gc_duration_seconds{quantile="0"} 4.9351e-05
go_gc_duration_seconds{quantile="0.25",} 7.424100000000001e-05
go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
go_gc_duration_seconds{quantile="0.8", a="b"} 8.3835e-05
go_gc_duration_seconds{ quantile="0.9", a="b"} 8.3835e-05
# Hrandom comment starting with prefix of HELP
#
wind_speed{A="2",c="3"} 12345
# comment with escaped \\n newline
# comment with escaped \\ escape character
# HELP nohelp1
# HELP nohelp2 
go_gc_duration_seconds{ quantile="1.0", a="b" } 8.3835e-05
go_gc_duration_seconds { quantile="1.0", a="b" } 8.3835e-05
go_gc_duration_seconds { quantile= "1.0", a= "b", } 8.3835e-05
go_gc_duration_seconds { quantile = "1.0", a = "b" } 8.3835e-05
go_gc_duration_seconds_count 99
some:aggregate:rate5m{a_b="c"}	1
# HELP go_goroutines Number of goroutines that currently exist.
# TYPE go_goroutines gauge
go_goroutines 33  	123123
_metric_starting_with_underscore 1
testmetric{_label_starting_with_underscore="foo"} 1
testmetric{label="\\"bar\\""} 1`;

  it('reads every series upstream reads, with the same labels and values', () => {
    const p = parseAll(input);
    expect(p.valid).toBe(true);
    expect(p.malformedLines).toBe(0);
    const q = (quantile: string, a?: string): Record<string, string> => (a === undefined ? { quantile } : { quantile, a });
    expect(plainSamples(p)).toEqual({
      go_gc_duration_seconds: [
        s(4.9351e-5, q('0')),
        s(7.424100000000001e-5, q('0.25')),
        s(8.3835e-5, q('0.5', 'b')),
        s(8.3835e-5, q('0.8', 'b')),
        s(8.3835e-5, q('0.9', 'b')),
        s(8.3835e-5, q('1.0', 'b')),
        s(8.3835e-5, q('1.0', 'b')),
        s(8.3835e-5, q('1.0', 'b')),
        s(8.3835e-5, q('1.0', 'b')),
      ],
      wind_speed: [s(12345, { A: '2', c: '3' })],
      go_gc_duration_seconds_count: [s(99)],
      'some:aggregate:rate5m': [s(1, { a_b: 'c' })],
      go_goroutines: [s(33, {}, 123123)],
      _metric_starting_with_underscore: [s(1)],
      testmetric: [s(1, { _label_starting_with_underscore: 'foo' }), s(1, { label: '"bar"' })],
    });
  });

  it('rejects what expfmt rejects where the two disagree: label pairs without a comma', () => {
    // promparse accepts `{ quantile = "2.0" a = "b" }` ("appears to be unintended and should
    // probably be fixed", its test says); expfmt answers "unexpected end of label value".
    const p = oneLine('go_gc_duration_seconds { quantile = "2.0" a = "b" } 8.3835e-05');
    expect(p.malformedLines).toBe(1);
  });
});

describe('promparse TestPromParseErrors / expfmt testTextParseError: lines both reject', () => {
  it.each([
    ['a{b=\'c\'} 1', 'promparse: expected label value'],
    ['a{b=', 'promparse: expected label value'],
    ['empty_label_name{="a"} 0', 'promparse: expected label name'],
    ['something_weird{problem="', 'promparse: expected label value'],
    ['metric{label=bla} 3.14', 'expfmt 6: expected \'"\' at start of label value'],
    ['metric{label+="bla"} 3.14', "expfmt 5: expected '=' after label name"],
    ['metric{label="bla"+} 3.14', 'expfmt 8: unexpected end of label value'],
    ['metric{label="bla"} blubb', 'expfmt 11: expected float as value'],
    ['a true', 'promparse: strconv.ParseFloat: parsing "true"'],
    ['@invalidmetric{label="bla"} 3.14 2', 'expfmt 17: invalid metric name'],
    ['{label="bla"} 3.14 2', 'expfmt 18: invalid metric name'],
  ])('%j (%s)', (line) => {
    const p = oneLine(line);
    expect(p.malformedLines).toBe(1);
    expect(Object.keys(plainSamples(p))).toEqual(['ok']);
  });
});
