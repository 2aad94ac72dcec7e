import { describe, expect, it } from 'vitest';
import { formatIsoUtc, formatLocalDateTime, formatLocalTime } from './time';

const T = Date.UTC(2026, 10, 25, 20, 43, 52, 620);

describe('formatIsoUtc', () => {
  it('drops the milliseconds and keeps the Z', () => {
    expect(formatIsoUtc(T)).toBe('2026-11-25T20:43:52Z');
  });
  it('says — for a non-number', () => {
    expect(formatIsoUtc(Number.NaN)).toBe('—');
  });
});

describe('formatLocalTime', () => {
  it.each([
    ['UTC', '20:43:52'],
    ['Europe/Berlin', '21:43:52'],
    ['America/New_York', '15:43:52'],
  ])('in %s', (timeZone, want) => {
    expect(formatLocalTime(T, { locale: 'en-GB', timeZone })).toBe(want);
  });
  it('is 24-hour even in a 12-hour locale', () => {
    expect(formatLocalTime(T, { locale: 'en-US', timeZone: 'UTC' })).toBe('20:43:52');
  });
});

describe('formatLocalDateTime', () => {
  it('includes the day', () => {
    expect(formatLocalDateTime(T, { locale: 'en-GB', timeZone: 'UTC' })).toBe('25 Nov, 20:43');
  });
});
