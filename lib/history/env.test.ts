import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { parseHistoryConfig } from './env';

describe('parseHistoryConfig', () => {
  it('defaults to .data/history.sqlite, kept 14 days', () => {
    expect(parseHistoryConfig({})).toEqual({ dbPath: '.data/history.sqlite', retentionMs: 14 * 86_400_000, backfillMs: 10 * 86_400_000 });
  });
  it('reads HISTORY_DB and HISTORY_RETENTION', () => {
    expect(parseHistoryConfig({ HISTORY_DB: '/var/lib/monitor/h.sqlite', HISTORY_RETENTION: '72h' })).toEqual({ dbPath: '/var/lib/monitor/h.sqlite', retentionMs: 72 * 3_600_000, backfillMs: 72 * 3_600_000 });
  });
  it.each([['forever'], ['10m'], ['0d']])('HISTORY_RETENTION=%s stops start-up, naming the variable', (v) => {
    expect(() => parseHistoryConfig({ HISTORY_RETENTION: v })).toThrow(ConfigError);
    expect(() => parseHistoryConfig({ HISTORY_RETENTION: v })).toThrow(/^HISTORY_RETENTION: must be a duration/);
  });
  it('TS_BACKFILL: a duration capped at HISTORY_RETENTION, 0/off disables, nonsense stops start-up', () => {
    expect(parseHistoryConfig({ TS_BACKFILL: '36h' }).backfillMs).toBe(36 * 3_600_000);
    expect(parseHistoryConfig({ TS_BACKFILL: '30d', HISTORY_RETENTION: '20d' }).backfillMs).toBe(20 * 86_400_000);
    expect(parseHistoryConfig({ TS_BACKFILL: 'off' }).backfillMs).toBe(0);
    expect(parseHistoryConfig({ TS_BACKFILL: '0' }).backfillMs).toBe(0);
    expect(() => parseHistoryConfig({ TS_BACKFILL: 'lots' })).toThrow(/^TS_BACKFILL: must be a duration/);
  });
  it('an empty HISTORY_DB is refused', () => {
    expect(() => parseHistoryConfig({ HISTORY_DB: ' ' })).toThrow(/^HISTORY_DB: must be a file path/);
  });
});
