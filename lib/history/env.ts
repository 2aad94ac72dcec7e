import { z } from 'zod';
import { ConfigError } from '../config';
import { parseDuration } from '../duration';

/**
 * HISTORY_DB (default `.data/history.sqlite`), HISTORY_RETENTION (default 14d) and TS_BACKFILL (default 10d), read once. A
 * bad value stops start-up with a message naming the variable, like the rest of the configuration.
 */
const HistoryEnv = z.object({
  HISTORY_DB: z.string().trim().min(1, 'must be a file path').default('.data/history.sqlite'),
  HISTORY_RETENTION: z
    .string()
    .trim()
    .default('14d')
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === null || ms < 3_600_000 || ms > 5 * 366 * 86_400_000) {
        ctx.addIssue({ code: 'custom', message: `must be a duration between 1h and 5 years, like 14d or 72h (got "${v}")` });
        return z.NEVER;
      }
      return ms;
    }),
  // How far back a cluster's missing history is read from CockroachDB's time-series store; 0/off: never.
  TS_BACKFILL: z
    .string()
    .trim()
    .default('10d')
    .transform((v, ctx) => {
      if (v === '0' || v.toLowerCase() === 'off') return 0;
      const ms = parseDuration(v);
      if (ms === null || ms < 60_000 || ms > 5 * 366 * 86_400_000) {
        ctx.addIssue({ code: 'custom', message: `must be a duration like 10d or 36h, or 0/off to disable (got "${v}")` });
        return z.NEVER;
      }
      return ms;
    }),
});

export interface HistoryConfig {
  dbPath: string;
  retentionMs: number;
  /** TS_BACKFILL, capped at HISTORY_RETENTION (nothing older than the store keeps is worth fetching); 0 = off. */
  backfillMs: number;
}

export function parseHistoryConfig(env: Record<string, string | undefined>): HistoryConfig {
  const r = HistoryEnv.safeParse(env);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return { dbPath: r.data.HISTORY_DB, retentionMs: r.data.HISTORY_RETENTION, backfillMs: Math.min(r.data.TS_BACKFILL, r.data.HISTORY_RETENTION) };
}

let cached: HistoryConfig | undefined;
export function historyConfig(): HistoryConfig {
  cached ??= parseHistoryConfig(process.env);
  return cached;
}
