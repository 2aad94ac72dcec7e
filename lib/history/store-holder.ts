import { historyConfig } from './env';
import { SqliteStore } from './sqlite-store';
import type { HistoryStore } from './types';

// On globalThis: the recorder (instrumentation) and every route bundle must share one connection.
const KEY = Symbol.for('crdb-monitor.history-store');
type Holder = { [KEY]?: SqliteStore };

/** The process's history store, opened on first use at HISTORY_DB. */
export function historyStore(): HistoryStore {
  const g = globalThis as Holder;
  g[KEY] ??= new SqliteStore(historyConfig().dbPath);
  return g[KEY];
}
