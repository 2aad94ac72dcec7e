import { DEFAULT_PROMETHEUS_SELECTOR, staticConfig } from '../config';
import { nodeIdAtHost } from '../scrape/snapshot-cache';
import { historyConfig } from './env';
import { historyBackend } from './prometheus-env';
import { PrometheusStore } from './prometheus-store';
import { SqliteStore } from './sqlite-store';
import type { HistoryStore } from './types';

// On globalThis: the recorder (instrumentation) and every route bundle must share one connection.
const KEY = Symbol.for('crdb-monitor.history-store');
type Holder = { [KEY]?: HistoryStore };

/** Where history is read from: `embedded` (HISTORY_DB) or `prometheus` (PROMETHEUS_URL). */
export function historySource(): 'embedded' | 'prometheus' {
  return historyBackend().backend;
}

/** The process's history store: the embedded one at HISTORY_DB, or Prometheus's query API. */
export function historyStore(): HistoryStore {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const b = historyBackend();
    g[KEY] = b.prometheus
      ? new PrometheusStore({
          cfg: b.prometheus,
          selectorOf: (cluster) => (staticConfig().clusters.find((c) => c.id === cluster)?.prometheusSelector ?? DEFAULT_PROMETHEUS_SELECTOR).replace(/^\{\s*|\s*\}$/g, ''),
          nodeOfInstance: nodeIdAtHost,
        })
      : new SqliteStore(historyConfig().dbPath);
  }
  return g[KEY];
}
