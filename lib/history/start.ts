import { listClusters } from '../clusters';
import { ConfigError, staticConfig } from '../config';
import { writeBackfill } from './backfill';
import { historyConfig } from './env';
import { startRecorder, type Recorder } from './recorder';
import { historyBackend } from './prometheus-env';
import { historySource, historyStore } from './store-holder';
import type { BackfillSample } from './types';

const KEY = Symbol.for('crdb-monitor.history-recorder');
type Holder = { [KEY]?: Recorder };

/** A source of a cluster's past scrapes (start-up registers the built-in demo's simulated past). */
export interface HistorySource {
  cluster: string;
  /** What it names, for the log ("the demo's simulated past day"). */
  what: string;
  samples: () => Promise<readonly BackfillSample[]>;
}

/**
 * Starts the process's one recorder (instrumentation.ts); a second call is a no-op. The sources'
 * past is written first and the recorder starts after it: a store's increase is computed against
 * the sample written just before, so past samples written between live ones would read as counter
 * resets (false failures at start-up). Resolves once the recorder runs.
 */
export async function startHistory(opts: { sources?: HistorySource[] } = {}): Promise<void> {
  const g = globalThis as Holder;
  if (g[KEY]) return;
  const cfg = staticConfig();
  const hist = historyConfig();
  if (historySource() === 'prometheus') {
    console.log(`history: read from Prometheus (${historyBackend().prometheus?.url.replace(/\/\/[^@/]*@/, '//')}); the embedded recorder is off`);
    return;
  }
  let store;
  try {
    store = historyStore();
  } catch (err) {
    throw new ConfigError(`HISTORY_DB: cannot open ${hist.dbPath} as the history store: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const src of opts.sources ?? []) {
    try {
      const n = await writeBackfill(store, src.cluster, await src.samples());
      if (n > 0) console.log(`history: backfilled ${src.what} (${n} scrapes)`);
    } catch (err) {
      console.error(`history: could not write ${src.what}:`, err);
    }
  }
  if (g[KEY]) return;
  g[KEY] = startRecorder({ store, clusters: listClusters, intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs, retentionMs: hist.retentionMs });
  console.log(`history: recording every ${cfg.scrapeIntervalMs / 1000}s into ${hist.dbPath}, keeping ${Math.round(hist.retentionMs / 3_600_000)}h`);
}
