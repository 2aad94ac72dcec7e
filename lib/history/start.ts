import { listClusters } from '../clusters';
import { ConfigError, staticConfig } from '../config';
import { DEMO_CLUSTER_ID, embeddedDemo } from '../demo/embedded';
import { writeBackfill } from './demo-backfill';
import { historyConfig } from './env';
import { startRecorder, type Recorder } from './recorder';
import { historyStore } from './store-holder';

const KEY = Symbol.for('crdb-monitor.history-recorder');
type Holder = { [KEY]?: Recorder };

/** Starts the process's one recorder (instrumentation.ts); a second call is a no-op. */
export function startHistory(): void {
  const g = globalThis as Holder;
  if (g[KEY]) return;
  const cfg = staticConfig();
  const hist = historyConfig();
  let store;
  try {
    store = historyStore();
  } catch (err) {
    throw new ConfigError(`HISTORY_DB: cannot open ${hist.dbPath} as the history store: ${err instanceof Error ? err.message : String(err)}`);
  }
  g[KEY] = startRecorder({ store, clusters: listClusters, intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs, retentionMs: hist.retentionMs });
  if (cfg.mode === 'demo') {
    void embeddedDemo()
      .then((demo) => writeBackfill(store, DEMO_CLUSTER_ID, demo.model.takeBackfill()))
      .then((n) => n > 0 && console.log(`history: backfilled the demo's simulated past day (${n} scrapes)`))
      .catch((err: unknown) => console.error('history: could not write the demo backfill:', err));
  }
  console.log(`history: recording every ${cfg.scrapeIntervalMs / 1000}s into ${hist.dbPath}, keeping ${Math.round(hist.retentionMs / 3_600_000)}h`);
}
