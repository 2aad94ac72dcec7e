import { describe, expect, it } from 'vitest';
import { formatBytes, formatRatio } from './bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [2_512_540_338, '2.3 GiB'],
    [6_609_100_712, '6.2 GiB'],
    [null, '—'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});

describe('formatRatio', () => {
  it.each([
    [1, '100 %'],
    [0.9996, '100 %'],
    [0.995, '99.5 %'],
    [0.5, '50 %'],
    [0, '0 %'],
    [null, '—'],
  ])('%s → %s', (r, text) => expect(formatRatio(r)).toBe(text));
});
