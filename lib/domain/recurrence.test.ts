import { describe, expect, it } from 'vitest';
import { cronFields, expectedIntervalS, nextRunAfter, recurrenceText } from './recurrence';

const H = 3_600;
const D = 86_400;

describe('expectedIntervalS', () => {
  it.each([
    ['@hourly', H],
    ['@daily', D],
    ['@midnight', D],
    ['@weekly', 7 * D],
    ['*/15 * * * *', 900],
    ['*/20 * * * *', 1_200],
    ['0 */6 * * *', 6 * H],
    ['1 0 * * *', D],
    // Weekdays only: Friday 09:00 → Monday 09:00 is the longest gap, and the one to tolerate.
    ['0 9 * * 1-5', 3 * D],
    // Twice a day at uneven hours: the longer of the two gaps.
    ['0 2,8 * * *', 18 * H],
    ['@every 90m', 5_400],
    ['@every 1h30m', 5_400],
  ])('%s → %d s', (rec, s) => {
    expect(expectedIntervalS(rec)).toBe(s);
  });

  it.each([[null], [''], ['NEVER'], ['not a cron'], ['99 * * * *']])('%j has no interval', (rec) => {
    expect(expectedIntervalS(rec)).toBeNull();
  });

  it('monthly takes the longest month gap (31 days)', () => {
    expect(expectedIntervalS('@monthly')).toBe(31 * D);
  });
});

describe('recurrenceText', () => {
  it.each([
    ['@hourly', 'every hour at :00'],
    ['5 * * * *', 'every hour at :05'],
    ['@daily', 'every day at 00:00 UTC'],
    ['30 2 * * *', 'every day at 02:30 UTC'],
    ['@weekly', 'every Sunday at 00:00 UTC'],
    ['0 3 * * 6', 'every Saturday at 03:00 UTC'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['0 */6 * * *', 'every 6 hours at :00'],
    ['@monthly', 'every month on the 1st at 00:00 UTC'],
    ['@every 90m', 'every 90m'],
  ])('%s → %s', (rec, words) => {
    expect(recurrenceText(rec)).toBe(words);
  });

  it('falls back to cronstrue in 24 h, saying UTC', () => {
    expect(recurrenceText('30 14 * * 1-5')).toBe('At 14:30, Monday through Friday (UTC)');
  });

  it('no recurrence → null; NEVER → says so; garbage → the raw text', () => {
    expect(recurrenceText(null)).toBeNull();
    expect(recurrenceText('NEVER')).toMatch(/^never/);
    expect(recurrenceText('bogus')).toBe('bogus');
  });
});

describe('cronFields / nextRunAfter', () => {
  it('expands descriptors, keeps five fields, drops NEVER', () => {
    expect(cronFields('@hourly')).toBe('0 * * * *');
    expect(cronFields('1 0 * * *')).toBe('1 0 * * *');
    expect(cronFields('NEVER')).toBeNull();
  });

  it('computes the next run in UTC', () => {
    expect(new Date(nextRunAfter('@daily', Date.parse('2026-11-25T20:07:00Z')) ?? 0).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(nextRunAfter(null, 0)).toBeNull();
  });
});
