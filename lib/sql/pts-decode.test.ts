import { describe, expect, it } from 'vitest';
import { decodeMeta, decodeTarget, hlcToMs } from './pts-decode';

const hex = (h: string) => Buffer.from(h, 'hex');

describe('protected timestamp columns', () => {
  it.each([
    ['1a002001', { kind: 'cluster' }],
    ['1a00', { kind: 'cluster' }],
    ['0a050a0368ac02', { kind: 'schema_objects', ids: [104, 300] }],
    ['0a020868', { kind: 'schema_objects', ids: [104] }], // unpacked repeated field
    ['12080a0208020a020803', { kind: 'tenants', ids: ['2', '3'] }],
    ['', { kind: 'unknown' }],
    ['ff', { kind: 'unknown' }],
  ])('target %s', (h, want) => expect(decodeTarget(hex(h))).toMatchObject(want));

  it('meta and ts', () => {
    expect(decodeMeta(Buffer.from('1230656570293878785'))).toBe('1230656570293878785');
    expect(decodeMeta(Buffer.from([0xde, 0xad]))).toBeNull();
    expect(hlcToMs('1764100020123456789.0000000001')).toBe(1764100020123);
    expect(hlcToMs('garbage')).toBeNull();
  });
});
