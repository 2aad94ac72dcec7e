import { describe, expect, it } from 'vitest';
import { escapeHelp, escapeLabelValue, formatGoFloat, formatLabels } from './go-format';
import { BUCKET_LAYOUTS } from './histogram-buckets';

describe('formatGoFloat (Go strconv.AppendFloat(f, g, -1, 64) via expfmt writeFloat)', () => {
  // Values as printed by real CockroachDB 23.x nodes (DataDog cockroachdb fixtures).
  it.each([
    [0, '0'],
    [1, '1'],
    [-1, '-1'],
    [4, '4'],
    [1033, '1033'],
    [695, '695'],
    [630884, '630884'],
    [3.041243126e9, '3.041243126e+09'],
    [1.4951782e8, '1.4951782e+08'],
    [3.550887e6, '3.550887e+06'],
    [4.4654626e7, '4.4654626e+07'],
    [1e6, '1e+06'],
    [0.5, '0.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456.789, '123456.789'],
    [1e21, '1e+21'],
    [1.5e300, '1.5e+300'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('%s → %s', (v, s) => {
    expect(formatGoFloat(v)).toBe(s);
  });

  it('reproduces every real bucket bound string', () => {
    for (const [layout, bounds] of Object.entries(BUCKET_LAYOUTS)) {
      for (const le of bounds) expect(formatGoFloat(Number(le)), `${layout} ${le}`).toBe(le);
    }
  });
});

describe('escaping', () => {
  it('escapes HELP backslashes and newlines, label values also quotes', () => {
    expect(escapeHelp('a\\b\nc"d')).toBe('a\\\\b\\nc"d');
    expect(escapeLabelValue('a\\b\nc"d')).toBe('a\\\\b\\nc\\"d');
    expect(formatLabels([['node_id', '1'], ['le', '+Inf']])).toBe('{node_id="1",le="+Inf"}');
    expect(formatLabels([])).toBe('');
  });
});
