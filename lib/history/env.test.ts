import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { parseHistoryConfig } from './env';

describe('parseHistoryConfig', () => {
  it('defaults to .data/history.sqlite, kept 14 days', () => {
    expect(parseHistoryConfig({})).toEqual({ dbPath: '.data/history.sqlite', retentionMs: 14 * 86_400_000 });
  });
  it('reads HISTORY_DB and HISTORY_RETENTION', () => {
    expect(parseHistoryConfig({ HISTORY_DB: '/var/lib/monitor/h.sqlite', HISTORY_RETENTION: '72h' })).toEqual({ dbPath: '/var/lib/monitor/h.sqlite', retentionMs: 72 * 3_600_000 });
  });
  it.each([['forever'], ['10m'], ['0d']])('HISTORY_RETENTION=%s stops start-up, naming the variable', (v) => {
    expect(() => parseHistoryConfig({ HISTORY_RETENTION: v })).toThrow(ConfigError);
    expect(() => parseHistoryConfig({ HISTORY_RETENTION: v })).toThrow(/^HISTORY_RETENTION: must be a duration/);
  });
  it('an empty HISTORY_DB is refused', () => {
    expect(() => parseHistoryConfig({ HISTORY_DB: ' ' })).toThrow(/^HISTORY_DB: must be a file path/);
  });
});
