import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/c/demo/jobs?status=failed', '/c/demo/jobs?status=failed'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/ok\nSet-Cookie: x', '/'],
    ['c/demo', '/'],
  ])('%j → %j', (raw, want) => expect(safeReturnPath(raw)).toBe(want));
});
