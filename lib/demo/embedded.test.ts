import { describe, expect, it } from 'vitest';
import { demoEpoch } from './embedded';

describe('demoEpoch', () => {
  it.each([
    ['2026-11-25T20:11:00Z', '2026-11-23T00:00:00.000Z'], // a Wednesday → that Monday
    ['2026-11-23T00:00:00Z', '2026-11-23T00:00:00.000Z'], // Monday midnight is its own epoch
    ['2026-11-29T23:59:59Z', '2026-11-23T00:00:00.000Z'], // Sunday night still belongs to it
    ['2026-12-01T08:00:00Z', '2026-11-30T00:00:00.000Z'], // across a month boundary
  ])('%s → %s', (now, epoch) => expect(new Date(demoEpoch(Date.parse(now))).toISOString()).toBe(epoch));
});
