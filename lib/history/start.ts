import { listClusters } from '../clusters';
import { ConfigError, staticConfig } from '../config';
import { markBackfillOff, backfillAll } from './ts-backfill-start';
import { historyConfig } from './env';
import { startRecorder, type Recorder } from './recorder';
import { historyBackend } from './prometheus-env';
import type { SqliteStore } from './sqlite-store';
import { historySource, historyStore } from './store-holder';

const KEY = Symbol.for('crdb-monitor.history-recorder');
type Holder = { [KEY]?: Recorder };

/**
 * Starts the process's one recorder (instrumentation.ts); a second call is a no-op. Then, in the
 * background, each cluster's missing past is read from CockroachDB's time-series store
 * (ts-backfill.ts). The recorder need not wait for it: the backfill rebuilds the minute rollup
 * around every stretch it writes (SqliteStore.writePast), so past samples written between live ones
 * are no counter reset. `backfilled` settles once every cluster has its last day (or failed): the
 * alerts start then (their windows, an hour or a day, are read from the store and should see the
 * past); the rest of the stretch follows in the background.
 */
export async function startHistory(): Promise<{ backfilled: Promise<void> }> {
  const g = globalThis as Holder;
  const none = { backfilled: Promise.resolve() };
  if (g[KEY]) return none;
  const cfg = staticConfig();
  const hist = historyConfig();
  if (historySource() === 'prometheus') {
    console.log(`history: read from Prometheus (${historyBackend().prometheus?.url.replace(/\/\/[^@/]*@/, '//')}); the embedded recorder is off`);
    markBackfillOff(await listClusters(), 'history is read from Prometheus (HISTORY_BACKEND=prometheus): the backfill from /ts/query writes only into the embedded store, so it is off');
    return none;
  }
  let store;
  try {
    store = historyStore();
  } catch (err) {
    throw new ConfigError(`HISTORY_DB: cannot open ${hist.dbPath} as the history store: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (g[KEY]) return none;
  g[KEY] = startRecorder({ store, clusters: listClusters, intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs, retentionMs: hist.retentionMs });
  console.log(`history: recording every ${cfg.scrapeIntervalMs / 1000}s into ${hist.dbPath}, keeping ${Math.round(hist.retentionMs / 3_600_000)}h`);
  const clusters = await listClusters();
  // By shape, not instanceof: the store on globalThis may come from another bundle's copy of the class.
  if (hist.backfillMs === 0 || !('writePast' in store)) {
    markBackfillOff(clusters, 'TS_BACKFILL=off: history starts with what this dashboard records');
    return none;
  }
  return { backfilled: backfillAll({ store: store as SqliteStore, clusters, backfillMs: hist.backfillMs, intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs }).recent };
}
